/**
 * Shared vocabulary of KubeVirt Shepherd: permissions, API types, enums, error codes and the
 * domain rules the backend enforces and the frontend shows, for the backend, the frontend
 * and policy modules alike.
 *
 * @packageDocumentation
 */

export * from './api/types';
export * from './catalog';
export * from './constants';
export * from './entityRefs';
export * from './health';
export * from './model';
export * from './permissions';
