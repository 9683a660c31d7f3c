/*
 * Jest runs this package as CommonJS and cannot evaluate the `import()` with which
 * src/client/clientNode.ts loads the ES module @kubernetes/client-node (that needs
 * --experimental-vm-modules). Tests get the same, real module through Jest's own transform.
 */
jest.mock('./client/clientNode', () => ({
  loadClientNode: () =>
    Promise.resolve(jest.requireActual('@kubernetes/client-node')),
}));
