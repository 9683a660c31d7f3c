import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi } from '../api/ShepherdApi';
import {
  aCluster,
  aNamespace,
  aTemplate,
  aVm,
  anInstanceSize,
  aPage,
} from './fixtures';

/*
 * Situations several tests start from, as the API answers in them.
 */

/** The admin catalogs of a platform that is ready for requests: one entry each. */
export const READY_PLATFORM: Partial<ShepherdApi> = {
  listClusters: async () => aPage([aCluster()]),
  listAdminNamespaces: async () => aPage([aNamespace()]),
  listTemplates: async () => aPage([aTemplate()]),
  listInstanceSizes: async () => aPage([anInstanceSize()]),
};

/**
 * A stopped VM whose start the backend accepts. The job marks the VM STARTING only a moment
 * after the acceptance, so the first reload still shows it STOPPED; the next ones show it
 * STARTING, then RUNNING.
 */
export function aVmStartedLate(): {
  stopped: ShepherdVm;
  api: Pick<ShepherdApi, 'getVm' | 'requestVmPower'>;
} {
  const stopped = aVm({ status: 'STOPPED' });
  const afterAcceptance = [
    stopped,
    aVm({ status: 'STARTING', updatedAt: '2026-11-23T11:00:00.000Z' }),
    aVm({ status: 'RUNNING', updatedAt: '2026-11-23T11:00:05.000Z' }),
  ];
  let accepted = false;
  return {
    stopped,
    api: {
      getVm: async () =>
        accepted
          ? afterAcceptance.shift() ?? aVm({ status: 'RUNNING' })
          : stopped,
      requestVmPower: async () => {
        accepted = true;
        return { status: 'ACCEPTED', eventId: 'event-start' };
      },
    },
  };
}
