import { useApi } from '@backstage/core-plugin-api';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdApiRequestBody,
  ShepherdInstanceSize,
  ShepherdWarning,
  checkCatalogName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { CodedMessage, detailRecords, errorCode, withCode } from '../../common';
import {
  CatalogScopeField,
  ChoiceField,
  FIELD_PROPS,
  FlagField,
  FormDialog,
  fieldErrorsOf,
  useEntryForm,
} from '../shared';
import {
  HUGEPAGES_SIZES,
  HugepagesSize,
  NumberField,
  SizeCheck,
  SizeFields,
  checkSizeFields,
  fieldsOfSize,
} from './instanceSizeRules';
import { SpecOverridesEditor } from './SpecOverridesEditor';

export const CREATE_INSTANCE_SIZE_TITLE = 'Create an instance size';

const DISPLAY_NAME_MAX_LENGTH = 255;
const DESCRIPTION_MAX_LENGTH = 4096;

/** The backend's INVALID_SPEC_OVERRIDES findings: per key where they name one, else as a whole. */
export function backendOverrideProblems(error?: Error): {
  byKey: Record<string, string>;
  general: string[];
} {
  const byKey: Record<string, string> = {};
  const general: string[] = [];
  if (errorCode(error) !== SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES) {
    return { byKey, general };
  }
  for (const violation of detailRecords(error, 'violations')) {
    const message = withCode(
      String(violation.message),
      SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
    );
    if (typeof violation.key === 'string' && violation.key !== '') {
      byKey[violation.key] = message;
    } else {
      general.push(message);
    }
  }
  return { byKey, general };
}

/** A new size as the API takes it; empty requests are left to default to the limits. */
export function createRequestOf(
  fields: SizeFields,
  check: SizeCheck,
): ShepherdApiRequestBody<'CreateInstanceSize'> {
  const values = check.values!;
  return {
    name: fields.name,
    displayName: fields.displayName.trim() || undefined,
    description: fields.description || undefined,
    catalogScope: fields.catalogScope,
    enabled: fields.enabled,
    sortOrder: values.sortOrder,
    cpuCores: values.cpuCores,
    ...(fields.cpuRequest.trim() !== ''
      ? { cpuRequest: values.cpuRequest }
      : {}),
    memoryGi: values.memoryGi,
    ...(fields.memoryRequestGi.trim() !== ''
      ? { memoryRequestGi: values.memoryRequestGi }
      : {}),
    diskGb: values.diskGb,
    dedicatedCpu: fields.dedicatedCpu,
    requiresGpu: fields.requiresGpu,
    requiresSriov: fields.requiresSriov,
    requiresHugepages: fields.requiresHugepages,
    ...(fields.requiresHugepages && fields.hugepagesSize
      ? { hugepagesSize: fields.hugepagesSize }
      : {}),
    specOverrides: check.overrides,
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown) =>
    JSON.stringify(
      Object.entries((value ?? {}) as Record<string, unknown>).sort(
        ([x], [y]) => x.localeCompare(y),
      ),
    );
  return sorted(a) === sorted(b);
}

/**
 * What an edit changes, as the API takes it. An empty request means "equal to the limit":
 * nothing is sent when the request already followed its limit (the backend keeps them
 * together), the new limit when it did not.
 */
export function updateRequestOf(
  size: ShepherdInstanceSize,
  fields: SizeFields,
  check: SizeCheck,
): ShepherdApiRequestBody<'UpdateInstanceSize'> {
  const values = check.values!;
  const changes: ShepherdApiRequestBody<'UpdateInstanceSize'> = {};
  const set = <K extends keyof ShepherdApiRequestBody<'UpdateInstanceSize'>>(
    key: K,
    value: ShepherdApiRequestBody<'UpdateInstanceSize'>[K],
    current: unknown,
  ) => {
    if (value !== current) changes[key] = value;
  };
  set('displayName', fields.displayName.trim(), size.displayName);
  set('description', fields.description, size.description);
  set('catalogScope', fields.catalogScope, size.catalogScope);
  set('enabled', fields.enabled, size.enabled);
  set('sortOrder', values.sortOrder, size.sortOrder);
  set('cpuCores', values.cpuCores, size.cpuCores);
  set('memoryGi', values.memoryGi, size.memoryGi);
  set('diskGb', values.diskGb, size.diskGb);
  const request = (
    key: 'cpuRequest' | 'memoryRequestGi',
    limitKey: 'cpuCores' | 'memoryGi',
  ) => {
    const followed = size[key] === size[limitKey];
    if (fields[key].trim() === '') {
      if (!followed) changes[key] = values[limitKey];
    } else if (values[key] !== size[key]) {
      changes[key] = values[key];
    }
  };
  request('cpuRequest', 'cpuCores');
  request('memoryRequestGi', 'memoryGi');
  set('dedicatedCpu', fields.dedicatedCpu, size.dedicatedCpu);
  set('requiresGpu', fields.requiresGpu, size.requiresGpu);
  set('requiresSriov', fields.requiresSriov, size.requiresSriov);
  set('requiresHugepages', fields.requiresHugepages, size.requiresHugepages);
  const hugepagesSize: HugepagesSize | null =
    fields.requiresHugepages && fields.hugepagesSize
      ? fields.hugepagesSize
      : null;
  if (hugepagesSize !== (size.hugepagesSize ?? null)) {
    changes.hugepagesSize = hugepagesSize;
  }
  if (!sameJson(check.overrides, size.specOverrides)) {
    changes.specOverrides = check.overrides;
  }
  return changes;
}

