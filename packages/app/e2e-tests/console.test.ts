import { Page } from '@playwright/test';
import { Persona, expect, test } from './support/personas';
import { brokenWords } from './support/layout';
import { saveScreenshot } from './support/screenshots';
import {
  RunningVm,
  VmRequest,
  deleteVm,
  provisionRunningVm,
} from './support/shepherdApi';

/*
 * The VNC console of a running VM, in the browser: the engineer gets console access (at
 * once in test, from an approver in production), opens the console page and sees the VM's
 * screen drawn by noVNC. The screen is a real VNC server (Xtigervnc) that the simulator
 * starts for the VM, reached through the backend's console relay.
 */

const TEST_CLUSTER = 'sim-test';
const PROD_CLUSTER = 'sim-prod';
/** A Service no other browser test requests VMs for, so their VM names stay as they expect. */
const SERVICE = 'ledger';
const TEST_VM: VmRequest = {
  service: SERVICE,
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'Checks the console of a test VM',
};
const PROD_VM: VmRequest = {
  ...TEST_VM,
  namespace: 'prd',
  reason: 'Checks the console of a production VM',
};
/** What the console's status line says once noVNC speaks with the VM's VNC server. */
const CONNECTED = 'Connected';
/**
 * Share of the screen's pixels that must not be black: the simulator paints the whole
 * screen (a blue background with the VM's name), so a drawn screen is far above this.
 */
const MIN_PAINTED_SHARE = 0.5;

/** The VMs a test provisioned, with who requested them; deleted after each test. */
const provisioned: Array<{ requester: Persona; vm: RunningVm }> = [];

test.afterEach(async () => {
  // Later tests expect the payments team to have no VMs but their own.
  for (const { requester, vm } of provisioned.splice(0)) {
    await deleteVm(requester, vm);
  }
});

async function provision(
  requester: Persona,
  request: VmRequest,
  cluster: string,
): Promise<RunningVm> {
  const vm = await provisionRunningVm(requester, request, cluster);
  provisioned.push({ requester, vm });
  return vm;
}

/** The area noVNC draws the VM's screen into. */
function consoleScreen(page: Page) {
  return page.getByTestId('shepherd-console-screen');
}

/** The share of the screen canvas's pixels that are not black (0 before noVNC draws). */
function paintedShare(page: Page): Promise<number> {
  return consoleScreen(page)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let offset = 0; offset < data.length; offset += 4) {
        if (data[offset] || data[offset + 1] || data[offset + 2]) painted++;
      }
      return painted / (data.length / 4);
    });
}

/**
 * From the VM's page, where the user has a console grant: opens the console page, connects
 * and waits until the VM's screen is drawn.
 */
async function openConsole(page: Page, vm: RunningVm) {
  await page.getByRole('button', { name: 'Open console' }).click();
  await expect(page).toHaveURL(new RegExp(`/shepherd/vms/${vm.id}/console$`));
  await expect(
    page.getByRole('heading', { name: `Console of ${vm.name}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(CONNECTED);
  await expect(consoleScreen(page).locator('canvas')).toBeVisible();
  await expect
    .poll(() => paintedShare(page), {
      message: "noVNC draws the VM's screen",
    })
    .toBeGreaterThan(MIN_PAINTED_SHARE);
}

test('engineer-test opens the console of a running test VM', async ({
  openAs,
}) => {
  const vm = await provision('engineer-test', TEST_VM, TEST_CLUSTER);
  const engineer = await openAs('engineer-test', `/shepherd/vms/${vm.id}`);

  await test.step('console access is granted at once in test', async () => {
    await engineer
      .getByRole('button', { name: 'Request console access' })
      .click();
    const dialog = engineer.getByRole('dialog', {
      name: `Console access to ${vm.name}`,
    });
    await dialog.getByRole('button', { name: 'Grant access' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      engineer.getByText(/Console access granted until/),
    ).toBeVisible();
  });

  await test.step("the console shows the VM's screen", async () => {
    await openConsole(engineer, vm);
    // Connecting focuses the screen, which scrolls the page's title out of view.
    await engineer
      .getByRole('heading', { name: `Console of ${vm.name}` })
      .scrollIntoViewIfNeeded();
    await saveScreenshot(engineer, 'console', { fullPage: true });
  });

  await test.step('in one Console card, with its buttons on one line', async () => {
    await expect(engineer.getByText('Console', { exact: true })).toHaveCount(1);
    const typeIt = engineer.getByRole('button', { name: 'Type it' });
    const disconnect = engineer.getByRole('button', { name: 'Disconnect' });
    // As tall as a one-line button: its label does not wrap.
    expect((await typeIt.boundingBox())!.height).toBeLessThanOrEqual(
      (await disconnect.boundingBox())!.height + 1,
    );
    expect(await brokenWords(engineer.getByRole('button'))).toEqual([]);
  });
});

test('engineer-prod opens the console of a production VM once an approver grants it', async ({
  openAs,
}) => {
  const vm = await provision('engineer-prod', PROD_VM, PROD_CLUSTER);
  const engineer = await openAs('engineer-prod', `/shepherd/vms/${vm.id}`);

  await test.step('engineer-prod asks for console access', async () => {
    await engineer
      .getByRole('button', { name: 'Request console access' })
      .click();
    const dialog = engineer.getByRole('dialog', {
      name: `Console access to ${vm.name}`,
    });
    // In production the reason is required.
    await dialog
      .getByRole('textbox', { name: /^Reason/ })
      .fill('Reads the boot log');
    await dialog.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      engineer.getByText(/console access waits for an approver/),
    ).toBeVisible();
    await expect(
      engineer.getByRole('button', { name: 'Open console' }),
    ).toHaveCount(0);
  });

  await test.step('approver grants it in the approval workbench', async () => {
    const approver = await openAs('approver', '/shepherd/approvals');
    const task = approver.getByRole('link', {
      name: `Console access to ${vm.name}`,
    });
    await expect(task).toBeVisible();
    await task.click();
    await approver
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await expect(approver.getByText(/Shepherd carries it out/)).toBeVisible();
  });

  await test.step("engineer-prod's console shows the VM's screen", async () => {
    // The VM's page follows the pending request until it is decided.
    await expect(
      engineer.getByText(/Console access granted until/),
    ).toBeVisible();
    await openConsole(engineer, vm);
  });
});
