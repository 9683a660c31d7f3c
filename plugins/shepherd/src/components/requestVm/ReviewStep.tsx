import { StructuredMetadataTable } from '@backstage/core-components';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdTemplate,
  VM_NAME_MAX_LENGTH,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CodedMessage,
  EnvironmentChip,
  formatCpu,
  formatDisk,
  formatMemory,
  titleWithName,
} from '../common';
import { DetailFields, probableVmName, targetValue } from './requestVmRules';
import { SSH_KEY_REVIEW_TITLE, describeSshKey } from './SshKeyField';

/** What the review says about the name, before and after submitting. */
export const VM_NAME_INDEX_NOTE =
  'The number at the end is the Service’s next free index now. The index is assigned when an approver approves, so requests approved before yours move it on.';

/** A target, or the size's value when the target is empty. */
function sizedValue(
  typed: string,
  sizeValue: number,
  format: (value: number) => string,
): string {
  const target = targetValue(typed);
  return target === undefined
    ? `${format(sizeValue)} (as the size)`
    : format(target);
}

/** The name the VM will probably get, and why it is only probable. */
export function ProbableVmName(props: {
  namespace: string;
  service: ShepherdService;
}) {
  const { name, tooLong } = probableVmName(props.namespace, props.service);
  return (
    <Box>
      <Typography variant="body1">
        The VM will probably be named <strong>{name}</strong>.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {VM_NAME_INDEX_NOTE}
      </Typography>
      {tooLong && (
        <Alert severity="error">
          <CodedMessage
            message={`The name has ${name.length} characters; at most ${VM_NAME_MAX_LENGTH} are allowed, so the approval would fail. Choose a namespace with a shorter name.`}
            code={SHEPHERD_ERROR_CODES.VM_NAME_TOO_LONG}
          />
        </Alert>
      )}
    </Box>
  );
}

/** Everything the request asks for, before it is submitted. */
export function ReviewStep(props: {
  service: ShepherdService;
  namespace: ShepherdNamespace;
  template: ShepherdTemplate;
  size: ShepherdInstanceSize;
  fields: DetailFields;
}) {
  const { service, namespace, template, size, fields } = props;
  const metadata = {
    System: service.systemName,
    Service: service.name,
    Namespace: (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        {namespace.name}
        <EnvironmentChip environment={namespace.environment} />
      </Box>
    ),
    Template: titleWithName(template),
    'Instance size': titleWithName(size),
    CPU: sizedValue(fields.targetCpuCores, size.cpuCores, formatCpu),
    Memory: sizedValue(fields.targetMemoryGi, size.memoryGi, formatMemory),
    Disk: sizedValue(fields.targetDiskGb, size.diskGb, formatDisk),
    Reason: fields.reason.trim(),
    [SSH_KEY_REVIEW_TITLE]: describeSshKey(fields.sshPublicKey),
  };
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <StructuredMetadataTable metadata={metadata} />
      <ProbableVmName namespace={namespace.name} service={service} />
      <Typography variant="body2">
        Every new VM waits for an approver, who also chooses the cluster it runs
        on. You can follow the request, or withdraw it while it waits, under My
        requests.
      </Typography>
    </Box>
  );
}
