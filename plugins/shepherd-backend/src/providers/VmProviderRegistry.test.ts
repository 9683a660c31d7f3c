import { ShepherdVmProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { VmProviderRegistry } from './VmProviderRegistry';

/** The registry only looks at the type of a provider. */
const provider = (type: string) => ({ type } as unknown as ShepherdVmProvider);

describe('VmProviderRegistry', () => {
  it('lists registered providers and finds them by type', () => {
    const registry = new VmProviderRegistry();
    registry.addProvider(provider('kubevirt'));
    registry.addProvider(provider('other'));

    expect(registry.list().map(p => p.type)).toEqual(['kubevirt', 'other']);
    expect(registry.get('kubevirt')?.type).toBe('kubevirt');
    expect(registry.get('missing')).toBeUndefined();
  });

  it('refuses a second provider of the same type', () => {
    const registry = new VmProviderRegistry();
    registry.addProvider(provider('kubevirt'));
    expect(() => registry.addProvider(provider('kubevirt'))).toThrow(
      /already registered/,
    );
  });
});
