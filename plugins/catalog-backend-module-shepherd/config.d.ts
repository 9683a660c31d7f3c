import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * KubeVirt Shepherd's Systems, Services and virtual machines as catalog entities
       * (`@kubevirt-shepherd/plugin-catalog-backend-module-shepherd`).
       */
      shepherd?: {
        /** The catalog namespace of the entities. Default: `default`. */
        namespace?: string;
        /** `spec.lifecycle` of the Components that stand for Services. Default: `production`. */
        lifecycle?: string;
        /** Where the app mounts the Shepherd page, for the entities' links. Default: `/shepherd`. */
        pagePath?: string;
        /**
         * How often the provider reads every System, Service and VM. Changes in between
         * arrive as events and are applied at once. Default: every 5 minutes, with a
         * timeout of 3 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * How long one request to the Shepherd API may take before the provider gives it
         * up, e.g. `30s` or `{ seconds: 30 }`. Default: 30 seconds.
         */
        requestTimeout?: HumanDuration | string;
      };
    };
  };
}
