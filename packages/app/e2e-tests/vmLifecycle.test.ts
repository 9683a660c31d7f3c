import {
  AUDIT_ACTION_DEFINITIONS,
  AuditAction,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Page } from '@playwright/test';
import { expect, test } from './support/personas';
import { waitForCatalogEntity } from './support/catalog';
import { saveScreenshot } from './support/screenshots';
import {
  chooseNamespace,
  chooseService,
  chooseSize,
  chooseTemplate,
  giveReason,
} from './support/wizard';

/*
 * A VM's whole life in the browser, as the people who take part in it: an engineer of the
 * payments team requests it, an approver places it on the simulated test cluster, the
 * engineer runs it, stops and starts it and asks for its deletion, and the approver allows
 * that. The clusters are the KubeVirt simulator, reached by the backend over HTTPS with the
 * kubeconfigs the seeding registered (see globalSetup.ts).
 */

const SYSTEM = 'payments';
const SERVICE = 'payment-api';
const NAMESPACE = 'dev';
const TEMPLATE = 'fedora-40';
const INSTANCE_SIZE = 'small';
const REASON = 'Load tests of the refund flow';
/** A deletion reason as people write it: several words, spaces and punctuation. */
const DELETE_REASON = 'Load test finished, VM no longer needed (ticket #42)';
const TEST_CLUSTER = 'sim-test';
const PROD_CLUSTER = 'sim-prod';
/** What the audit log records of the people in this story; the log shows their labels. */
const AUDITED_ACTIONS: AuditAction[] = [
  'vm.request',
  'approval.approve',
  'vm.stop',
  'vm.start',
  'vm.delete_submitted',
];
/**
 * The VM's name: its namespace, System and Service, and an index that other tests' VMs of
 * the same Service may have taken before (indexes are never reused).
 */
const VM_NAME = new RegExp(`^${NAMESPACE}-${SYSTEM}-${SERVICE}-\\d{2}$`);
/** What the approval workbench and My requests call the request. */
const CREATE_REQUEST_TITLE = `New VM for ${SYSTEM}/${SERVICE} in ${NAMESPACE}`;

/** The status row of the VM detail page's "Status and placement" card. */
function vmStatus(page: Page) {
  return page.getByRole('row', { name: 'Status', exact: true });
}

/** The row of the VM in a VM table. */
function vmRow(page: Page, vmName: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: vmName, exact: true }) });
}

