import { ShepherdApi } from '../api/ShepherdApi';
import { AdminPage } from '../components/admin/AdminPage';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestPermissions, renderShepherd } from './renderShepherd';

/** A section of the admin page, by the last segment of its route. */
export type AdminSection =
  | 'clusters'
  | 'namespaces'
  | 'templates'
  | 'instance-sizes'
  | 'reconciler'
  | 'adoption';

/** Renders the admin page open at one of its sections. */
export function renderAdminSection(
  section: AdminSection,
  stubs: Partial<ShepherdApi>,
  permissions?: TestPermissions,
): ReturnType<typeof renderShepherd> {
  return renderShepherd(<AdminPage />, {
    api: stubs,
    path: '/shepherd/admin/*',
    route: `/shepherd/admin/${section}`,
    permissions,
  });
}

/**
 * Opens a section's create dialog with the first button of that name (the header's, or the
 * first-run guide's), checks the dialog's heading, and returns queries within the dialog.
 */
export async function openCreateDialog(buttonLabel: string, title: string) {
  await userEvent.click(
    (
      await screen.findAllByRole('button', { name: buttonLabel })
    )[0],
  );
  const dialog = await screen.findByRole('dialog');
  expect(
    within(dialog).getByRole('heading', { name: title }),
  ).toBeInTheDocument();
  return within(dialog);
}
