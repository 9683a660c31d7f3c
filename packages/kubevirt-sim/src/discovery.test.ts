import * as k8s from '@kubernetes/client-node';
import { KubevirtSimulator, start } from './simulator';
import { KUBEVIRT, clientsFor, rawRequest } from './__testUtils__/clients';

describe('discovery, the KubeVirt CR and storage classes', () => {
  let sim: KubevirtSimulator;

  beforeAll(async () => {
    sim = await start({
      vnc: false,
      kubevirtVersion: 'v1.4.2',
      featureGates: ['Snapshot', 'VMExport'],
      storageClasses: [
        { name: 'local', provisioner: 'rancher.io/local-path' },
        { name: 'rbd', provisioner: 'rbd.csi.ceph.com', default: true },
      ],
    });
  });
  afterAll(() => sim.close());

  it('detects the KubeVirt version, phase and feature gates from the KubeVirt CR', async () => {
    const { custom } = clientsFor(sim);
    const list = (await custom.listClusterCustomObject({
      ...KUBEVIRT,
      plural: 'kubevirts',
    })) as any;
    expect(list.items).toHaveLength(1);
    const [kv] = list.items;
    expect(kv.metadata).toMatchObject({
      name: 'kubevirt',
      namespace: 'kubevirt',
    });
    expect(kv.status).toMatchObject({
      phase: 'Deployed',
      observedKubeVirtVersion: 'v1.4.2',
    });
    expect(kv.spec.configuration.developerConfiguration.featureGates).toEqual([
      'Snapshot',
      'VMExport',
    ]);
    expect(kv.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Available', status: 'True' }),
    );
  });

  it('lists storage classes with the default-class annotation', async () => {
    const { storage } = clientsFor(sim);
    const classes = await storage.listStorageClass();
    const byName = Object.fromEntries(
      classes.items.map(sc => [sc.metadata!.name, sc]),
    );
    expect(Object.keys(byName).sort()).toEqual(['local', 'rbd']);
    expect(byName.rbd.metadata!.annotations).toEqual({
      'storageclass.kubernetes.io/is-default-class': 'true',
    });
    expect(byName.local.metadata!.annotations).toBeUndefined();
    expect(byName.rbd.provisioner).toBe('rbd.csi.ceph.com');
  });

  it('serves /version and the legacy discovery documents', async () => {
    const { kc } = clientsFor(sim);
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.32.3');

    const core = await kc.makeApiClient(k8s.CoreV1Api).getAPIResources();
    expect(core.resources.find(r => r.name === 'namespaces')).toMatchObject({
      namespaced: false,
      kind: 'Namespace',
      shortNames: ['ns'],
    });

    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name).sort()).toEqual([
      'cdi.kubevirt.io',
      'instancetype.kubevirt.io',
      'kubevirt.io',
      'storage.k8s.io',
      'subresources.kubevirt.io',
    ]);

    const kubevirt = await rawRequest(sim, 'GET', '/apis/kubevirt.io/v1');
    expect(kubevirt.json.kind).toBe('APIResourceList');
    const byName = Object.fromEntries(
      kubevirt.json.resources.map((r: any) => [r.name, r]),
    );
    expect(byName.virtualmachines).toMatchObject({
      kind: 'VirtualMachine',
      namespaced: true,
      shortNames: ['vm', 'vms'],
      verbs: expect.arrayContaining([
        'get',
        'list',
        'watch',
        'create',
        'update',
        'patch',
        'delete',
      ]),
    });
    expect(byName.virtualmachineinstances).toMatchObject({
      kind: 'VirtualMachineInstance',
      shortNames: ['vmi', 'vmis'],
    });
    expect(byName['virtualmachines/status']).toMatchObject({
      verbs: ['get', 'patch', 'update'],
    });
    expect(byName.kubevirts.shortNames).toEqual(['kv', 'kvs']);

    const cdi = await rawRequest(sim, 'GET', '/apis/cdi.kubevirt.io/v1beta1');
    expect(cdi.json.resources[0]).toMatchObject({
      name: 'datavolumes',
      kind: 'DataVolume',
      shortNames: ['dv', 'dvs'],
    });
    const group = await rawRequest(sim, 'GET', '/apis/kubevirt.io');
    expect(group.json).toMatchObject({
      kind: 'APIGroup',
      name: 'kubevirt.io',
      preferredVersion: { groupVersion: 'kubevirt.io/v1' },
    });
    const subresources = await rawRequest(
      sim,
      'GET',
      '/apis/subresources.kubevirt.io/v1',
    );
    expect(subresources.json.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'virtualmachines/start',
        'virtualmachineinstances/vnc',
      ]),
    );

    // kubectl first asks for aggregated discovery; plain JSON tells it to fall back.
    const aggregated = await rawRequest(sim, 'GET', '/apis', {
      headers: {
        Accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    expect(aggregated.headers['content-type']).toBe('application/json');
    expect(aggregated.json.kind).toBe('APIGroupList');

    expect((await rawRequest(sim, 'GET', '/openapi/v2')).status).toBe(404);
    expect((await rawRequest(sim, 'GET', '/apis/nope.io/v1')).status).toBe(404);
    expect(
      (await rawRequest(sim, 'GET', '/openapi/v3')).json.paths[
        'apis/kubevirt.io/v1'
      ].serverRelativeURL,
    ).toMatch(/^\/openapi\/v3\/apis\/kubevirt.io\/v1\?hash=/);
  });

  it('seeds the common cluster instance types and preferences, and serves namespaced ones', async () => {
    const { custom } = clientsFor(sim);
    const instancetype = {
      group: 'instancetype.kubevirt.io',
      version: 'v1beta1',
    };
    const clusterTypes = (await custom.listClusterCustomObject({
      ...instancetype,
      plural: 'virtualmachineclusterinstancetypes',
    })) as any;
    expect(clusterTypes.items.map((i: any) => i.metadata.name)).toEqual([
      'u1.large',
      'u1.medium',
      'u1.small',
      'u1.xlarge',
    ]);
    expect(
      clusterTypes.items.find((i: any) => i.metadata.name === 'u1.medium'),
    ).toMatchObject({
      apiVersion: 'instancetype.kubevirt.io/v1beta1',
      kind: 'VirtualMachineClusterInstancetype',
      metadata: {
        annotations: {
          'instancetype.kubevirt.io/displayName': 'General Purpose',
        },
      },
      spec: { cpu: { guest: 1 }, memory: { guest: '4Gi' } },
    });
    const clusterPreferences = (await custom.listClusterCustomObject({
      ...instancetype,
      plural: 'virtualmachineclusterpreferences',
    })) as any;
    expect(clusterPreferences.items.map((i: any) => i.metadata.name)).toEqual([
      'fedora',
      'rhel.9',
      'ubuntu',
    ]);

    await custom.createNamespacedCustomObject({
      ...instancetype,
      namespace: 'default',
      plural: 'virtualmachineinstancetypes',
      body: {
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachineInstancetype',
        metadata: { name: 'team-medium' },
        spec: { cpu: { guest: 2 }, memory: { guest: '6Gi' } },
      },
    });
    const own = (await custom.listNamespacedCustomObject({
      ...instancetype,
      namespace: 'default',
      plural: 'virtualmachineinstancetypes',
    })) as any;
    expect(own.items).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({
          name: 'team-medium',
          namespace: 'default',
        }),
      }),
    ]);
    expect(
      (
        await rawRequest(
          sim,
          'GET',
          '/apis/instancetype.kubevirt.io/v1beta1/namespaces/default/virtualmachinepreferences',
        )
      ).json.items,
    ).toEqual([]);

    const bare = await start({ vnc: false, commonInstancetypes: false });
    try {
      expect(
        (
          (await clientsFor(bare).custom.listClusterCustomObject({
            ...instancetype,
            plural: 'virtualmachineclusterinstancetypes',
          })) as any
        ).items,
      ).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('renders server-side tables like the apiserver does for kubectl', async () => {
    const table = await rawRequest(
      sim,
      'GET',
      '/apis/storage.k8s.io/v1/storageclasses',
      {
        headers: {
          Accept:
            'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
        },
      },
    );
    expect(table.json.kind).toBe('Table');
    expect(table.json.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Provisioner',
      'ReclaimPolicy',
      'VolumeBindingMode',
      'AllowVolumeExpansion',
      'Age',
    ]);
    expect(table.json.rows.map((r: any) => r.cells[0])).toEqual([
      'local',
      'rbd (default)',
    ]);
    expect(table.json.rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});
