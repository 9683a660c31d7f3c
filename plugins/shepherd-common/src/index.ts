/**
 * Shared vocabulary of KubeVirt Shepherd: permissions, API types, enums, error codes and the
 * domain rules the backend enforces and the frontend shows, for the backend, the frontend
 * and policy modules alike; and the HTTP client of the Shepherd API, with the API's types,
 * generated from its OpenAPI spec.
 *
 * @packageDocumentation
 */

export * from './api/types';
export * from './catalog';
export * from './client';
export * from './constants';
export * from './entityRefs';
export * from './health';
export * from './model';
export * from './permissions';
export * from './schema';
export * from './signals';
