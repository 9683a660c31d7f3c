import { ShepherdHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
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

  constructor(options: {
    database: DatabaseHealthCheck;
    providers: VmProviderRegistry;
    version: string;
  }) {
    this.#database = options.database;
    this.#providers = options.providers;
    this.#version = options.version;
  }

  async check(): Promise<ShepherdHealth> {
    const database = await this.#database.check();
    return {
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
