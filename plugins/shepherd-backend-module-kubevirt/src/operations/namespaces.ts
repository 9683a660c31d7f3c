import { Environment } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { LABELS, SHEPHERD_MANAGER } from '../constants';
import { isNotFound } from './reads';

/**
 * Creates the namespace just in time, labelled with its environment and as Shepherd's (and
 * this installation's, when its id is given: the label only records who created it). An
 * existing namespace is left as it is (Shepherd never adopts, relabels or deletes
 * namespaces), and one created concurrently by another worker (409) counts as created.
 */
export async function ensureNamespace(
  client: ClusterClient,
  namespace: string,
  environment: Environment,
  installationId?: string,
): Promise<void> {
  try {
    await client.call(`Read namespace ${namespace}`, ({ core }) =>
      core.readNamespace({ name: namespace }),
    );
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await client.call(`Create namespace ${namespace}`, ({ core }) =>
      core.createNamespace({
        body: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: namespace,
            labels: {
              [LABELS.environment]: environment,
              [LABELS.managedBy]: SHEPHERD_MANAGER,
              ...(installationId && { [LABELS.installation]: installationId }),
            },
          },
        },
      }),
    );
  } catch (error) {
    if (error instanceof ShepherdProviderError && error.statusCode === 409) {
      return;
    }
    throw error;
  }
}
