import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, anAuditEntry } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { AuditPage } from './AuditPage';
import { DOWNLOAD_URL_LIFETIME_MS } from '../common/downloadFile';
import { EXPORT_AUDIT_LABEL } from './ExportAuditButton';

function renderAudit(route: string, stubs: Partial<ShepherdApi>) {
  return renderShepherd(<AuditPage />, {
    api: { listAuditLogs: async () => aPage([anAuditEntry()]), ...stubs },
    path: '/shepherd/audit/*',
    route,
  });
}

describe('Audit log export', () => {
  const csv = new Blob(['createdAt,action\r\n'], { type: 'text/csv' });
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    // jsdom neither makes object URLs nor downloads: record what would be downloaded.
    URL.createObjectURL = jest.fn(() => 'blob:audit-export');
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
  });

  afterEach(() => jest.restoreAllMocks());

  it('downloads every entry the filters of the URL select, from the server', async () => {
    const timeout = jest.spyOn(global, 'setTimeout');
    const { api } = await renderAudit(
      '/shepherd/audit?action=vm.delete_submitted&outcome=failure&offset=20',
      { exportAuditLogs: async () => ({ csv, truncated: false }) },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: EXPORT_AUDIT_LABEL }),
    );

    await waitFor(() => expect(clicked).toHaveLength(1));
    // The filters only: the export is not the page shown.
    expect(api.exportAuditLogs).toHaveBeenCalledWith({
      action: 'vm.delete_submitted',
      outcome: 'failure',
    });
    expect(URL.createObjectURL).toHaveBeenCalledWith(csv);
    expect(clicked[0].download).toBe('shepherd-audit-log.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:audit-export');
    // The browser reads the file after the click: its URL is revoked only later.
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    const revoke = timeout.mock.calls.find(
      ([, delay]) => delay === DOWNLOAD_URL_LIFETIME_MS,
    )!;
    (revoke[0] as () => void)();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:audit-export');
    expect(screen.queryByText(/More entries match/)).not.toBeInTheDocument();
  });

  it('says when the export was cut at its limit', async () => {
    await renderAudit('/shepherd/audit', {
      exportAuditLogs: async () => ({ csv, truncated: true }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: EXPORT_AUDIT_LABEL }),
    );

    expect(await screen.findByText(/More entries match/)).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
  });

  it('cannot export a time range that ends before it starts', async () => {
    const { api } = await renderAudit(
      '/shepherd/audit?from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z',
      { exportAuditLogs: async () => ({ csv, truncated: false }) },
    );

    expect(
      await screen.findByRole('button', { name: EXPORT_AUDIT_LABEL }),
    ).toBeDisabled();
    expect(api.exportAuditLogs).not.toHaveBeenCalled();
  });

  it('shows why an export was refused, and downloads nothing', async () => {
    await renderAudit('/shepherd/audit', {
      exportAuditLogs: async () => {
        throw new ShepherdApiError({
          status: 403,
          errorName: 'NotAllowedError',
          message: 'You may not read the audit log',
          code: SHEPHERD_ERROR_CODES.PERMISSION_DENIED,
        });
      },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: EXPORT_AUDIT_LABEL }),
    );

    expect(
      await screen.findByText('Could not export the audit log'),
    ).toBeInTheDocument();
    expect(clicked).toHaveLength(0);
  });
});
