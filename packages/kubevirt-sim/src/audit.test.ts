import { KubevirtSimulator, start } from './simulator';
import { rawRequest } from './__testUtils__/clients';

describe('the audit log of writes', () => {
  let sim: KubevirtSimulator;

  beforeEach(async () => {
    sim = await start({ vnc: false });
  });
  afterEach(() => sim.close());

  const vm = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'web-01', namespace: 'default' },
    spec: { runStrategy: 'Always', template: { spec: { domain: {} } } },
  };
  const vms = '/apis/kubevirt.io/v1/namespaces/default/virtualmachines';

  it('records each write with its object and answer, and no reads', async () => {
    await rawRequest(sim, 'GET', vms);
    await rawRequest(sim, 'POST', `${vms}?dryRun=All`, { body: vm });
    await rawRequest(sim, 'POST', vms, { body: vm });
    await rawRequest(sim, 'POST', vms, { body: vm });
    await rawRequest(
      sim,
      'PUT',
      '/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/web-01/restart',
      { body: {} },
    );
    await rawRequest(sim, 'DELETE', `${vms}/web-01`);

    expect(
      sim.audit.events().map(event => ({
        verb: event.verb,
        ref: event.objectRef,
        code: event.responseStatus.code,
        dryRun: event.dryRun,
      })),
    ).toEqual([
      {
        verb: 'create',
        ref: {
          resource: 'virtualmachines',
          apiGroup: 'kubevirt.io',
          namespace: 'default',
          name: 'web-01',
        },
        code: 201,
        dryRun: true,
      },
      {
        verb: 'create',
        ref: {
          resource: 'virtualmachines',
          apiGroup: 'kubevirt.io',
          namespace: 'default',
          name: 'web-01',
        },
        code: 201,
        dryRun: false,
      },
      {
        verb: 'create',
        ref: {
          resource: 'virtualmachines',
          apiGroup: 'kubevirt.io',
          namespace: 'default',
          name: 'web-01',
        },
        code: 409,
        dryRun: false,
      },
      {
        verb: 'update',
        ref: {
          resource: 'virtualmachines',
          apiGroup: 'subresources.kubevirt.io',
          namespace: 'default',
          name: 'web-01',
          subresource: 'restart',
        },
        code: 202,
        dryRun: false,
      },
      {
        verb: 'delete',
        ref: {
          resource: 'virtualmachines',
          apiGroup: 'kubevirt.io',
          namespace: 'default',
          name: 'web-01',
        },
        code: 200,
        dryRun: false,
      },
    ]);
    expect(sim.audit.events()[1].requestURI).toBe(vms);
  });

  it('does not record what fault injection cut before the API server', async () => {
    sim.faults.inject({ kind: 'error', method: 'POST', times: 1 });
    expect((await rawRequest(sim, 'POST', vms, { body: vm })).status).toBe(503);
    expect(sim.audit.events()).toEqual([]);
    await rawRequest(sim, 'POST', vms, { body: vm });
    expect(sim.audit.events()).toHaveLength(1);
    sim.audit.clear();
    expect(sim.audit.events()).toEqual([]);
  });
});
