/**
 * Extension points, permission resource refs, rules and condition exports of KubeVirt
 * Shepherd: what backend modules and permission policies build on.
 *
 * @packageDocumentation
 */

export * from './approvals';
export * from './permissions';
export * from './ownership';
export * from './providers';
export * from './readiness';
