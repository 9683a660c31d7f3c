import { apiUrl } from './kubeHttp';

describe('apiUrl', () => {
  it('keeps a path prefix of the server URL (API servers behind a proxy)', () => {
    expect(
      apiUrl(
        'https://rancher.example.com/k8s/clusters/c-1/',
        '/api/v1/namespaces/dev',
      ).href,
    ).toBe(
      'https://rancher.example.com/k8s/clusters/c-1/api/v1/namespaces/dev',
    );
  });

  it('adds the query parameters that are set', () => {
    const url = apiUrl('https://127.0.0.1:6443', '/apis/kubevirt.io/v1/x', {
      fieldManager: 'kubevirt-shepherd',
      force: 'true',
      dryRun: undefined,
    });
    expect(url.search).toBe('?fieldManager=kubevirt-shepherd&force=true');
  });
});
