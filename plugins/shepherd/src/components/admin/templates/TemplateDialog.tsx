import { useApi } from '@backstage/core-plugin-api';
import {
  CatalogScope,
  ShepherdApiRequestBody,
  ShepherdTemplate,
  ShepherdWarning,
  TEMPLATE_SOURCE_TYPES,
  TemplateSourceType,
  checkCatalogName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField from '@material-ui/core/TextField';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import {
  CatalogScopeField,
  ChoiceField,
  FIELD_PROPS,
  FormDialog,
  fieldErrorsOf,
  useEntryForm,
} from '../shared';
import { CloudInitEditor } from './CloudInitEditor';
import {
  SOURCE_TYPE_DESCRIPTIONS,
  cloudInitProblem,
  isOffered,
  sourceProblems,
} from './templateRules';

export const CREATE_TEMPLATE_TITLE = 'Create a template';

const DISPLAY_NAME_MAX_LENGTH = 255;
const DESCRIPTION_MAX_LENGTH = 4096;
const OS_FIELD_MAX_LENGTH = 64;

/** The statuses a new template can start in. */
const CREATED_STATUSES = ['draft', 'active'] as const;

type Fields = {
  name: string;
  displayName: string;
  description: string;
  status: (typeof CREATED_STATUSES)[number];
  catalogScope: CatalogScope;
  sourceType: TemplateSourceType;
  imageUrl: string;
  pvcName: string;
  pvcNamespace: string;
  osFamily: string;
  osVersion: string;
  cloudInit: string;
};

function fieldsOf(template?: ShepherdTemplate): Fields {
  return {
    name: template?.name ?? '',
    displayName: template?.displayName ?? '',
    description: template?.description ?? '',
    status: 'draft',
    catalogScope: template?.catalogScope ?? 'unclassified',
    sourceType: template?.sourceType ?? 'containerdisk',
    imageUrl: template?.imageUrl ?? '',
    pvcName: template?.pvcName ?? '',
    pvcNamespace: template?.pvcNamespace ?? '',
    osFamily: template?.osFamily ?? '',
    osVersion: template?.osVersion ?? '',
    cloudInit: template?.cloudInit ?? '',
  };
}

/** The fields edited as plain text. */
type TextKey =
  | 'name'
  | 'displayName'
  | 'description'
  | 'imageUrl'
  | 'pvcName'
  | 'pvcNamespace'
  | 'osFamily'
  | 'osVersion';

const isPvc = (fields: Pick<Fields, 'sourceType'>) =>
  fields.sourceType === 'cdi_pvc_clone';

/** A new template as the API takes it: only the source fields of its source type. */
export function createRequestOf(
  fields: Fields,
): ShepherdApiRequestBody<'CreateTemplate'> {
  const optional = (value: string) => (value === '' ? undefined : value);
  return {
    name: fields.name,
    displayName: optional(fields.displayName.trim()),
    description: optional(fields.description),
    status: fields.status,
    catalogScope: fields.catalogScope,
    sourceType: fields.sourceType,
    ...(isPvc(fields)
      ? { pvcName: fields.pvcName, pvcNamespace: fields.pvcNamespace }
      : { imageUrl: fields.imageUrl }),
    cloudInit: optional(fields.cloudInit),
    osFamily: optional(fields.osFamily),
    osVersion: optional(fields.osVersion),
  };
}

/**
 * What an edit changes, as the API takes it: changed fields only; `null` clears the source
 * fields of another source type and an emptied cloud-init.
 */
export function updateRequestOf(
  template: ShepherdTemplate,
  fields: Fields,
): ShepherdApiRequestBody<'UpdateTemplate'> {
  const changes: ShepherdApiRequestBody<'UpdateTemplate'> = {};
  if (fields.displayName.trim() !== template.displayName) {
    changes.displayName = fields.displayName.trim();
  }
  if (fields.description !== template.description) {
    changes.description = fields.description;
  }
  if (fields.catalogScope !== template.catalogScope) {
    changes.catalogScope = fields.catalogScope;
  }
  if (fields.sourceType !== template.sourceType) {
    changes.sourceType = fields.sourceType;
  }
  const source = (
    name: 'imageUrl' | 'pvcName' | 'pvcNamespace',
    used: boolean,
  ) => {
    const next = used ? fields[name] : '';
    const current = template[name] ?? '';
    if (next === current) return;
    changes[name] = next === '' ? null : next;
  };
  source('imageUrl', !isPvc(fields));
  source('pvcName', isPvc(fields));
  source('pvcNamespace', isPvc(fields));
  if (fields.cloudInit !== (template.cloudInit ?? '')) {
    changes.cloudInit = fields.cloudInit === '' ? null : fields.cloudInit;
  }
  if (fields.osFamily !== template.osFamily) changes.osFamily = fields.osFamily;
  if (fields.osVersion !== template.osVersion) {
    changes.osVersion = fields.osVersion;
  }
  return changes;
}

function nameProblem(name: string, editing: boolean): string | undefined {
  if (editing) return undefined;
  return name === '' ? 'A name is required' : checkCatalogName(name);
}

function lengthProblem(value: string, max: number): string | undefined {
  return value.length > max
    ? `At most ${max} characters (now ${value.length})`
    : undefined;
}

/**
 * Creates a template, or edits one (`template` set): the image source its source type asks
 * for, OS labels, cloud-init and catalog scope; never hardware, which belongs to instance
 * sizes. The lifecycle moves through its own actions, not this form.
 */
export function TemplateDialog(props: {
  open: boolean;
  template?: ShepherdTemplate;
  onSaved: (template: ShepherdTemplate, warnings: ShepherdWarning[]) => void;
  onCancel: () => void;
}) {
  const { open, template, onSaved, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const { fields, set, save, submit, editing } = useEntryForm({
    open,
    entry: template,
    fieldsOf,
    create: (values: Fields) => api.createTemplate(createRequestOf(values)),
    update: (entry, values) =>
      api.updateTemplate(entry.id, updateRequestOf(entry, values)),
    onSaved,
  });
  // Like the backend: an edit answers for cloud-init only when it changes it or puts the
  // template on offer, so a template saved before the limit can still change otherwise.
  const cloudInitChecked =
    !template ||
    fields.cloudInit !== (template.cloudInit ?? '') ||
    (isOffered({ ...template, catalogScope: fields.catalogScope }) &&
      !isOffered(template));
  const backendFields = fieldErrorsOf(save.error);
  const problems: Record<string, string | undefined> = {
    name: nameProblem(fields.name, editing),
    displayName:
      editing && fields.displayName.trim() === ''
        ? 'A display name is required'
        : lengthProblem(fields.displayName, DISPLAY_NAME_MAX_LENGTH),
    description: lengthProblem(fields.description, DESCRIPTION_MAX_LENGTH),
    osFamily: lengthProblem(fields.osFamily, OS_FIELD_MAX_LENGTH),
    osVersion: lengthProblem(fields.osVersion, OS_FIELD_MAX_LENGTH),
    cloudInit: cloudInitChecked
      ? cloudInitProblem(fields.cloudInit)
      : undefined,
    ...sourceProblems(fields),
  };
  const changes = template ? updateRequestOf(template, fields) : undefined;
  const valid =
    Object.values(problems).every(problem => !problem) &&
    (!changes || Object.keys(changes).length > 0);
  const text = (
    key: TextKey,
    label: string,
    extra: { required?: boolean; help?: string; disabled?: boolean } = {},
  ) => {
    const problem = (fields[key] !== '' && problems[key]) || backendFields[key];
    return (
      <TextField
        {...FIELD_PROPS}
        id={`shepherd-template-${key}`}
        label={label}
        required={extra.required}
        disabled={extra.disabled}
        value={fields[key]}
        onChange={event => set(key, event.target.value)}
        error={Boolean(problem)}
        helperText={problem || extra.help}
      />
    );
  };

  return (
    <FormDialog
      open={open}
      title={template ? `Edit ${template.name}` : CREATE_TEMPLATE_TITLE}
      submitLabel={template ? 'Save' : 'Create'}
      canSubmit={valid}
      busy={save.busy}
      error={save.error}
      errorTitle={
        template
          ? 'The template was not changed'
          : 'The template was not created'
      }
      onSubmit={submit}
      onCancel={onCancel}
      maxWidth="md"
    >
      {text('name', 'Name', {
        required: true,
        disabled: editing,
        help: editing
          ? 'Names cannot change'
          : 'A lowercase DNS label, e.g. ubuntu-24-04',
      })}
      {text('displayName', 'Display name', {
        help: editing ? undefined : 'Defaults to the name',
      })}
      {text('description', 'Description')}
      {!editing && (
        <ChoiceField
          id="shepherd-template-status"
          label="Status"
          value={fields.status}
          choices={CREATED_STATUSES}
          onChange={status => set('status', status)}
          helperText="Drafts are not offered; activate when it is ready"
        />
      )}
      <CatalogScopeField
        id="shepherd-template-catalog-scope"
        value={fields.catalogScope}
        onChange={scope => set('catalogScope', scope)}
      />
      <ChoiceField
        id="shepherd-template-source-type"
        label="Source type"
        value={fields.sourceType}
        choices={TEMPLATE_SOURCE_TYPES}
        onChange={sourceType => set('sourceType', sourceType)}
        helperText={SOURCE_TYPE_DESCRIPTIONS[fields.sourceType]}
      />
      {isPvc(fields) ? (
        <>
          {text('pvcNamespace', 'Source PVC namespace', { required: true })}
          {text('pvcName', 'Source PVC name', { required: true })}
        </>
      ) : (
        text(
          'imageUrl',
          fields.sourceType === 'containerdisk'
            ? 'Container image'
            : 'Image URL',
          { required: true },
        )
      )}
      {text('osFamily', 'OS family', { help: 'e.g. linux, windows' })}
      {text('osVersion', 'OS version', { help: 'e.g. 24.04' })}
      <CloudInitEditor
        value={fields.cloudInit}
        onChange={value => set('cloudInit', value)}
        problem={problems.cloudInit}
        error={save.error}
        disabled={save.busy}
      />
    </FormDialog>
  );
}
