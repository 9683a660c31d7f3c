import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdApiRequestBody,
  ShepherdNamespace,
  ShepherdWarning,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { withCode } from '../../common';
import {
  ChoiceField,
  FIELD_PROPS,
  FlagField,
  FormDialog,
  useEntryForm,
} from '../shared';
import { checkNamespaceName, descriptionProblem } from './namespaceRules';

export const CREATE_NAMESPACE_TITLE = 'Register a namespace';

type Fields = {
  name: string;
  environment: Environment | '';
  description: string;
  enabled: boolean;
};

function fieldsOf(namespace?: ShepherdNamespace): Fields {
  return {
    name: namespace?.name ?? '',
    // A new namespace's environment is chosen explicitly, never defaulted.
    environment: namespace?.environment ?? '',
    description: namespace?.description ?? '',
    enabled: namespace?.enabled ?? true,
  };
}

function changesOf(
  namespace: ShepherdNamespace,
  fields: Fields,
): ShepherdApiRequestBody<'UpdateNamespace'> {
  const changes: ShepherdApiRequestBody<'UpdateNamespace'> = {};
  if (fields.description !== namespace.description) {
    changes.description = fields.description;
  }
  if (fields.enabled !== namespace.enabled) changes.enabled = fields.enabled;
  if (fields.environment && fields.environment !== namespace.environment) {
    changes.environment = fields.environment;
  }
  return changes;
}

/**
 * Registers a namespace, or edits one (`namespace` set). The name follows the naming rules
 * of shepherd-common and cannot change; the environment decides approval and console rules
 * and is frozen once anything uses the namespace.
 */
export function NamespaceDialog(props: {
  open: boolean;
  namespace?: ShepherdNamespace;
  onSaved: (namespace: ShepherdNamespace, warnings: ShepherdWarning[]) => void;
  onCancel: () => void;
}) {
  const { open, namespace, onSaved, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const { fields, set, save, submit, editing } = useEntryForm({
    open,
    entry: namespace,
    fieldsOf,
    create: (values: Fields) =>
      api.createNamespace({
        name: values.name,
        environment: values.environment as Environment,
        description: values.description || undefined,
        enabled: values.enabled,
      }),
    update: (entry, values) =>
      api.updateNamespace(entry.id, changesOf(entry, values)),
    onSaved,
  });

  const name = editing ? undefined : checkNamespaceName(fields.name);
  const problems = {
    name: name?.problem,
    environment: fields.environment ? undefined : 'Choose the environment',
    description: descriptionProblem(fields.description),
  };
  const valid =
    Object.values(problems).every(problem => !problem) &&
    (!namespace || Object.keys(changesOf(namespace, fields)).length > 0);
  let nameHelp =
    'Lowercase letters, digits and single dashes, at most 15 characters; part of every VM name';
  if (name?.problem && name.code) {
    nameHelp = withCode(name.problem, name.code);
  } else if (name && name.warnings.length > 0) {
    nameHelp = name.warnings
      .map(warning => withCode(warning.message, warning.code))
      .join('; ');
  }

  return (
    <FormDialog
      open={open}
      title={namespace ? `Edit ${namespace.name}` : CREATE_NAMESPACE_TITLE}
      submitLabel={namespace ? 'Save' : 'Register'}
      canSubmit={valid}
      busy={save.busy}
      error={save.error}
      errorTitle={
        namespace
          ? 'The namespace was not changed'
          : 'The namespace was not registered'
      }
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        {...FIELD_PROPS}
        id="shepherd-namespace-name"
        label="Name"
        required
        disabled={editing}
        value={fields.name}
        onChange={event => set('name', event.target.value)}
        error={fields.name !== '' && Boolean(problems.name)}
        helperText={editing ? 'Names cannot change' : nameHelp}
      />
      <ChoiceField
        id="shepherd-namespace-environment"
        label="Environment"
        required
        value={fields.environment}
        choices={ENVIRONMENTS}
        placeholder={editing ? undefined : 'Choose…'}
        onChange={environment => set('environment', environment)}
        helperText={
          editing
            ? 'Frozen once a VM or a request uses the namespace (ENVIRONMENT_IMMUTABLE)'
            : 'Decides approvals and console access of its VMs; prod is stricter'
        }
      />
      <TextField
        {...FIELD_PROPS}
        id="shepherd-namespace-description"
        label="Description"
        multiline
        minRows={2}
        value={fields.description}
        onChange={event => set('description', event.target.value)}
        error={Boolean(problems.description)}
        helperText={problems.description}
      />
      <FlagField
        label="Enabled: requesters can choose it"
        checked={fields.enabled}
        onChange={enabled => set('enabled', enabled)}
      />
    </FormDialog>
  );
}
