import { expect, test } from '@playwright/test';

const PERSONA = 'engineer-test';
const SCREENSHOTS = 'test-results/e2e/screenshots';

test.beforeAll(async ({ request }) => {
  // The catalog ingests the demo users a few seconds after the backend is ready;
  // sign-in resolves the persona against it.
  await expect
    .poll(
      async () =>
        (
          await request.post('/api/auth/demo-persona/refresh', {
            headers: {
              'x-shepherd-demo-persona': PERSONA,
              'x-requested-with': 'XMLHttpRequest',
            },
          })
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test('a persona signs in and sees the Shepherd backend healthy', async ({
  page,
}) => {
  await page.goto('/');

  const signIn = page.getByRole('button', { name: `Sign in as ${PERSONA}` });
  await expect(signIn).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });
  await signIn.click();

  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await sidebar.getByRole('link', { name: 'Virtual Machines' }).click();

  await expect(page).toHaveURL(/\/shepherd$/);
  await expect(page.getByText('Backend health')).toBeVisible();
  await expect(page.getByText('Healthy', { exact: true })).toBeVisible();
  await expect(page.getByText(/^SQLite, answered in/)).toBeVisible();
  await expect(page.getByText(/\d+ applied, 0 pending/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/shepherd-health.png` });
});

test('a new user finds guidance and the empty VM and request pages', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${PERSONA}` }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Virtual Machines' })
    .click();

  // The browser tests' backend starts with an empty database.
  await expect(page.getByText('Getting started')).toBeVisible();

  await page.getByRole('tab', { name: 'VMs' }).click();
  await expect(page).toHaveURL(/\/shepherd\/vms$/);
  await expect(page.getByText('No virtual machines yet')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/shepherd-vms.png` });

  await page.getByRole('tab', { name: 'My requests' }).click();
  await expect(page).toHaveURL(/\/shepherd\/requests$/);
  await expect(page.getByText('No requests in progress')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/shepherd-requests.png` });
});
