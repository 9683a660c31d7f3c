import { Locator, Page } from '@playwright/test';
import { expect } from './personas';

/*
 * The request wizard (Request a VM) as a person walks it: each step is filled and left with
 * its "Next".
 */

/**
 * Moves the wizard on from the open step, whose `field` was just filled, and waits until
 * that step has closed: while it closes, its "Next" is still visible next to the new one.
 */
export async function nextStep(page: Page, field: Locator): Promise<void> {
  await page
    .getByRole('button', { name: 'Next' })
    .filter({ visible: true })
    .click();
  await expect(field).toBeHidden();
}

/** Picks the System and the Service on the wizard's first step and leaves it. */
export async function chooseService(
  page: Page,
  system: string,
  service: string,
): Promise<void> {
  await page.getByLabel('System').click();
  await page.getByRole('option', { name: new RegExp(`^${system} `) }).click();
  const services = page.getByLabel('Service');
  await services.click();
  await page.getByRole('option', { name: new RegExp(`^${service} `) }).click();
  await nextStep(page, services);
}

/** The namespace step's choices. */
export function namespaceChoices(page: Page): Locator {
  return page.getByRole('radiogroup', { name: 'Namespace' });
}

/** Picks the namespace (`dev test …`) and leaves the step. */
export async function chooseNamespace(
  page: Page,
  namespace: string,
  environment: 'test' | 'prod',
): Promise<void> {
  const namespaces = namespaceChoices(page);
  await namespaces
    .getByRole('radio', { name: new RegExp(`^${namespace} ${environment} `) })
    .check();
  await nextStep(page, namespaces);
}

/** Picks the template by its name (`fedora-40`) and leaves the step. */
export async function chooseTemplate(
  page: Page,
  template: string,
): Promise<void> {
  const templates = page.getByRole('radiogroup', { name: 'Template' });
  await templates
    .getByRole('radio', { name: new RegExp(`\\(${template}\\)`) })
    .check();
  await nextStep(page, templates);
}

/** The instance size step's choices. */
export function sizeChoices(page: Page): Locator {
  return page.getByRole('radiogroup', { name: 'Instance size' });
}

/** Picks the instance size by its name (`small`) and leaves the step. */
export async function chooseSize(page: Page, size: string): Promise<void> {
  const sizes = sizeChoices(page);
  await sizes.getByRole('radio', { name: new RegExp(`\\(${size}\\)`) }).check();
  await nextStep(page, sizes);
}

/** Writes the reason and leaves the step for the review. */
export async function giveReason(page: Page, reason: string): Promise<void> {
  const field = page.getByLabel('Reason');
  await field.fill(reason);
  await nextStep(page, field);
}
