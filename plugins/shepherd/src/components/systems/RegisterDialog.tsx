import { parseEntityRef } from '@backstage/catalog-model';
import {
  NamedEntity,
  SHEPHERD_ERROR_CODES,
  WithWarnings,
  checkResourceName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import { ActionDialog, useDialogAction, withCode } from '../common';
import { CatalogEntityField, CatalogFilter } from './CatalogEntityField';

/** The confirm button of the register dialogs. */
export const REGISTER_LABEL = 'Register';

const KIND_TITLES = { system: 'System', component: 'Component' } as const;

/** What the backend will say about an entity ref before it is sent, as far as the UI can tell. */
export function precheckEntityRef(
  kind: 'system' | 'component',
  entity: NamedEntity,
  ref: string,
): { error?: string; warning?: string } {
  const trimmed = ref.trim();
  if (!trimmed) {
    return {};
  }
  let parsed;
  try {
    parsed = parseEntityRef(trimmed, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    return { error: `'${trimmed}' is not an entity ref` };
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== kind) {
    return {
      error: `'${trimmed}' is not a ${KIND_TITLES[kind]} (${SHEPHERD_ERROR_CODES.ENTITY_KIND_INVALID})`,
    };
  }
  // The record takes the entity's name, which must follow Shepherd's naming rules.
  const check = checkResourceName(entity, parsed.name);
  if (!check.ok) {
    return {
      error: withCode(
        `${check.message}; this entity cannot be registered under its name`,
        check.code,
      ),
    };
  }
  const [warning] = check.warnings;
  return warning ? { warning: withCode(warning.message, warning.code) } : {};
}

/**
 * Registers an existing catalog entity (a System, or a Component of type service) into
 * Shepherd by its entity ref, picked from the catalog or typed. The backend reads the entity
 * with the user's credentials; its refusals (ENTITY_NOT_FOUND, ALREADY_REGISTERED,
 * SYSTEM_NOT_REGISTERED, …) are shown with their codes.
 */
export function RegisterDialog<T>(props: {
  open: boolean;
  entity: NamedEntity;
  kind: 'system' | 'component';
  title: string;
  intro: ReactNode;
  filter: CatalogFilter;
  placeholder: string;
  register: (entityRef: string) => Promise<WithWarnings<T>>;
  onRegistered: (result: WithWarnings<T>) => void;
  onCancel: () => void;
}) {
  const {
    open,
    entity,
    kind,
    title,
    intro,
    filter,
    placeholder,
    register,
    onRegistered,
    onCancel,
  } = props;
  const [entityRef, setEntityRef] = useState('');
  const submit = useDialogAction({
    open,
    action: register,
    onOpen: () => setEntityRef(''),
    onDone: onRegistered,
  });

  const precheck = precheckEntityRef(kind, entity, entityRef);
  const confirm = () => submit.run(entityRef.trim());

  return (
    <ActionDialog
      open={open}
      titleId={`shepherd-register-${entity}-title`}
      title={title}
      error={submit.error}
      errorTitle={`The ${entity} was not registered`}
      actionLabel={REGISTER_LABEL}
      canAct={Boolean(entityRef.trim()) && !precheck.error}
      busy={submit.busy}
      onAct={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        {intro}
      </Typography>
      <CatalogEntityField
        id={`shepherd-register-${entity}-ref`}
        label="Catalog entity"
        placeholder={placeholder}
        value={entityRef}
        onChange={ref => setEntityRef(ref)}
        filter={filter}
        error={Boolean(precheck.error)}
        helperText={precheck.error ?? `Entity ref, e.g. ${placeholder}`}
        disabled={submit.busy}
      />
      {precheck.warning && <Alert severity="warning">{precheck.warning}</Alert>}
    </ActionDialog>
  );
}
