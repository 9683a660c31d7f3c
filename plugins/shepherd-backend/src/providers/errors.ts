import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';

/**
 * The cluster a VM or a decision names is not registered (any more). Request paths answer
 * it as the cluster being unavailable; the job layer fails the job for good.
 */
export class ClusterNotRegisteredError extends NotFoundError {
  constructor(clusterId: string | undefined) {
    super(`The cluster ${clusterId ?? '(none)'} is not registered`);
  }
}

/**
 * No VM provider of a cluster's type is installed in this backend: nothing can reach the
 * cluster until the provider's module is added.
 */
export class ProviderNotInstalledError extends ServiceUnavailableError {
  constructor(readonly providerType: string) {
    super(
      providerType === 'kubevirt'
        ? 'No VM provider of type kubevirt is installed: add @kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt to the backend'
        : `No VM provider of type ${providerType} is installed in this backend`,
    );
  }
}

/** Whether an error says that Shepherd cannot reach a cluster at all, whatever is retried. */
export function isClusterUnreachable(
  error: unknown,
): error is ClusterNotRegisteredError | ProviderNotInstalledError {
  return (
    error instanceof ClusterNotRegisteredError ||
    error instanceof ProviderNotInstalledError
  );
}

/**
 * Whether a provider call failed because the object changed concurrently (409). Sending the
 * same request again answers the same: a job re-reads the object and decides, or fails.
 */
export function isProviderConflict(
  error: unknown,
): error is ShepherdProviderError {
  return error instanceof ShepherdProviderError && error.kind === 'conflict';
}
