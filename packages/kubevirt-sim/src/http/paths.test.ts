import { parseApiPath } from './paths';

describe('apiserver paths', () => {
  it.each([
    ['/version', { kind: 'version' }],
    ['/api', { kind: 'coreVersions' }],
    ['/apis', { kind: 'groupList' }],
    ['/apis/kubevirt.io', { kind: 'group', group: 'kubevirt.io' }],
    [
      '/apis/kubevirt.io/v1',
      { kind: 'resourceList', group: 'kubevirt.io', version: 'v1' },
    ],
  ])('%s', (path, expected) => {
    expect(parseApiPath(path)).toEqual(expected);
  });

  it('tells namespaces from namespaced resources', () => {
    expect(parseApiPath('/api/v1/namespaces')).toMatchObject({
      kind: 'resource',
      name: undefined,
      type: { plural: 'namespaces' },
    });
    expect(parseApiPath('/api/v1/namespaces/demo')).toMatchObject({
      kind: 'resource',
      name: 'demo',
      type: { plural: 'namespaces' },
    });
    expect(parseApiPath('/api/v1/namespaces/demo/status')).toMatchObject({
      name: 'demo',
      subresource: 'status',
    });
    expect(
      parseApiPath(
        '/apis/kubevirt.io/v1/namespaces/demo/virtualmachines/vm/status',
      ),
    ).toMatchObject({
      kind: 'resource',
      namespace: 'demo',
      name: 'vm',
      subresource: 'status',
      type: { kind: 'VirtualMachine' },
    });
    const allNamespaces = parseApiPath('/apis/kubevirt.io/v1/virtualmachines');
    expect(allNamespaces).toMatchObject({
      kind: 'resource',
      type: { plural: 'virtualmachines' },
    });
    expect((allNamespaces as { namespace?: string }).namespace).toBeUndefined();
    expect(parseApiPath('/apis/kubevirt.io/v1/virtualmachines/vm')).toEqual({
      kind: 'unknown',
    });
  });

  it('decodes escaped slashes like Go does, so vm%2Fstart reaches the start action', () => {
    expect(
      parseApiPath(
        '/apis/subresources.kubevirt.io/v1/namespaces/ns/virtualmachines/vm%2Fstart',
      ),
    ).toEqual({
      kind: 'kubevirtAction',
      namespace: 'ns',
      resource: 'virtualmachines',
      name: 'vm',
      action: 'start',
    });
  });
});
