import { TemplateStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { TEMPLATE_STATUS_DESCRIPTIONS } from './templateRules';

/** A template's lifecycle status, in the API's words. */
export function TemplateStatusChip(props: { status: TemplateStatus }) {
  const { status } = props;
  return (
    <Tooltip title={TEMPLATE_STATUS_DESCRIPTIONS[status]}>
      <Chip
        size="small"
        label={status}
        color={status === 'active' ? 'primary' : 'default'}
        variant={
          status === 'active' || status === 'draft' ? 'default' : 'outlined'
        }
      />
    </Tooltip>
  );
}
