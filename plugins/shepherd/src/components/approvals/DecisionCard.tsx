import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ApprovalDecision,
  ApprovalManifestRequest,
  ApprovalPreview,
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
  ShepherdTicket,
  shepherdTicketApprovePermission,
  ApprovalResult,
  approvalNeedsTypedVmName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  ConfirmationDialog,
  PermissionedButton,
  ReasonField,
  ShepherdErrorPanel,
  useAction,
  useShepherdPermission,
} from '../common';
import {
  DecisionField,
  SpecField,
  SpecFields,
  approvalFailureHint,
  checkSpecFields,
  decisionFieldErrorsOf,
  shapeFieldsOf,
  specFieldsOf,
  toVmSpec,
} from './approvalRules';
import { ClusterChoice, StorageClassSelect } from './ClusterChoice';
import { ManifestPreview } from './ManifestPreview';
import { WarningList } from './EffectiveSpecCard';
import { REJECT_LABEL, RejectDialog } from './RejectDialog';
import { SpecOverrideFields } from './SpecOverrideFields';
import { OfferedCatalog, sizeOf } from './useOfferedCatalog';

export const APPROVE_LABEL = 'Approve';
export const APPROVE_DELETION_LABEL = 'Approve deletion';
export const REPLACE_SPEC_LABEL = 'Replace the requested spec';
export const GRANT_MINUTES_LABEL = 'Console access in minutes';
export const COMMENT_LABEL = 'Comment (optional)';
export const NOT_APPROVED_TITLE = 'Not approved';
export const MAY_NOT_DECIDE =
  'You may not decide this request: it needs the permission to approve it.';

/** How a pending request ended here. */
export type Decided =
  | { kind: 'approved'; result: ApprovalResult }
  | { kind: 'rejected'; ticket: ShepherdTicket };

function initialSpecFields(preview: ApprovalPreview): SpecFields {
  if (preview.effectiveSpec) {
    return specFieldsOf(preview.effectiveSpec);
  }
  const spec = preview.ticket.requestSpec;
  return {
    templateId: typeof spec.templateId === 'string' ? spec.templateId : '',
    instanceSizeId:
      typeof spec.instanceSizeId === 'string' ? spec.instanceSizeId : '',
    cpuCores: '',
    cpuRequest: '',
    memoryGi: '',
    memoryRequestGi: '',
    diskGb: '',
  };
}

/** The one cluster to preselect: the only one that can take the VM. */
function onlyEligibleCluster(preview: ApprovalPreview) {
  const eligible = preview.clusters.filter(cluster => cluster.eligible);
  return eligible.length === 1 ? eligible[0] : undefined;
}

function isValidMinutes(typed: string): boolean {
  const minutes = Number(typed);
  return (
    Number.isInteger(minutes) &&
    minutes >= 1 &&
    minutes <= CONSOLE_GRANT_MAX_MINUTES
  );
}

/**
 * The decision on a pending request. For a new VM the approver chooses the cluster (and
 * its storage class) and may replace the spec; for a console request the grant's length;
 * then approves (the cluster dry-runs new VMs and resizes first) or rejects with a reason.
 * Approving the deletion of a production VM asks for its name typed first, as requesting it
 * did. A refused approval keeps the request pending and shows the backend's code.
 */
