/**
 * The KubeVirt Shepherd backend plugin.
 *
 * @packageDocumentation
 */

export { shepherdPlugin as default } from './plugin';
