import { ShepherdHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
import { CredentialKeyUsage } from '../periodic/CredentialReencryption';
import { VmProviderRegistry } from '../providers/VmProviderRegistry';
import { DatabaseHealthCheck } from './DatabaseHealthCheck';

/** Reports the state of the Shepherd backend for `GET /health`. */
export interface HealthService {
  check(): Promise<ShepherdHealth>;
}

export class DefaultHealthService implements HealthService {
  readonly #database: DatabaseHealthCheck;
  readonly #providers: VmProviderRegistry;
  readonly #version: string;
  readonly #credentials: { usage(): Promise<CredentialKeyUsage> };

  constructor(options: {
    database: DatabaseHealthCheck;
    providers: VmProviderRegistry;
    /** How the stored credentials stand towards the configured encryption keys. */
    credentials: { usage(): Promise<CredentialKeyUsage> };
    version: string;
  }) {
    this.#database = options.database;
    this.#providers = options.providers;
    this.#credentials = options.credentials;
    this.#version = options.version;
  }

  async check(): Promise<ShepherdHealth> {
    const database = await this.#database.check();
    // Counted only from a reachable, migrated database; the database check reports why not.
    const credentials =
      database.status === 'ok' && (database.migrations?.pending ?? 0) === 0
        ? await this.#credentials.usage()
        : undefined;
    return {
      ...(credentials ? { credentials } : {}),
      status: database.status === 'ok' ? 'ok' : 'degraded',
      checkedAt: new Date().toISOString(),
      version: this.#version,
      database,
      providers: this.#providers.list().map(provider => ({
        type: provider.type,
      })),
    };
  }
}
