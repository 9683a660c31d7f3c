/*
 * Jest runs this package as CommonJS and cannot evaluate the `import()` with which the KubeVirt
 * provider loads the ES module @kubernetes/client-node (that needs --experimental-vm-modules).
 * Tests that run the real provider get the same, real module through Jest's own transform.
 */
jest.mock(
  '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/client/clientNode',
  () => ({
    loadClientNode: () =>
      Promise.resolve(jest.requireActual('@kubernetes/client-node')),
  }),
);
