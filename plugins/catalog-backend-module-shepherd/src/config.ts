import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { CONFIG_ROOT } from './constants';

/** How the entities are named and linked. */
export interface EntityMappingOptions {
  /** The catalog namespace of the entities. */
  namespace: string;
  /** `spec.lifecycle` of the Components that stand for Services. */
  lifecycle: string;
  /** The Shepherd page of the app, e.g. `http://localhost:3000/shepherd`. */
  shepherdUrl: string;
}

export interface ShepherdProviderConfig {
  mapping: EntityMappingOptions;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How long one request to Shepherd may take before it is given up. */
  requestTimeoutMs: number;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
};

/** Far more than a page of 100 records takes; a hung request ends well within the schedule. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function readRequestTimeoutMs(own: Config | undefined): number {
  if (!own?.has('requestTimeout')) return DEFAULT_REQUEST_TIMEOUT_MS;
  const ms = durationToMilliseconds(
    readDurationFromConfig(own, { key: 'requestTimeout' }),
  );
  if (!(ms > 0)) {
    throw new InputError(
      `${CONFIG_ROOT}.requestTimeout must be a positive duration`,
    );
  }
  return ms;
}

/** Reads `catalog.providers.shepherd` (every key optional) and `app.baseUrl`. */
export function readProviderConfig(config: Config): ShepherdProviderConfig {
  const own = config.getOptionalConfig(CONFIG_ROOT);
  const namespace = own?.getOptionalString('namespace') ?? DEFAULT_NAMESPACE;
  if (!KubernetesValidatorFunctions.isValidNamespace(namespace)) {
    throw new InputError(
      `${CONFIG_ROOT}.namespace '${namespace}' is not a valid catalog namespace`,
    );
  }
  const appBaseUrl = config.getString('app.baseUrl').replace(/\/+$/, '');
  const pagePath = (own?.getOptionalString('pagePath') ?? '/shepherd').replace(
    /^\/+|\/+$/g,
    '',
  );
  return {
    mapping: {
      namespace,
      lifecycle: own?.getOptionalString('lifecycle') ?? 'production',
      shepherdUrl: pagePath ? `${appBaseUrl}/${pagePath}` : appBaseUrl,
    },
    schedule: own?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          own.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    requestTimeoutMs: readRequestTimeoutMs(own),
  };
}