test('a VM is requested, approved, run, stopped, started and deleted', async ({
  openAs,
}) => {
  // A whole VM life in several sessions: the default 90 s is tight on a busy 2-core runner.
  test.slow();
  const engineer = await openAs('engineer-test', '/shepherd');
  let approver: Page;
  let ticketId = '';
  let vmName = '';

  await test.step('engineer-test requests a VM in the wizard', async () => {
    await engineer.getByRole('tab', { name: 'Request a VM' }).click();
    await chooseService(engineer, SYSTEM, SERVICE);
    await chooseNamespace(engineer, NAMESPACE, 'test');
    await chooseTemplate(engineer, TEMPLATE);
    await chooseSize(engineer, INSTANCE_SIZE);
    await giveReason(engineer, REASON);

    const review = engineer.getByRole('table');
    await expect(
      review.getByRole('row', { name: `Reason ${REASON}` }),
    ).toBeVisible();
    await expect(engineer.getByText(VM_NAME).first()).toBeVisible();
    await saveScreenshot(engineer, 'request-vm', { fullPage: true });

    await engineer.getByRole('button', { name: 'Submit request' }).click();
    await expect(engineer.getByText('Submitted for approval')).toBeVisible();
    await engineer.getByRole('button', { name: 'Follow the request' }).click();
    await expect(engineer).toHaveURL(/\/shepherd\/requests\/[0-9a-f-]{36}$/);
    ticketId = engineer.url().split('/').pop()!;
    await expect(
      engineer.getByRole('heading', { name: CREATE_REQUEST_TITLE }),
    ).toBeVisible();
    await expect(
      engineer.getByRole('row', { name: 'Status', exact: true }),
    ).toContainText('PENDING');
    await saveScreenshot(engineer, 'request-detail', { fullPage: true });

    await engineer.getByRole('tab', { name: 'My requests' }).click();
    await expect(
      engineer.getByRole('link', { name: CREATE_REQUEST_TITLE }),
    ).toBeVisible();
    await saveScreenshot(engineer, 'my-requests');
  });

  await test.step('approver places it on the test cluster; prod is not offered', async () => {
    approver = await openAs('approver', '/shepherd/approvals');
    const task = approver.getByRole('link', { name: CREATE_REQUEST_TITLE });
    // The queue refreshes by itself.
    await expect(task).toBeVisible();
    await saveScreenshot(approver, 'approvals');
    await task.click();
    await expect(approver).toHaveURL(new RegExp(`/approvals/${ticketId}$`));

    const clusters = approver.getByRole('radiogroup', { name: 'Cluster' });
    await expect(
      clusters.getByRole('radio', { name: new RegExp(PROD_CLUSTER) }),
    ).toBeDisabled();
    // The reason in words; its code stays beneath it for support.
    await expect(
      approver.getByText(
        `${PROD_CLUSTER} is a prod cluster; the namespace is test`,
        { exact: false },
      ),
    ).toBeVisible();
    await expect(
      approver.getByText('CLUSTER_ENVIRONMENT_MISMATCH', { exact: true }),
    ).toBeVisible();
    const testCluster = clusters.getByRole('radio', {
      name: new RegExp(TEST_CLUSTER),
    });
    await expect(testCluster).toBeEnabled();
    await testCluster.check();
    await saveScreenshot(approver, 'approval-detail', { fullPage: true });

    await approver
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    const named = approver.getByText('The VM is named').locator('strong');
    await expect(named).toHaveText(VM_NAME);
    vmName = (await named.textContent())!;
  });

  await test.step('engineer-test sees it running', async () => {
    await engineer.getByRole('tab', { name: 'VMs' }).click();
    const row = vmRow(engineer, vmName);
    await expect(row).toContainText('RUNNING');
    await expect(row).toContainText(TEST_CLUSTER);
    await saveScreenshot(engineer, 'vms');

    await row.getByRole('link', { name: vmName }).click();
    await expect(engineer.getByRole('heading', { name: vmName })).toBeVisible();
    await expect(vmStatus(engineer)).toContainText('RUNNING');
    await saveScreenshot(engineer, 'vm-detail', { fullPage: true });
  });

  await test.step('engineer-test stops and starts it', async () => {
    await engineer.getByRole('button', { name: 'Stop', exact: true }).click();
    const dialog = engineer.getByRole('dialog', { name: `Stop ${vmName}?` });
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toBeHidden();
    // The page follows the VM after the accepted action, without a reload.
    await expect(vmStatus(engineer)).toContainText('STOPPED');

    // Starting a test VM interrupts nothing, so it needs no confirmation. The page may show
    // the VM stopped (its cluster's watch) a moment before the stop request has ended; a VM
    // runs one operation at a time, so a start asked for in between is refused as busy and
    // asked for again.
    const start = engineer.getByRole('button', { name: 'Start', exact: true });
    await expect(async () => {
      if ((await vmStatus(engineer).textContent())?.includes('STOPPED')) {
        await start.click();
      }
      await expect(vmStatus(engineer)).not.toContainText('STOPPED');
    }).toPass();
    await expect(vmStatus(engineer)).toContainText('RUNNING');
  });

  await test.step("the System's catalog page lists it, with a request button", async () => {
    await engineer.goto(`/catalog/default/system/${SYSTEM}`);
    await engineer
      .getByRole('link', { name: 'Virtual machines', exact: true })
      .click();
    const row = vmRow(engineer, vmName);
    await expect(row).toContainText('RUNNING');
    await saveScreenshot(engineer, 'entity-virtual-machines');

    await engineer.getByRole('button', { name: 'Request a VM' }).click();
    await expect(engineer).toHaveURL(/\/shepherd\/request-vm\?systemId=/);
    await expect(engineer.getByLabel('System')).toContainText(SYSTEM);
  });

  await test.step("the VM's catalog Resource shows its Shepherd card", async () => {
    // The catalog gets the VM's entity from Shepherd's entity provider shortly after the
    // change; the page is opened once the catalog holds it.
    await waitForCatalogEntity('engineer-test', {
      kind: 'resource',
      name: vmName,
    });
    await engineer.goto(`/catalog/default/resource/${vmName}`);
    await expect(
      engineer.getByText('Shepherd virtual machine', { exact: true }),
    ).toBeVisible();
    await expect(engineer.getByText('RUNNING', { exact: true })).toBeVisible();
    await expect(
      engineer.getByRole('row', { name: `Cluster ${TEST_CLUSTER}` }),
    ).toBeVisible();
    await expect(
      engineer.getByRole('link', { name: 'Open the VM in Shepherd' }),
    ).toBeVisible();
    // The card offers the VM page's actions once the user's permissions are known.
    await expect(
      engineer.getByRole('button', { name: 'Stop', exact: true }),
    ).toBeEnabled();
    await saveScreenshot(engineer, 'entity-vm-card', { fullPage: true });
  });

  await test.step('engineer-test requests its deletion', async () => {
    await engineer
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Virtual Machines' })
      .click();
    await engineer.getByRole('tab', { name: 'VMs' }).click();
    await vmRow(engineer, vmName).getByRole('link', { name: vmName }).click();
    await engineer.getByRole('button', { name: 'Request deletion' }).click();
    const dialog = engineer.getByRole('dialog', { name: `Delete ${vmName}?` });
    const confirm = dialog.getByRole('button', { name: 'Request deletion' });
    // A test VM's deletion is confirmed with a tick.
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Reason (optional)').fill(DELETE_REASON);
    await dialog
      .getByRole('checkbox', {
        name: `I understand that ${vmName} and its disks will be deleted`,
      })
      .check();
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(engineer.getByText(/Submitted for approval/)).toBeVisible();
  });

  await test.step('approver allows the deletion', async () => {
    await approver.getByRole('tab', { name: 'Approvals' }).click();
    const task = approver.getByRole('link', { name: `Delete ${vmName}` });
    await expect(task).toBeVisible();
    await task.click();
    // The reason arrives as it was typed.
    await expect(
      approver.getByText(DELETE_REASON, { exact: true }),
    ).toBeVisible();
    await approver
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await expect(approver.getByText(/Shepherd carries it out/)).toBeVisible();
  });

  await test.step('the VM is gone from the list', async () => {
    await engineer.getByRole('tab', { name: 'VMs' }).click();
    // The list polls while the VM is being deleted.
    await expect(engineer.getByText('No virtual machines yet')).toBeVisible();
    await expect(engineer.getByRole('link', { name: vmName })).toHaveCount(0);
  });

  await test.step('the audit log tells who did what', async () => {
    const viewer = await openAs('viewer', '/shepherd/audit');
    for (const action of AUDITED_ACTIONS) {
      await expect(
        viewer
          .getByRole('link', {
            name: AUDIT_ACTION_DEFINITIONS[action].label,
            exact: true,
          })
          .first(),
      ).toBeVisible();
      await expect(
        viewer.getByText(action, { exact: true }).first(),
      ).toBeVisible();
    }
    await saveScreenshot(viewer, 'audit-log');
  });
});
