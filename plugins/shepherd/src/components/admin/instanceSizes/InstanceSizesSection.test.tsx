import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, anInstanceSize } from '../../../__testUtils__/fixtures';
import {
  openCreateDialog,
  renderAdminSection,
} from '../../../__testUtils__/adminSections';
import { TestPermissions } from '../../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { CREATE_INSTANCE_SIZE_TITLE } from './InstanceSizeDialog';
import { CREATE_INSTANCE_SIZE_LABEL } from './InstanceSizesSection';
import { ADD_OVERRIDE_LABEL } from './SpecOverridesEditor';
import { refusing } from '../../../__testUtils__/refusing';

function renderSizes(
  stubs: Partial<ShepherdApi>,
  permissions?: TestPermissions,
) {
  return renderAdminSection('instance-sizes', stubs, permissions);
}

/** Sets a field at once; the form checks every value it passes through. */
function setValue(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

function openSizeDialog() {
  return openCreateDialog(
    CREATE_INSTANCE_SIZE_LABEL,
    CREATE_INSTANCE_SIZE_TITLE,
  );
}

function fillShape(
  dialog: ReturnType<typeof within>,
  shape: { name?: string; cpu: string; memory: string; disk: string },
) {
  if (shape.name) setValue(dialog.getByLabelText(/^Name/), shape.name);
  setValue(dialog.getByLabelText(/^CPU cores \(limit\)/), shape.cpu);
  setValue(dialog.getByLabelText(/^Memory GiB \(limit\)/), shape.memory);
  setValue(dialog.getByLabelText(/^Root disk GiB/), shape.disk);
}

// Forms are filled field by field; a full parallel run needs more than the default 5 s.

describe('Admin: instance sizes', () => {
  it('lists sizes by sort order with resources, capabilities and overrides', async () => {
    await renderSizes({
      listInstanceSizes: async () =>
        aPage([
          anInstanceSize({
            id: 'size-large',
            name: 'large',
            displayName: 'Large',
            sortOrder: 30,
            cpuCores: 8,
            cpuRequest: 8,
            memoryGi: 16,
            memoryRequestGi: 16,
            dedicatedCpu: true,
            requiresHugepages: true,
            hugepagesSize: '1Gi',
            specOverrides: {
              'spec.template.spec.domain.cpu.model': 'host-passthrough',
            },
          }),
          anInstanceSize({ cpuRequest: 1 }),
          anInstanceSize({
            id: 'size-gpu',
            name: 'gpu',
            displayName: 'GPU',
            sortOrder: 20,
            requiresGpu: true,
            requiresSriov: true,
            enabled: false,
          }),
        ]),
    });

    await screen.findByText('Large');
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[1].textContent),
    ).toEqual(['Smallsmall', 'GPUgpu', 'Largelarge']);
    expect(within(rows[0]).getByText('2 cores (request 1)')).toBeVisible();
    expect(within(rows[0]).getByText('overcommit')).toBeVisible();
    expect(
      within(rows[1]).getByText('GPU', { selector: 'span' }),
    ).toBeVisible();
    expect(within(rows[1]).getByText('SR-IOV')).toBeVisible();
    expect(within(rows[1]).getByText('disabled')).toBeVisible();
    expect(within(rows[2]).getByText('dedicated CPU')).toBeVisible();
    expect(within(rows[2]).getByText('hugepages 1Gi')).toBeVisible();
    expect(
      within(rows[2]).getByText('spec.template.spec.domain.cpu.model'),
    ).toBeVisible();
  });

  it('creates a size with an overcommitted CPU, a flag and a spec override', async () => {
    const created = anInstanceSize({ id: 'size-medium', name: 'medium' });
    const { api } = await renderSizes({
      listInstanceSizes: async () => aPage([]),
      createInstanceSize: async () => ({
        item: created,
        warnings: [
          {
            code: 'OVERCOMMIT_IN_PROD',
            message:
              'CPU or memory is overcommitted (requests below limits) in a production environment',
          },
        ],
      }),
    });

    const dialog = await openSizeDialog();
    fillShape(dialog, { name: 'medium', cpu: '4', memory: '8', disk: '40' });
    setValue(dialog.getByLabelText(/^CPU request/), '2');
    await userEvent.selectOptions(
      dialog.getByLabelText('Catalog scope'),
      'all',
    );
    await userEvent.click(dialog.getByLabelText('Requires a GPU'));
    expect(dialog.getByText('OVERCOMMIT_IN_PROD')).toBeInTheDocument();
    await userEvent.click(
      dialog.getByRole('button', { name: ADD_OVERRIDE_LABEL }),
    );
    const row = within(dialog.getByRole('group', { name: 'Spec override 1' }));
    setValue(row.getByLabelText('Path'), 'spec.template.spec.domain.cpu.model');
    setValue(row.getByLabelText('Value (JSON)'), '"host-passthrough"');
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Created medium.')).toBeInTheDocument();
    expect(screen.getByText('OVERCOMMIT_IN_PROD')).toBeInTheDocument();
    expect(api.createInstanceSize).toHaveBeenCalledWith({
      name: 'medium',
      catalogScope: 'all',
      enabled: true,
      sortOrder: 0,
      cpuCores: 4,
      cpuRequest: 2,
      memoryGi: 8,
      diskGb: 40,
      dedicatedCpu: false,
      requiresGpu: true,
      requiresSriov: false,
      requiresHugepages: false,
      specOverrides: {
        'spec.template.spec.domain.cpu.model': 'host-passthrough',
      },
    });
  });

  it.each([
    [
      'CPU off the 0.5 step',
      { cpu: '1.25', memory: '4', disk: '20' },
      /^cpuCores must be a positive multiple of 0.5.*\(Code: RESOURCE_STEP_INVALID\)/,
    ],
    [
      'dedicated CPUs with half a core',
      { cpu: '1.5', memory: '4', disk: '20', dedicated: true },
      /^dedicated CPUs need whole cores.*\(Code: RESOURCE_STEP_INVALID\)/,
    ],
    [
      'memory not in whole 1Gi hugepages',
      { cpu: '2', memory: '2.5', disk: '20', hugepages: '1Gi' },
      /^the memory request 2560Mi is not a multiple of the hugepages size 1Gi.*\(Code: RESOURCE_STEP_INVALID\)/,
    ],
  ])('refuses %s before submitting', async (_case, shape, message) => {
    await renderSizes({ listInstanceSizes: async () => aPage([]) });

    const dialog = await openSizeDialog();
    fillShape(dialog, { name: 'odd', ...shape });
    if ('dedicated' in shape) {
      await userEvent.click(dialog.getByLabelText(/^Dedicated CPUs/));
    }
    if ('hugepages' in shape) {
      await userEvent.click(dialog.getByLabelText('Requires hugepages'));
      await userEvent.selectOptions(
        dialog.getByLabelText(/^Hugepages size/),
        shape.hugepages as string,
      );
    }

    expect(dialog.getByText(message)).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('refuses a request above its limit', async () => {
    await renderSizes({ listInstanceSizes: async () => aPage([]) });

    const dialog = await openSizeDialog();
    fillShape(dialog, { name: 'odd', cpu: '2', memory: '4', disk: '20' });
    setValue(dialog.getByLabelText(/^Memory request GiB/), '6');

    expect(
      dialog.getByText(
        /^The memory request.*\(Code: RESOURCE_REQUEST_EXCEEDS_LIMIT\)/,
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('refuses spec.running on its row', async () => {
    await renderSizes({ listInstanceSizes: async () => aPage([]) });

    const dialog = await openSizeDialog();
    fillShape(dialog, { name: 'odd', cpu: '2', memory: '4', disk: '20' });
    await userEvent.click(
      dialog.getByRole('button', { name: ADD_OVERRIDE_LABEL }),
    );
    const row = within(dialog.getByRole('group', { name: 'Spec override 1' }));
    setValue(row.getByLabelText('Path'), 'spec.running');
    setValue(row.getByLabelText('Value (JSON)'), 'true');

    expect(
      row.getByText(
        /spec\.running must not be set.*\(Code: INVALID_SPEC_OVERRIDES\)/,
      ),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('shows the backend INVALID_SPEC_OVERRIDES finding on the key it names', async () => {
    await renderSizes({
      listInstanceSizes: async () => aPage([]),
      createInstanceSize: refusing({
        message:
          "'spec.template.spec.volumes' touches 'volumes', which belongs to the template (image, boot disk, cloud-init)",
        code: 'INVALID_SPEC_OVERRIDES',
        status: 400,
        details: {
          violations: [
            {
              key: 'spec.template.spec.volumes',
              message:
                "'spec.template.spec.volumes' touches 'volumes', which belongs to the template (image, boot disk, cloud-init)",
            },
          ],
        },
      }),
    });

    const dialog = await openSizeDialog();
    fillShape(dialog, { name: 'odd', cpu: '2', memory: '4', disk: '20' });
    for (const [index, [key, value]] of [
      ['spec.template.spec.domain.cpu.model', '"host-passthrough"'],
      ['spec.template.spec.volumes', '[]'],
    ].entries()) {
      await userEvent.click(
        dialog.getByRole('button', { name: ADD_OVERRIDE_LABEL }),
      );
      const row = within(
        dialog.getByRole('group', { name: `Spec override ${index + 1}` }),
      );
      setValue(row.getByLabelText('Path'), key);
      setValue(row.getByLabelText('Value (JSON)'), value);
    }
    await userEvent.click(dialog.getByRole('button', { name: 'Create' }));

    expect(
      await dialog.findByText('The instance size was not created'),
    ).toBeInTheDocument();
    const offending = within(
      dialog.getByRole('group', { name: 'Spec override 2' }),
    );
    expect(
      offending.getByText(
        /belongs to the template.*\(Code: INVALID_SPEC_OVERRIDES\)/,
      ),
    ).toBeInTheDocument();
    const fine = within(dialog.getByRole('group', { name: 'Spec override 1' }));
    expect(fine.queryByText(/INVALID_SPEC_OVERRIDES/)).not.toBeInTheDocument();
  });

  it('changes only what was edited; a request that followed its limit keeps following it', async () => {
    const size = anInstanceSize();
    const { api } = await renderSizes({
      listInstanceSizes: async () => aPage([size]),
      updateInstanceSize: async (_id, changes) => ({
        ...size,
        cpuCores: changes.cpuCores ?? size.cpuCores,
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit small' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByLabelText(/^Name/)).toBeDisabled();
    expect(dialog.getByLabelText(/^CPU request/)).toHaveValue(null);
    setValue(dialog.getByLabelText(/^CPU cores \(limit\)/), '4');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateInstanceSize).toHaveBeenCalledWith('size-small', {
        cpuCores: 4,
      }),
    );
    expect(await screen.findByText('Saved small.')).toBeInTheDocument();
  });

  it('shows the backend refusal of an edit with its code on the field', async () => {
    const size = anInstanceSize();
    await renderSizes({
      listInstanceSizes: async () => aPage([size]),
      updateInstanceSize: refusing({
        message:
          'Dedicated CPUs cannot be overcommitted: requests must equal limits',
        code: 'DEDICATED_CPU_OVERCOMMIT',
        status: 400,
        details: {
          findings: [
            {
              code: 'DEDICATED_CPU_OVERCOMMIT',
              field: 'dedicatedCpu',
              message:
                'Dedicated CPUs cannot be overcommitted: requests must equal limits',
            },
          ],
        },
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit small' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByLabelText(/^Dedicated CPUs/));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(
      await dialog.findByText('The instance size was not changed'),
    ).toBeInTheDocument();
    expect(dialog.getByText('DEDICATED_CPU_OVERCOMMIT')).toBeInTheDocument();
    expect(
      dialog.getAllByText(/requests must equal limits/).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
