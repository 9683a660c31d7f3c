import {
  Permission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { ReactNode } from 'react';
import { NOT_PERMITTED } from '../../labels';

/*
 * The UI asks the permission framework only to hide or disable what the user may not do.
 * The backend checks every request again and has the last word: a stale or optimistic
 * answer here never lets anything through.
 */

/** What to do with an action the user may not take. */
export type WhenDenied = 'hide' | 'disable';

/**
 * Whether the user may use a Shepherd permission, on a resource (its record id) for
 * resource permissions. Resource permissions without a resource answer "not allowed".
 */
export function useShepherdPermission(
  permission: Permission,
  resourceRef?: string,
): { allowed: boolean; loading: boolean } {
  const { allowed, loading } = usePermission(
    isResourcePermission(permission)
      ? { permission, resourceRef }
      : { permission },
  );
  return { allowed, loading };
}

/** The state of a permission decision the UI waits for. */
export type Decision = { allowed: boolean; loading: boolean };

/**
 * Whether decisions on several permissions open something that any of them opens: allowed as
 * soon as one is granted, loading until then or until all are refused.
 */
export function anyAllowed(decisions: ReadonlyArray<Decision>): Decision {
  if (decisions.some(decision => decision.allowed)) {
    return { allowed: true, loading: false };
  }
  return {
    allowed: false,
    loading: decisions.some(decision => decision.loading),
  };
}

/** Renders its children only when the permission is granted (nothing while it is asked). */
export function PermissionGate(props: {
  permission: Permission;
  resourceRef?: string;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const { allowed, loading } = useShepherdPermission(
    props.permission,
    props.resourceRef,
  );
  if (loading) {
    return null;
  }
  return <>{allowed ? props.children : props.fallback ?? null}</>;
}

/**
 * A button for an action guarded by a permission: hidden, or disabled with an explanation,
 * when the user may not take the action. `disabledReason` explains other reasons it is
 * disabled (e.g. the VM's state).
 */
export function PermissionedButton(
  props: ButtonProps & {
    permission: Permission;
    resourceRef?: string;
    whenDenied?: WhenDenied;
    disabledReason?: string;
  },
) {
  const {
    permission,
    resourceRef,
    whenDenied = 'disable',
    disabledReason,
    disabled,
    ...buttonProps
  } = props;
  const { allowed, loading } = useShepherdPermission(permission, resourceRef);
  if (!allowed && whenDenied === 'hide') {
    return null;
  }
  const reason = !allowed && !loading ? NOT_PERMITTED : disabledReason;
  const button = (
    <Button {...buttonProps} disabled={disabled || loading || !allowed} />
  );
  if (!reason || !(disabled || !allowed)) {
    return button;
  }
  return (
    <Tooltip title={reason}>
      {/* A span, because a disabled button fires no events for the tooltip. */}
      <span>{button}</span>
    </Tooltip>
  );
}
