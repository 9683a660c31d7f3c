import { Page } from '@playwright/test';
import { join } from 'node:path';
import { REPO_ROOT } from './environment';

/**
 * Screenshots of the portal's pages. They always go to test-results/e2e/screenshots/, and
 * with SHEPHERD_UPDATE_SCREENSHOTS=1 to docs/images/ instead, where the README files show
 * them; so an ordinary run (CI included) never changes the committed images.
 */
export const UPDATE_SCREENSHOTS_VARIABLE = 'SHEPHERD_UPDATE_SCREENSHOTS';

export const SCREENSHOT_DIR =
  process.env[UPDATE_SCREENSHOTS_VARIABLE] === '1'
    ? join(REPO_ROOT, 'docs', 'images')
    : join(REPO_ROOT, 'test-results', 'e2e', 'screenshots');

/**
 * Saves what the page shows as `<name>.png`. `fullPage` makes the viewport as tall as the
 * page first, so the fixed sidebar and header stay where a person sees them (Chromium's own
 * full-page capture moves them).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  if (!options.fullPage || !viewport) {
    await page.screenshot({ path, animations: 'disabled' });
    return;
  }
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight,
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(height, viewport.height),
  });
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(viewport);
}
