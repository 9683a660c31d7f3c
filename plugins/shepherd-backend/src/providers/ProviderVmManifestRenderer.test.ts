import {
  ShepherdProviderError,
  ShepherdVmDefinition,
  ShepherdVmProvider,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ProviderVmManifestRenderer } from './ProviderVmManifestRenderer';

const definition = { name: 'dev-shop-cart-01' } as ShepherdVmDefinition;

function rendererWith(render?: ShepherdVmProvider['renderVirtualMachine']) {
  const provider = {
    type: 'kubevirt',
    renderVirtualMachine: render,
  } as unknown as ShepherdVmProvider;
  return new ProviderVmManifestRenderer({
    hasProvider: () => Boolean(render),
    provider: () => provider,
  });
}

describe('ProviderVmManifestRenderer', () => {
  it('answers what the installed provider renders', () => {
    const manifest = { kind: 'VirtualMachine' };
    const render = jest.fn(() => manifest);
    expect(rendererWith(render).render(definition)).toEqual({
      provider: 'kubevirt',
      manifest,
    });
    expect(render).toHaveBeenCalledWith(definition);
  });

  it('has nothing to render without a provider', () => {
    expect(rendererWith(undefined).render(definition)).toBeUndefined();
  });

  it('answers VALIDATION_FAILED for a VM the provider refuses', () => {
    const refusing = rendererWith(() => {
      throw new ShepherdProviderError(
        'permanent',
        'dedicated CPUs need whole cores',
      );
    });
    expect(() => refusing.render(definition)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: 'The VM cannot be rendered: dedicated CPUs need whole cores',
      }),
    );
  });

  it('lets other failures through as they are', () => {
    const failing = rendererWith(() => {
      throw new TypeError('bug');
    });
    expect(() => failing.render(definition)).toThrow(TypeError);
  });
});
