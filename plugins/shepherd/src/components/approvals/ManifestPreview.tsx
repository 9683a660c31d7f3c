import { CodeSnippet, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ApprovalManifest,
  ApprovalManifestRequest,
  SHEPHERD_REDACTED,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringify } from 'yaml';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ShepherdErrorPanel } from '../common';

export const MANIFEST_TITLE = 'VirtualMachine manifest';
export const CHOOSE_CLUSTER_FOR_MANIFEST =
  'Choose a cluster that can take the VM, and correct the marked fields, to see the manifest.';
export const NO_PROVIDER_NOTE =
  'No VM provider is installed on the backend, so Shepherd cannot render the manifest, and an approved VM fails until an administrator installs one.';
export const MANIFEST_NOT_RENDERED = 'Could not render the manifest';
export const DRY_RUN_NOTE =
  'The chosen cluster checks this exact manifest in a dry run when you approve.';
export const CLOUD_INIT_REDACTED_NOTE = `The cloud-init user data reads ${SHEPHERD_REDACTED}: it may hold passwords and keys, so only those who manage templates see it. The VM gets the template's user data with the requester's SSH key.`;

/** Whether the backend redacted the manifest's cloud-init for this reader. */
function hasRedactedCloudInit(manifest: object): boolean {
  return JSON.stringify(manifest).includes(JSON.stringify(SHEPHERD_REDACTED));
}

/**
 * The VirtualMachine an approval with the approver's current choices would apply, rendered
 * by the backend's VM provider. Collapsed at first; rendered when opened and again whenever
 * the choices change. `request` is undefined while the choices cannot be approved.
 */
export function ManifestPreview(props: {
  ticketId: string;
  request?: ApprovalManifestRequest;
}) {
  const { ticketId, request } = props;
  const api = useApi(shepherdApiRef);
  const [expanded, setExpanded] = useState(false);
  // The request's content, not its identity, decides when to render again.
  const requestKey = request ? JSON.stringify(request) : undefined;
  const rendered = useAsync(
    async () =>
      expanded && request
        ? api.renderApprovalManifest(ticketId, request)
        : undefined,
    [api, ticketId, expanded, requestKey],
  );

  return (
    <Accordion
      expanded={expanded}
      onChange={(_event, isExpanded) => setExpanded(isExpanded)}
      variant="outlined"
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="shepherd-approval-manifest"
        id="shepherd-approval-manifest-header"
      >
        <Typography variant="subtitle2">{MANIFEST_TITLE}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%">
          <ManifestContent
            request={request}
            loading={rendered.loading}
            error={rendered.error}
            value={rendered.value}
          />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

function ManifestContent(props: {
  request?: ApprovalManifestRequest;
  loading: boolean;
  error?: Error;
  value?: ApprovalManifest;
}) {
  const { request, loading, error, value } = props;
  if (!request) {
    return (
      <Typography variant="body2" color="textSecondary">
        {CHOOSE_CLUSTER_FOR_MANIFEST}
      </Typography>
    );
  }
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ShepherdErrorPanel title={MANIFEST_NOT_RENDERED} error={error} />;
  }
  if (!value) {
    return null;
  }
  return (
    <>
      <Typography variant="body2">
        The VM would be named <code>{value.vmName}</code>. The name is
        provisional: if another request for the same Service is approved first,
        the VM gets the next number.
      </Typography>
      {value.manifest ? (
        <>
          <Box mt={1}>
            <CodeSnippet
              text={stringify(value.manifest)}
              language="yaml"
              showCopyCodeButton
            />
          </Box>
          {hasRedactedCloudInit(value.manifest) && (
            <Typography variant="body2" color="textSecondary">
              {CLOUD_INIT_REDACTED_NOTE}
            </Typography>
          )}
          <Typography variant="caption" color="textSecondary">
            {DRY_RUN_NOTE}
          </Typography>
        </>
      ) : (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            {NO_PROVIDER_NOTE}
          </Typography>
        </Box>
      )}
    </>
  );
}
