import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aTemplate } from '../../../__testUtils__/fixtures';
import {
  openCreateDialog,
  renderAdminSection,
} from '../../../__testUtils__/adminSections';
import { TestPermissions } from '../../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { CLOUD_INIT_LABEL } from './CloudInitEditor';
import { CREATE_TEMPLATE_TITLE } from './TemplateDialog';
import { CREATE_TEMPLATE_LABEL } from './TemplatesSection';
import { refusing } from '../../../__testUtils__/refusing';

function renderTemplates(
  stubs: Partial<ShepherdApi>,
  permissions?: TestPermissions,
) {
  return renderAdminSection('templates', stubs, permissions);
}

function openTemplateDialog() {
  return openCreateDialog(CREATE_TEMPLATE_LABEL, CREATE_TEMPLATE_TITLE);
}

/** Sets a text field at once (typing 2 KiB one key at a time is slow). */
function setValue(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

const DRAFT = aTemplate({
  id: 'tpl-draft',
  name: 'fedora-40',
  displayName: 'Fedora 40',
  status: 'draft',
  catalogScope: 'unclassified',
});

// Forms are filled key by key; a full parallel run needs more than the default 5 s.

describe('Admin: templates', () => {
  it('lists templates by lifecycle status', async () => {
    const { api } = await renderTemplates({
      listTemplates: async query =>
        aPage(
          [aTemplate(), DRAFT].filter(
            template => !query?.status || template.status === query.status,
          ),
        ),
    });

    expect(await screen.findByText('Ubuntu 24.04')).toBeInTheDocument();
    expect(screen.getByText('Fedora 40')).toBeInTheDocument();
    expect(
      screen.getAllByText('quay.io/containerdisks/ubuntu:24.04'),
    ).toHaveLength(2);

    await userEvent.click(screen.getByRole('tab', { name: 'draft' }));

    await waitFor(() =>
      expect(screen.queryByText('Ubuntu 24.04')).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Fedora 40')).toBeInTheDocument();
    expect(api.listTemplates).toHaveBeenLastCalledWith({
      status: 'draft',
      offset: 0,
      limit: 20,
    });
  });

  it('creates a containerdisk template', async () => {
    const created = aTemplate({ id: 'tpl-new', status: 'draft' });
    const { api } = await renderTemplates({
      listTemplates: async () => aPage([]),
      createTemplate: async () => ({ item: created, warnings: [] }),
    });

    const dialog = await openTemplateDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'ubuntu-24-04');
    await userEvent.selectOptions(
      dialog.getByLabelText('Catalog scope'),
      'all',
    );
    setValue(
      dialog.getByLabelText(/^Container image/),
      'quay.io/containerdisks/ubuntu:24.04',
    );
    await userEvent.type(dialog.getByLabelText('OS family'), 'linux');
    setValue(
      dialog.getByLabelText(CLOUD_INIT_LABEL),
      '#cloud-config\npackages:\n  - qemu-guest-agent\n',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    expect(
      await screen.findByText('Created ubuntu-24-04 as draft.'),
    ).toBeInTheDocument();
    expect(api.createTemplate).toHaveBeenCalledWith({
      name: 'ubuntu-24-04',
      status: 'draft',
      catalogScope: 'all',
      sourceType: 'containerdisk',
      imageUrl: 'quay.io/containerdisks/ubuntu:24.04',
      cloudInit: '#cloud-config\npackages:\n  - qemu-guest-agent\n',
      osFamily: 'linux',
    });
  });

  it('asks a PVC clone for the source PVC, not an image', async () => {
    const { api } = await renderTemplates({
      listTemplates: async () => aPage([]),
      createTemplate: async () => ({
        item: aTemplate({ sourceType: 'cdi_pvc_clone' }),
        warnings: [],
      }),
    });

    const dialog = await openTemplateDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'golden-rhel');
    await userEvent.selectOptions(
      dialog.getByLabelText('Source type'),
      'cdi_pvc_clone',
    );
    expect(dialog.queryByLabelText(/^Container image/)).not.toBeInTheDocument();
    await userEvent.type(
      dialog.getByLabelText(/^Source PVC namespace\s*\*?$/),
      'golden-images',
    );
    await userEvent.type(
      dialog.getByLabelText(/^Source PVC name\s*\*?$/),
      'Rhel_9',
    );
    expect(dialog.getByText(/a DNS subdomain/)).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();

    await userEvent.clear(dialog.getByLabelText(/^Source PVC name\s*\*?$/));
    await userEvent.type(
      dialog.getByLabelText(/^Source PVC name\s*\*?$/),
      'rhel-9',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(api.createTemplate).toHaveBeenCalledWith(
        expect.objectContaining({
          sourceType: 'cdi_pvc_clone',
          pvcName: 'rhel-9',
          pvcNamespace: 'golden-images',
        }),
      ),
    );
    expect(api.createTemplate.mock.calls[0][0]).not.toHaveProperty('imageUrl');
  });

  it('counts cloud-init in bytes against the 2048-byte inline limit', async () => {
    await renderTemplates({ listTemplates: async () => aPage([]) });

    const dialog = await openTemplateDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'big');
    setValue(
      dialog.getByLabelText(/^Container image/),
      'quay.io/containerdisks/fedora:40',
    );
    // 'é' is two bytes of UTF-8: 14 + 2 × 1020 = 2054 bytes in 1034 characters.
    setValue(
      dialog.getByLabelText(CLOUD_INIT_LABEL),
      `#cloud-config\n${'é'.repeat(1020)}`,
    );

    expect(dialog.getByText(/2054 \/ 2048 bytes/)).toBeInTheDocument();
    expect(
      dialog.getByText(
        /The cloud-init user data has 2054 bytes; KubeVirt accepts at most 2048 bytes inline.*\(Code: CLOUD_INIT_INVALID\)/,
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('shows where the backend found cloud-init broken', async () => {
    await renderTemplates({
      listTemplates: async () => aPage([]),
      createTemplate: refusing({
        message:
          'cloud-init user data is not valid YAML: bad indentation (line 3, column 2)',
        code: 'CLOUD_INIT_INVALID',
        status: 400,
        details: { line: 3, column: 2 },
      }),
    });

    const dialog = await openTemplateDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'broken');
    setValue(
      dialog.getByLabelText(/^Container image/),
      'quay.io/containerdisks/fedora:40',
    );
    setValue(
      dialog.getByLabelText(CLOUD_INIT_LABEL),
      '#cloud-config\nusers:\n - a\n  b: c',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    expect(
      await dialog.findByText('The template was not created'),
    ).toBeInTheDocument();
    expect(dialog.getByText('CLOUD_INIT_INVALID')).toBeInTheDocument();
    expect(
      dialog.getByText(/The backend refused line 3, column 2/),
    ).toBeInTheDocument();
  });

  it('offers the lifecycle steps the API allows and activates a draft', async () => {
    const { api } = await renderTemplates({
      listTemplates: async () => aPage([DRAFT, aTemplate()]),
      updateTemplate: async (_id, changes) => ({
        ...DRAFT,
        status: changes.status ?? DRAFT.status,
      }),
    });

    await screen.findByText('Fedora 40');
    expect(
      screen.getByRole('button', { name: 'Archive fedora-40' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Deprecate fedora-40' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Deprecate ubuntu-24-04' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Activate ubuntu-24-04' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Activate fedora-40' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/stays hidden from requesters/)).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Activate' }));

    expect(await screen.findByText('fedora-40 is active.')).toBeVisible();
    expect(api.updateTemplate).toHaveBeenCalledWith('tpl-draft', {
      status: 'active',
    });
  });

  it('shows a refused transition with its code', async () => {
    await renderTemplates({
      listTemplates: async () => aPage([aTemplate({ status: 'deprecated' })]),
      updateTemplate: refusing({
        message:
          'The cloud-init user data has 4000 bytes; KubeVirt accepts at most 2048 bytes inline',
        code: 'CLOUD_INIT_INVALID',
        status: 400,
        details: { bytes: 4000, maxBytes: 2048 },
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Activate ubuntu-24-04' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'Activate' }));

    expect(await dialog.findByText('CLOUD_INIT_INVALID')).toBeVisible();
    expect(dialog.getByText(/4000 bytes/)).toBeInTheDocument();
  });

  it('switching the source type of a template clears the other source fields', async () => {
    const template = aTemplate();
    const { api } = await renderTemplates({
      listTemplates: async () => aPage([template]),
      updateTemplate: async () => ({
        ...template,
        sourceType: 'cdi_pvc_clone',
        imageUrl: undefined,
        pvcName: 'ubuntu',
        pvcNamespace: 'golden',
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit ubuntu-24-04' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.selectOptions(
      dialog.getByLabelText('Source type'),
      'cdi_pvc_clone',
    );
    await userEvent.type(
      dialog.getByLabelText(/^Source PVC namespace\s*\*?$/),
      'golden',
    );
    await userEvent.type(
      dialog.getByLabelText(/^Source PVC name\s*\*?$/),
      'ubuntu',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateTemplate).toHaveBeenCalledWith('tpl-ubuntu', {
        sourceType: 'cdi_pvc_clone',
        imageUrl: null,
        pvcName: 'ubuntu',
        pvcNamespace: 'golden',
      }),
    );
  });
});
