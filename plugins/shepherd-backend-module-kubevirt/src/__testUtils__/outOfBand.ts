import { KubeConfig } from '@kubernetes/client-node';
import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import { ShepherdVmRef } from '@kubevirt-shepherd/plugin-shepherd-node';
import { CONTENT_TYPES } from '../constants';
import { KubeRequest, sendKubeRequest } from '../client/kubeHttp';
import { virtualMachinePath } from '../operations/paths';
import {
  DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
  responseLimitsOf,
} from '../options';

/**
 * Changes made on a simulated cluster behind Shepherd's back, as `kubectl` would make them:
 * plain API requests with the cluster's own kubeconfig, outside any provider.
 */
export class OutOfBand {
  constructor(private readonly sim: KubevirtSimulator) {}

  async send<T>(request: KubeRequest): Promise<T | undefined> {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(this.sim.kubeconfig);
    const response = await sendKubeRequest<T>(
      kubeConfig,
      this.sim.url,
      request,
      {
        timeoutMs: 10_000,
        limits: responseLimitsOf(DEFAULT_KUBEVIRT_PROVIDER_OPTIONS),
      },
    );
    return response.body;
  }

  /** `kubectl patch vm … --type merge -p '{"spec":{"runStrategy":"…"}}'` */
  setRunStrategy(vm: ShepherdVmRef, runStrategy: 'Halted' | 'Always') {
    return this.send({
      method: 'PATCH',
      path: virtualMachinePath(vm),
      contentType: CONTENT_TYPES.mergePatch,
      body: { spec: { runStrategy } },
    });
  }

  /** `kubectl label vm … key=value --overwrite` */
  label(vm: ShepherdVmRef, key: string, value: string) {
    return this.send({
      method: 'PATCH',
      path: virtualMachinePath(vm),
      contentType: CONTENT_TYPES.mergePatch,
      body: { metadata: { labels: { [key]: value } } },
    });
  }

  /** `kubectl delete vm …` */
  delete(vm: ShepherdVmRef) {
    return this.send({ method: 'DELETE', path: virtualMachinePath(vm) });
  }
}
