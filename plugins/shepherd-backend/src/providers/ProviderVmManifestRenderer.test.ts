import { ShepherdCluster } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmDefinition,
  ShepherdVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterConnections } from './ClusterConnections';
import { ProviderVmManifestRenderer } from './ProviderVmManifestRenderer';
import { VmProviderRegistry } from './VmProviderRegistry';

const definition = { name: 'dev-shop-cart-01' } as ShepherdVmDefinition;
const kubevirtCluster = { providerType: 'kubevirt' } as ShepherdCluster;

function providerOf(
  type: string,
  render?: ShepherdVmProvider['renderVirtualMachine'],
) {
  return { type, renderVirtualMachine: render } as ShepherdVmProvider;
}

function rendererWith(...providers: ShepherdVmProvider[]) {
  const registry = new VmProviderRegistry();
  providers.forEach(provider => registry.addProvider(provider));
  // Rendering reads neither clusters nor credentials.
  const unused = {} as any;
  return new ProviderVmManifestRenderer(
    new ClusterConnections(unused, unused, registry),
  );
}

describe('ProviderVmManifestRenderer', () => {
  it("answers what the cluster's provider renders", () => {
    const manifest = { kind: 'VirtualMachine' };
    const render = jest.fn(() => manifest);
    expect(
      rendererWith(providerOf('kubevirt', render)).render(
        kubevirtCluster,
        definition,
      ),
    ).toEqual({ provider: 'kubevirt', manifest });
    expect(render).toHaveBeenCalledWith(definition);
  });

  it('renders with the provider of each cluster, side by side', () => {
    const renderer = rendererWith(
      providerOf('kubevirt', () => ({ kind: 'VirtualMachine' })),
      providerOf('other', () => ({ kind: 'OtherMachine' })),
    );
    expect(
      renderer.render({ providerType: 'other' } as ShepherdCluster, definition),
    ).toEqual({ provider: 'other', manifest: { kind: 'OtherMachine' } });
    expect(renderer.render(kubevirtCluster, definition)).toEqual({
      provider: 'kubevirt',
      manifest: { kind: 'VirtualMachine' },
    });
  });

  it("has nothing to render without the cluster's provider", () => {
    expect(rendererWith().render(kubevirtCluster, definition)).toBeUndefined();
    expect(
      rendererWith(providerOf('other', () => ({}))).render(
        kubevirtCluster,
        definition,
      ),
    ).toBeUndefined();
  });

  it('answers VALIDATION_FAILED for a VM the provider refuses', () => {
    const refusing = rendererWith(
      providerOf('kubevirt', () => {
        throw new ShepherdProviderError(
          'permanent',
          'dedicated CPUs need whole cores',
        );
      }),
    );
    expect(() => refusing.render(kubevirtCluster, definition)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: 'The VM cannot be rendered: dedicated CPUs need whole cores',
      }),
    );
  });

  it('lets other failures through as they are', () => {
    const failing = rendererWith(
      providerOf('kubevirt', () => {
        throw new TypeError('bug');
      }),
    );
    expect(() => failing.render(kubevirtCluster, definition)).toThrow(
      TypeError,
    );
  });
});
