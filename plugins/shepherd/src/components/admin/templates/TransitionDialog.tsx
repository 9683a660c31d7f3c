import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdTemplate,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import { shepherdApiRef } from '../../../api/ShepherdApi';
import { ConfirmationDialog, useAction } from '../../common';
import { TRANSITION_ACTIONS } from './templateRules';

/** The lifecycle step a template is about to take. */
export type Transition = {
  template: ShepherdTemplate;
  to: Exclude<TemplateStatus, 'draft'>;
};

/** Moves a template through its lifecycle after a confirmation; the backend's refusal stays in the dialog. */
export function TransitionDialog(props: {
  transition?: Transition;
  onDone: (template: ShepherdTemplate) => void;
  onCancel: () => void;
}) {
  const { transition, onDone, onCancel } = props;
  const api = useApi(shepherdApiRef);
  const move = useAction(api.updateTemplate.bind(api));

  useEffect(() => {
    move.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [transition?.template.id, transition?.to]);

  if (!transition) return null;
  const { template, to } = transition;
  const action = TRANSITION_ACTIONS[to];
  const confirm = async () => {
    const updated = await move.run(template.id, { status: to });
    if (updated) onDone(updated);
  };
  return (
    <ConfirmationDialog
      open
      title={`${action.label} ${template.name}`}
      tier={
        to === 'archived'
          ? {
              kind: 'checkbox',
              label: `I understand that ${template.name} cannot be activated again`,
            }
          : { kind: 'button' }
      }
      confirmLabel={action.label}
      busy={move.busy}
      error={move.error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <Typography variant="body2" paragraph>
        {template.status} → {to}. {action.explanation}
      </Typography>
      {to === 'active' && template.catalogScope === 'unclassified' && (
        <Typography variant="body2" paragraph color="textSecondary">
          Its catalog scope is unclassified: it stays hidden from requesters
          until you set a scope.
        </Typography>
      )}
    </ConfirmationDialog>
  );
}
