import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENTS,
  Environment,
  ShepherdApiRequestBody,
  ShepherdNamespace,
  ShepherdWarning,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { useAction } from '../../common';
import { FIELD_PROPS, FormDialog } from '../shared';
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
  const [fields, setFields] = useState<Fields>(() => fieldsOf(namespace));
  const save = useAction(
    async (values: Fields): Promise<[ShepherdNamespace, ShepherdWarning[]]> => {
      if (namespace) {
        const updated = await api.updateNamespace(
          namespace.id,
          changesOf(namespace, values),
        );
        return [updated, []];
      }
      const created = await api.createNamespace({
        name: values.name,
        environment: values.environment as Environment,
        description: values.description || undefined,
        enabled: values.enabled,
      });
      return [created.item, created.warnings];
    },
  );

  useEffect(() => {
    setFields(fieldsOf(namespace));
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, namespace?.id]);

  const editing = namespace !== undefined;
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
    nameHelp = `${name.code}: ${name.problem}`;
  } else if (name && name.warnings.length > 0) {
    nameHelp = name.warnings
      .map(warning => `${warning.code}: ${warning.message}`)
      .join('; ');
  }
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields(current => ({ ...current, [key]: value }));

  const submit = async () => {
    const result = await save.run(fields);
    if (result) onSaved(...result);
  };

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
      <TextField
        {...FIELD_PROPS}
        id="shepherd-namespace-environment"
        label="Environment"
        required
        select
        SelectProps={{ native: true }}
        value={fields.environment}
        onChange={event =>
          set('environment', event.target.value as Environment)
        }
        helperText={
          editing
            ? 'Frozen once a VM or a request uses the namespace (ENVIRONMENT_IMMUTABLE)'
            : 'Decides approvals and console access of its VMs; prod is stricter'
        }
      >
        {!editing && <option value="">Choose…</option>}
        {ENVIRONMENTS.map(environment => (
          <option key={environment} value={environment}>
            {environment}
          </option>
        ))}
      </TextField>
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
      <FormControlLabel
        control={
          <Checkbox
            checked={fields.enabled}
            onChange={event => set('enabled', event.target.checked)}
          />
        }
        label="Enabled: requesters can choose it"
      />
    </FormDialog>
  );
}