/**
 * Creates an instance size, or edits one (`size` set): CPU and memory limits with optional
 * lower requests (overcommit), the root disk, capability requirements, spec overrides and
 * catalog scope. Problems shepherd-common can tell are shown before submitting; the
 * backend's refusal shows its code, on the field or override it names.
 */
export function InstanceSizeDialog(props: {
  open: boolean;
  size?: ShepherdInstanceSize;
  onSaved: (size: ShepherdInstanceSize, warnings: ShepherdWarning[]) => void;
  onCancel: () => void;
}) {
  const { open, size, onSaved, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const { fields, setFields, set, save, submit, editing } = useEntryForm({
    open,
    entry: size,
    fieldsOf: fieldsOfSize,
    create: (values: SizeFields, check: SizeCheck) =>
      api.createInstanceSize(createRequestOf(values, check)),
    update: (entry, values, check) =>
      api.updateInstanceSize(entry.id, updateRequestOf(entry, values, check)),
    onSaved,
  });
  const check = checkSizeFields(fields);
  const problems: Partial<Record<keyof SizeFields, string>> = {
    ...check.problems,
  };
  if (!editing) {
    const nameProblem =
      fields.name === '' ? 'Required' : checkCatalogName(fields.name);
    if (nameProblem) problems.name = nameProblem;
  } else if (fields.displayName.trim() === '') {
    problems.displayName = 'A display name is required';
  }
  if (fields.displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    problems.displayName = `At most ${DISPLAY_NAME_MAX_LENGTH} characters`;
  }
  if (fields.description.length > DESCRIPTION_MAX_LENGTH) {
    problems.description = `At most ${DESCRIPTION_MAX_LENGTH} characters`;
  }
  const overridesValid =
    Object.keys(check.overrideProblems).length === 0 &&
    check.overrideGeneral.length === 0;
  const changes =
    size && check.values ? updateRequestOf(size, fields, check) : undefined;
  const valid =
    check.values !== undefined &&
    Object.values(problems).every(problem => !problem) &&
    overridesValid &&
    (!size || Object.keys(changes ?? {}).length > 0);
  const backendFields = fieldErrorsOf(save.error);
  const backendOverrides = backendOverrideProblems(save.error);

  const setDedicated = (dedicated: boolean) =>
    // Dedicated CPUs take requests equal to limits: the request fields follow the limits.
    setFields(current => ({
      ...current,
      dedicatedCpu: dedicated,
      ...(dedicated ? { cpuRequest: '', memoryRequestGi: '' } : {}),
    }));

  // An empty field shows no problem of its own ("Required" is the asterisk's job); the
  // backend's refusal of the field always shows.
  const shownProblem = (key: keyof SizeFields) =>
    (fields[key] !== '' ? problems[key] : undefined) ?? backendFields[key];
  const textField = (
    key: 'name' | 'displayName' | 'description' | NumberField,
    label: string,
    help?: string,
    extra: { disabled?: boolean; required?: boolean; number?: boolean } = {},
  ) => {
    const showProblem = shownProblem(key);
    return (
      <TextField
        {...FIELD_PROPS}
        id={`shepherd-size-${key}`}
        label={label}
        required={extra.required}
        disabled={extra.disabled || save.busy}
        type={extra.number ? 'number' : 'text'}
        inputProps={
          extra.number
            ? { step: key === 'diskGb' || key === 'sortOrder' ? 1 : 0.5 }
            : undefined
        }
        value={fields[key]}
        onChange={event => set(key, event.target.value)}
        error={Boolean(showProblem)}
        helperText={showProblem || help}
      />
    );
  };
  const numberField = (
    key: NumberField,
    label: string,
    help: string,
    extra: { disabled?: boolean; required?: boolean } = {},
  ) => textField(key, label, help, { ...extra, number: true });
  const flag = (
    key: 'enabled' | 'requiresGpu' | 'requiresSriov' | 'requiresHugepages',
    label: string,
  ) => (
    <FlagField
      label={label}
      checked={fields[key]}
      onChange={checked => set(key, checked)}
      disabled={save.busy}
    />
  );

  return (
    <FormDialog
      open={open}
      title={size ? `Edit ${size.name}` : CREATE_INSTANCE_SIZE_TITLE}
      submitLabel={size ? 'Save' : 'Create'}
      canSubmit={valid}
      busy={save.busy}
      error={save.error}
      errorTitle={
        size
          ? 'The instance size was not changed'
          : 'The instance size was not created'
      }
      onSubmit={() => submit(check)}
      onCancel={onCancel}
      maxWidth="md"
    >
      {textField(
        'name',
        'Name',
        editing ? 'Names cannot change' : 'A lowercase DNS label, e.g. medium',
        { disabled: editing, required: true },
      )}
      {textField(
        'displayName',
        'Display name',
        editing ? undefined : 'Defaults to the name',
      )}
      {textField('description', 'Description')}
      <Box display="flex" style={{ gap: 16 }}>
        <CatalogScopeField
          id="shepherd-size-catalogScope"
          value={fields.catalogScope}
          onChange={scope => set('catalogScope', scope)}
        />
        {numberField(
          'sortOrder',
          'Sort order',
          'Requesters see sizes in this order',
        )}
      </Box>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Resources
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        CPU and memory in steps of 0.5; a request below its limit overcommits
        the cluster. Leave a request empty to make it equal to its limit.
      </Typography>
      <Box display="flex" style={{ gap: 16 }}>
        {numberField('cpuCores', 'CPU cores (limit)', 'vCPUs of the VM', {
          required: true,
        })}
        {numberField(
          'cpuRequest',
          'CPU request',
          fields.dedicatedCpu
            ? 'Dedicated CPUs: equal to the limit'
            : '= limit when empty',
          { disabled: fields.dedicatedCpu },
        )}
      </Box>
      <Box display="flex" style={{ gap: 16 }}>
        {numberField('memoryGi', 'Memory GiB (limit)', 'Guest memory', {
          required: true,
        })}
        {numberField(
          'memoryRequestGi',
          'Memory request GiB',
          fields.dedicatedCpu
            ? 'Dedicated CPUs: equal to the limit'
            : '= limit when empty',
          { disabled: fields.dedicatedCpu },
        )}
      </Box>
      {numberField('diskGb', 'Root disk GiB', 'Whole GiB', { required: true })}
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Capabilities
      </Typography>
      <Box display="flex" flexDirection="column">
        <FlagField
          label="Dedicated CPUs (pinned; whole cores, requests equal to limits)"
          checked={fields.dedicatedCpu}
          onChange={setDedicated}
          disabled={save.busy}
        />
        {(problems.dedicatedCpu || backendFields.dedicatedCpu) && (
          <Typography variant="body2" color="error">
            {problems.dedicatedCpu ?? backendFields.dedicatedCpu}
          </Typography>
        )}
        {flag('requiresGpu', 'Requires a GPU')}
        {flag('requiresSriov', 'Requires SR-IOV networking')}
        {flag('requiresHugepages', 'Requires hugepages')}
      </Box>
      {fields.requiresHugepages && (
        <ChoiceField
          id="shepherd-size-hugepagesSize"
          label="Hugepages size"
          required
          value={fields.hugepagesSize}
          choices={HUGEPAGES_SIZES}
          placeholder="Choose…"
          onChange={hugepagesSize => set('hugepagesSize', hugepagesSize)}
          error={Boolean(
            (fields.hugepagesSize && problems.hugepagesSize) ||
              backendFields.hugepagesSize,
          )}
          helperText={
            (fields.hugepagesSize && problems.hugepagesSize) ||
            backendFields.hugepagesSize ||
            'The memory request must be a whole number of pages: 1Gi pages need whole GiB'
          }
        />
      )}
      {flag('enabled', 'Enabled: offered to requesters in its catalog scope')}
      <SpecOverridesEditor
        rows={fields.overrides}
        onChange={rows => set('overrides', rows)}
        problems={check.overrideProblems}
        backendProblems={backendOverrides.byKey}
        general={[...check.overrideGeneral, ...backendOverrides.general]}
        disabled={save.busy}
      />
      {check.warnings.map(warning => (
        <Alert key={warning.code} severity="warning" style={{ marginTop: 8 }}>
          <CodedMessage
            message={`${warning.message}. Approvers see a warning for each request.`}
            code={warning.code}
          />
        </Alert>
      ))}
    </FormDialog>
  );
}
