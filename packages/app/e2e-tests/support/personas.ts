import { Page, expect, test as base } from '@playwright/test';

/** The demo personas of app-config.yaml (`shepherdDemo.personas`), by user name. */
export type Persona =
  | 'platform-admin'
  | 'approver'
  | 'engineer-test'
  | 'engineer-prod'
  | 'viewer'
  | 'outsider';

/**
 * Opens `path` and signs in there as the persona through the development sign-in page; the
 * app then shows the page that was asked for.
 */
export async function signIn(
  page: Page,
  persona: Persona,
  path = '/',
): Promise<void> {
  await page.goto(path);
  const signInButton = page.getByRole('button', {
    name: `Sign in as ${persona}`,
  });
  await signInButton.click();
  await expect(signInButton).toBeHidden();
}

/**
 * Tests in which several people take turns: `openAs(persona, path)` gives a page of its own
 * browser context, signed in as the persona, so each keeps their session side by side.
 */
export const test = base.extend<{
  openAs: (persona: Persona, path?: string) => Promise<Page>;
}>({
  openAs: async ({ browser }, provide) => {
    const pages: Page[] = [];
    await provide(async (persona, path) => {
      // Contexts made here get the project's `use` options (baseURL, viewport, tracing).
      const context = await browser.newContext();
      const page = await context.newPage();
      pages.push(page);
      await signIn(page, persona, path);
      return page;
    });
    await Promise.all(pages.map(page => page.context().close()));
  },
});

export { expect };
