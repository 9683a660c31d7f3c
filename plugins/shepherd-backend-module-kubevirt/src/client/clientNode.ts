import type * as ClientNode from '@kubernetes/client-node';

/** The `@kubernetes/client-node` module. */
export type ClientNodeModule = typeof ClientNode;

let loading: Promise<ClientNodeModule> | undefined;

/**
 * Loads `@kubernetes/client-node` once. Version 1.x is an ES module while this package is
 * built as CommonJS; `import()` reaches it on every supported Node version (`require` of an
 * ES module only works from Node 20.19 / 22.12), which is also how Backstage's
 * kubernetes-backend loads it.
 */
export function loadClientNode(): Promise<ClientNodeModule> {
  if (!loading) {
    loading = import('@kubernetes/client-node').catch(error => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}
