import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { adminSectionRouteRef } from '../../routes';
import { AdminSectionId } from '../admin/adminSections';
import { ShepherdErrorPanel, useShepherdPermission } from '../common';

export const PLATFORM_SETUP_TITLE = 'Set up Shepherd';

/** One step of the platform's set-up: what must exist before anyone can request a VM. */
type SetupStep = {
  section: AdminSectionId;
  /** What the step asks for, as a link to the admin section. */
  label: string;
  why: string;
  done: boolean;
};

/**
 * For platform administrators while the platform is not ready for its first request: the
 * catalogs every request needs (a cluster, a namespace, an active template, an instance
 * size), which of them are still empty, and where to fill them. It disappears once all
 * are filled, and is never shown to users who may not manage the catalogs.
 */
export function PlatformSetupCard() {
  const manage = useShepherdPermission(shepherdCatalogManagePermission);
  if (!manage.allowed) return null;
  return <PlatformSetupSteps />;
}

function PlatformSetupSteps() {
  const api = useApi(shepherdApiRef);
  const section = useRouteRef(adminSectionRouteRef);
  const counts = useAsync(async () => {
    const [clusters, namespaces, templates, sizes] = await Promise.all([
      api.listClusters({ limit: 1 }),
      api.listAdminNamespaces({ limit: 1 }),
      api.listTemplates({ status: 'active', limit: 1 }),
      api.listInstanceSizes({ limit: 1 }),
    ]);
    return {
      clusters: clusters.totalItems,
      namespaces: namespaces.totalItems,
      templates: templates.totalItems,
      sizes: sizes.totalItems,
    };
  }, [api]);

  if (counts.loading) {
    return (
      <InfoCard title={PLATFORM_SETUP_TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (counts.error) {
    return (
      <InfoCard title={PLATFORM_SETUP_TITLE}>
        <ShepherdErrorPanel
          title="Could not check the platform's catalogs"
          error={counts.error}
        />
      </InfoCard>
    );
  }
  const value = counts.value!;
  const steps: SetupStep[] = [
    {
      section: 'clusters',
      label: 'Register a cluster',
      why: 'Upload the kubeconfig of a KubeVirt cluster and give it its environment, test or prod. Approvers place VMs on clusters.',
      done: value.clusters > 0,
    },
    {
      section: 'namespaces',
      label: 'Register a namespace',
      why: 'Requesters pick a namespace of their environments; its environment decides the approval rules.',
      done: value.namespaces > 0,
    },
    {
      section: 'templates',
      label: 'Activate an OS template',
      why: 'Only active templates are offered to requesters.',
      done: value.templates > 0,
    },
    {
      section: 'instance-sizes',
      label: 'Create an instance size',
      why: 'Sizes set CPU, memory and disk, and whether requests may overcommit.',
      done: value.sizes > 0,
    },
  ];
  if (steps.every(step => step.done)) return null;
  return (
    <InfoCard title={PLATFORM_SETUP_TITLE}>
      <Typography variant="body1" paragraph>
        Nobody can request a VM until each of these catalogs has an entry:
      </Typography>
      <Box component="ol" aria-label={PLATFORM_SETUP_TITLE} pl={2} m={0}>
        {steps.map(step => (
          <Box component="li" key={step.section} mb={1}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              {step.done ? (
                <CheckCircleIcon
                  fontSize="small"
                  color="primary"
                  titleAccess="Done"
                />
              ) : (
                <RadioButtonUncheckedIcon
                  fontSize="small"
                  color="disabled"
                  titleAccess="To do"
                />
              )}
              <Link to={section({ section: step.section })}>{step.label}</Link>
            </Box>
            <Typography variant="body2" color="textSecondary">
              {step.why}
            </Typography>
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
}