export function DecisionCard(props: {
  preview: ApprovalPreview;
  catalog?: OfferedCatalog;
  onDecided: (decided: Decided) => void;
}) {
  const { preview, catalog, onDecided } = props;
  const { ticket } = preview;
  const api = useApi(shepherdApiRef);
  const permission = useShepherdPermission(
    shepherdTicketApprovePermission,
    ticket.id,
  );
  const isCreate = ticket.operation === 'CREATE';
  const [clusterId, setClusterId] = useState(
    () => onlyEligibleCluster(preview)?.id,
  );
  const [storageClass, setStorageClass] = useState(
    () => onlyEligibleCluster(preview)?.defaultStorageClass ?? '',
  );
  const [replaceSpec, setReplaceSpec] = useState(false);
  const [specFields, setSpecFields] = useState(() =>
    initialSpecFields(preview),
  );
  const [grantMinutes, setGrantMinutes] = useState(
    String(ticket.grantMinutes ?? CONSOLE_GRANT_DEFAULT_MINUTES),
  );
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const needsTypedName = approvalNeedsTypedVmName(
    ticket.operation,
    ticket.environment,
  );
  const [confirmingDeletion, setConfirmingDeletion] = useState(false);
  const [serverErrors, setServerErrors] = useState<
    Partial<Record<DecisionField, string>>
  >({});
  const approve = useAction((decision: ApprovalDecision) =>
    api.approveTicket(ticket.id, decision),
  );

  useEffect(() => {
    setServerErrors(decisionFieldErrorsOf(approve.error));
  }, [approve.error]);
  const clearServerError = (field: DecisionField) =>
    setServerErrors(current => {
      const next = { ...current };
      delete next[field];
      return next;
    });

  const cluster = preview.clusters.find(
    candidate => candidate.id === clusterId,
  );
  const chosenSize = sizeOf(
    specFields.instanceSizeId,
    catalog,
    ticket.instanceSizeSnapshot,
  );
  const specCheck = replaceSpec
    ? checkSpecFields(specFields, chosenSize, ticket.environment)
    : { errors: {}, warnings: [] };
  const specErrors: Partial<Record<SpecField, string>> = {
    ...serverErrors,
    ...specCheck.errors,
  };
  const grantValid =
    ticket.operation !== 'VNC_ACCESS' || isValidMinutes(grantMinutes);
  const ready =
    (!isCreate || Boolean(cluster?.eligible)) &&
    Object.keys(specCheck.errors).length === 0 &&
    grantValid;

  const chooseCluster = (id: string) => {
    const next = preview.clusters.find(candidate => candidate.id === id);
    setClusterId(id);
    setStorageClass(next?.defaultStorageClass ?? '');
    clearServerError('clusterId');
    clearServerError('storageClass');
  };
  const setSpecField = (name: SpecField, value: string) => {
    setSpecFields(current => {
      const next = { ...current, [name]: value };
      // Another size starts from that size's shape.
      const size =
        name === 'instanceSizeId' ? sizeOf(value, catalog) : undefined;
      return size ? { ...next, ...shapeFieldsOf(size) } : next;
    });
    clearServerError(name);
  };

  const decision = (): ApprovalDecision => {
    const result: ApprovalDecision = {};
    if (isCreate) {
      result.clusterId = clusterId;
      if (storageClass) result.storageClass = storageClass;
      if (replaceSpec) result.spec = toVmSpec(specFields);
    }
    if (ticket.operation === 'VNC_ACCESS') {
      result.grantMinutes = Number(grantMinutes);
    }
    // Sent only once the approver typed it: the confirmation dialog opens the way.
    if (needsTypedName) result.confirmVmName = ticket.vmName;
    if (comment.trim()) result.comment = comment.trim();
    return result;
  };
  // What the manifest preview renders: the choices as they would be approved, once they can be.
  const manifestRequest: ApprovalManifestRequest | undefined =
    isCreate && ready
      ? {
          clusterId,
          storageClass: storageClass || undefined,
          spec: replaceSpec ? toVmSpec(specFields) : undefined,
        }
      : undefined;
  const onApprove = async () => {
    const result = await approve.run(decision());
    if (result) {
      onDecided({ kind: 'approved', result });
    }
  };
  const dryRun = ticket.operation === 'CREATE' || ticket.operation === 'MODIFY';

  return (
    <InfoCard title="Decision">
      {!permission.loading && !permission.allowed && (
        <Box mb={2}>
          <Alert severity="info">{MAY_NOT_DECIDE}</Alert>
        </Box>
      )}
      {isCreate && (
        <Box mb={2}>
          <ClusterChoice
            clusters={preview.clusters}
            value={clusterId}
            onChange={chooseCluster}
            error={serverErrors.clusterId}
          />
          <StorageClassSelect
            cluster={cluster}
            value={storageClass}
            onChange={value => {
              setStorageClass(value);
              clearServerError('storageClass');
            }}
            error={serverErrors.storageClass}
          />
          <FormControlLabel
            control={
              <Switch
                checked={replaceSpec}
                onChange={event => setReplaceSpec(event.target.checked)}
                color="primary"
              />
            }
            label={REPLACE_SPEC_LABEL}
          />
          {replaceSpec && (
            <SpecOverrideFields
              fields={specFields}
              templates={catalog?.templates ?? []}
              sizes={catalog?.sizes ?? []}
              catalogUnavailable={Boolean(catalog?.error)}
              onChange={setSpecField}
              errors={specErrors}
            >
              <WarningList warnings={specCheck.warnings} />
            </SpecOverrideFields>
          )}
          {permission.allowed && (
            <Box mt={2}>
              <ManifestPreview ticketId={ticket.id} request={manifestRequest} />
            </Box>
          )}
        </Box>
      )}
      {ticket.operation === 'VNC_ACCESS' && (
        <TextField
          id="shepherd-approval-grant-minutes"
          label={GRANT_MINUTES_LABEL}
          type="number"
          inputProps={{ min: 1, max: CONSOLE_GRANT_MAX_MINUTES, step: 1 }}
          value={grantMinutes}
          onChange={event => {
            setGrantMinutes(event.target.value);
            clearServerError('grantMinutes');
          }}
          error={!grantValid || Boolean(serverErrors.grantMinutes)}
          helperText={
            serverErrors.grantMinutes ??
            `From 1 to ${CONSOLE_GRANT_MAX_MINUTES} minutes; the requester asked for ${
              ticket.grantMinutes ?? CONSOLE_GRANT_DEFAULT_MINUTES
            }`
          }
          fullWidth
          margin="dense"
          variant="outlined"
        />
      )}
      {ticket.operation === 'DELETE' && (
        <Box mb={2}>
          <Alert severity="warning">
            Approving deletes {ticket.vmName ?? 'the VM'} and its disks. This
            cannot be undone.
          </Alert>
        </Box>
      )}
      <ReasonField
        id="shepherd-approval-comment"
        label={COMMENT_LABEL}
        value={comment}
        onChange={setComment}
        helperText="The requester sees it with the decision"
      />
      {approve.error && !confirmingDeletion && (
        <Box mt={2}>
          <ShepherdErrorPanel
            title={NOT_APPROVED_TITLE}
            error={approve.error}
          />
          <Typography variant="body2" color="textSecondary">
            {approvalFailureHint(approve.error)}
          </Typography>
        </Box>
      )}
      {approve.busy && (
        <Box mt={2}>
          <LinearProgress />
          <Typography variant="body2" color="textSecondary">
            {dryRun
              ? 'Approving: the cluster checks the VM in a dry run first…'
              : 'Approving…'}
          </Typography>
        </Box>
      )}
      <Box mt={2} display="flex" style={{ gap: 8 }}>
        <PermissionedButton
          permission={shepherdTicketApprovePermission}
          resourceRef={ticket.id}
          variant="contained"
          color="primary"
          disabled={!ready || approve.busy}
          disabledReason={
            isCreate && !cluster?.eligible
              ? 'Choose a cluster that can take the VM'
              : 'Correct the marked fields first'
          }
          onClick={
            needsTypedName
              ? () => {
                  approve.reset();
                  setConfirmingDeletion(true);
                }
              : onApprove
          }
        >
          {APPROVE_LABEL}
        </PermissionedButton>
        <PermissionedButton
          permission={shepherdTicketApprovePermission}
          resourceRef={ticket.id}
          variant="outlined"
          disabled={approve.busy}
          onClick={() => setRejecting(true)}
        >
          {REJECT_LABEL}
        </PermissionedButton>
      </Box>
      {needsTypedName && (
        <ConfirmationDialog
          open={confirmingDeletion}
          title={`Approve the deletion of ${ticket.vmName}?`}
          tier={{ kind: 'type-name', name: ticket.vmName ?? '' }}
          confirmLabel={APPROVE_DELETION_LABEL}
          busy={approve.busy}
          error={approve.error}
          onConfirm={onApprove}
          onCancel={() => setConfirmingDeletion(false)}
        >
          <Typography variant="body2" paragraph>
            {ticket.vmName} is a production VM. Approving removes it and its
            disks from its cluster.
          </Typography>
        </ConfirmationDialog>
      )}
      <RejectDialog
        ticket={ticket}
        open={rejecting}
        onCancel={() => setRejecting(false)}
        onRejected={rejected => {
          setRejecting(false);
          onDecided({ kind: 'rejected', ticket: rejected });
        }}
      />
    </InfoCard>
  );
}
