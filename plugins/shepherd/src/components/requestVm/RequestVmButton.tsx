import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import AddIcon from '@material-ui/icons/Add';
import { REQUEST_VM_TITLE } from '../../labels';
import { requestVmRouteRef } from '../../routes';
import { RequestVmStart, requestVmSearch } from './requestVmParams';

/**
 * A button that opens the Request a VM wizard, started at a System or Service. Whether the
 * user may request VMs there is for the backend to decide (the permission is on the VM to
 * be, which does not exist yet).
 */
export function RequestVmButton(props: {
  start?: RequestVmStart;
  variant?: 'contained' | 'outlined' | 'text';
}) {
  const requestVm = useRouteRef(requestVmRouteRef);
  return (
    <LinkButton
      to={`${requestVm()}${requestVmSearch(props.start ?? {})}`}
      variant={props.variant ?? 'contained'}
      color="primary"
      startIcon={<AddIcon />}
    >
      {REQUEST_VM_TITLE}
    </LinkButton>
  );
}
