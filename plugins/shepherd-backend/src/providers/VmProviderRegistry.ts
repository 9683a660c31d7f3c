import {
  ShepherdVmProvider,
  ShepherdVmProvidersExtensionPoint,
} from '@kubevirt-shepherd/plugin-shepherd-node';

/**
 * Collects the VM providers that backend modules register through the extension point,
 * keyed by provider type.
 */
export class VmProviderRegistry implements ShepherdVmProvidersExtensionPoint {
  readonly #providers = new Map<string, ShepherdVmProvider>();

  addProvider(provider: ShepherdVmProvider): void {
    if (this.#providers.has(provider.type)) {
      throw new Error(
        `A Shepherd VM provider of type '${provider.type}' is already registered`,
      );
    }
    this.#providers.set(provider.type, provider);
  }

  get(type: string): ShepherdVmProvider | undefined {
    return this.#providers.get(type);
  }

  list(): ShepherdVmProvider[] {
    return [...this.#providers.values()];
  }
}
