/**
 * The id of the Shepherd plugin: the backend serves its API under `/api/shepherd`, and every
 * package of the suite declares it as its `backstage.pluginId`.
 *
 * @public
 */
export const SHEPHERD_PLUGIN_ID = 'shepherd';
