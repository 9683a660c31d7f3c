import { Progress, WarningPanel } from '@backstage/core-components';
import { ReactNode } from 'react';
import { ShepherdPageDefinition } from '../../pages';
import { Decision } from '../common/permissions';

/** The title of the panel shown instead of a page the user may not use. */
export function pageNotAllowedTitle(page: ShepherdPageDefinition): string {
  return `${page.title} is ${page.access?.audience ?? 'not open to you'}`;
}

/**
 * A page behind its access decision: progress while the permission framework answers, a
 * panel saying who the page is for when the user may not use it (a link or bookmark can
 * still lead there), else the page.
 */
export function PageGate(props: {
  page: ShepherdPageDefinition;
  access: Decision;
  children: ReactNode;
}) {
  const { page, access, children } = props;
  if (access.loading) {
    return <Progress />;
  }
  if (!access.allowed) {
    return (
      <WarningPanel
        severity="info"
        title={pageNotAllowedTitle(page)}
        message={`${
          page.access?.needs ?? ''
        } The portal's permission policy does not give it to you; ask your platform team if you need it.`}
      />
    );
  }
  return <>{children}</>;
}
