import { parseCliArgs } from './cliArgs';

describe('CLI arguments', () => {
  it('defaults to one realistic cluster on 6443', () => {
    expect(parseCliArgs([])).toMatchObject({
      clusters: [{ name: 'kubevirt-sim', port: 6443 }],
      host: '127.0.0.1',
      outDir: '.kubevirt-sim',
      timing: 'realistic',
      vnc: true,
    });
    expect(parseCliArgs([]).stateDir).toBeUndefined();
    expect(parseCliArgs(['--state-dir', '.shepherd/clusters']).stateDir).toBe(
      '.shepherd/clusters',
    );
  });

  it('gives clusters without a port the next free ports', () => {
    const options = parseCliArgs([
      '--cluster',
      'dev',
      '--cluster',
      'prod=7000',
      '--cluster',
      'edge',
      '--port',
      '6500',
    ]);
    expect(options.clusters).toEqual([
      { name: 'dev', port: 6500 },
      { name: 'prod', port: 7000 },
      { name: 'edge', port: 6501 },
    ]);
  });

  it('parses storage classes, feature gates and switches', () => {
    const options = parseCliArgs([
      '--storage-class',
      'fast:rbd.csi.ceph.com:default',
      '--storage-class',
      'slow',
      '--feature-gate',
      'Snapshot',
      '--kubevirt-version',
      'v1.6.0',
      '--timing',
      'instant',
      '--no-vnc',
    ]);
    expect(options.storageClasses).toEqual([
      { name: 'fast', provisioner: 'rbd.csi.ceph.com', default: true },
      { name: 'slow' },
    ]);
    expect(options).toMatchObject({
      featureGates: ['Snapshot'],
      kubevirtVersion: 'v1.6.0',
      timing: 'instant',
      vnc: false,
    });
  });

  it('rejects bad input', () => {
    expect(() => parseCliArgs(['--cluster', 'Bad_Name'])).toThrow();
    expect(() => parseCliArgs(['--cluster', 'a', '--cluster', 'a'])).toThrow();
    expect(() => parseCliArgs(['--timing', 'slow'])).toThrow();
    expect(() => parseCliArgs(['--unknown'])).toThrow();
  });
});
