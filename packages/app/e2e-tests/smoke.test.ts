import { expect, test } from '@playwright/test';
import { signIn } from './support/personas';
import { saveScreenshot } from './support/screenshots';

test('a platform administrator signs in and sees the Shepherd backend healthy', async ({
  page,
}) => {
  await page.goto('/');

  // The backend's health is on the overview of those who may use the Admin page.
  const signInButton = page.getByRole('button', {
    name: 'Sign in as platform-admin',
  });
  await expect(signInButton).toBeVisible();
  await saveScreenshot(page, 'sign-in');
  await signInButton.click();

  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await sidebar.getByRole('link', { name: 'Virtual Machines' }).click();

  await expect(page).toHaveURL(/\/shepherd$/);
  await expect(page.getByText('Backend health')).toBeVisible();
  await expect(page.getByText('Healthy', { exact: true })).toBeVisible();
  await expect(page.getByText(/^SQLite, answered in/)).toBeVisible();
  await expect(page.getByText(/\d+ applied, 0 pending/)).toBeVisible();
  await saveScreenshot(page, 'shepherd-health', { fullPage: true });
});

test('a new user finds guidance and the empty VM and request pages', async ({
  page,
}) => {
  // A user without VMs or requests of their own, whichever tests ran before.
  await signIn(page, 'outsider', '/shepherd');

  await expect(page.getByText('Getting started')).toBeVisible();
  await expect(page.getByText('Backend health')).toBeHidden();

  await page.getByRole('tab', { name: 'VMs' }).click();
  await expect(page).toHaveURL(/\/shepherd\/vms$/);
  await expect(page.getByText('No virtual machines yet')).toBeVisible();

  await page.getByRole('tab', { name: 'My requests' }).click();
  await expect(page).toHaveURL(/\/shepherd\/requests$/);
  await expect(page.getByText('No requests in progress')).toBeVisible();
});
