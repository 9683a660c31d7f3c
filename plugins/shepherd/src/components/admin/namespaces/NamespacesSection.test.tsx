import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aNamespace, aPage } from '../../../__testUtils__/fixtures';
import {
  openCreateDialog,
  renderAdminSection,
} from '../../../__testUtils__/adminSections';
import { TestPermissions } from '../../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../../api/ShepherdApi';
import { TYPE_NAME_LABEL } from '../../common';
import { CREATE_NAMESPACE_TITLE } from './NamespaceDialog';
import { CREATE_NAMESPACE_LABEL } from './NamespacesSection';
import { refusing } from '../../../__testUtils__/refusing';

function renderNamespaces(
  stubs: Partial<ShepherdApi>,
  permissions?: TestPermissions,
) {
  return renderAdminSection('namespaces', stubs, permissions);
}

function openNamespaceDialog() {
  return openCreateDialog(CREATE_NAMESPACE_LABEL, CREATE_NAMESPACE_TITLE);
}

// Forms are filled key by key; a full parallel run needs more than the default 5 s.

describe('Admin: namespaces', () => {
  it('lists the namespaces with their environment and state, and filters by environment', async () => {
    const { api } = await renderNamespaces({
      listAdminNamespaces: async () =>
        aPage([
          aNamespace(),
          aNamespace({
            id: 'ns-prod',
            name: 'prod',
            environment: 'prod',
            description: '',
            enabled: false,
          }),
        ]),
    });

    const rows = await screen.findAllByRole('row');
    const prod = within(
      rows.find(row =>
        within(row).queryByText('prod', { selector: 'strong' }),
      )!,
    );
    expect(prod.getByText('disabled')).toBeInTheDocument();
    expect(screen.getByText('Development')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'prod');

    await waitFor(() =>
      expect(api.listAdminNamespaces).toHaveBeenLastCalledWith({
        environment: 'prod',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it.each([
    ['Dev_1', 'NAME_INVALID'],
    ['averyveryverylongname', 'NAME_TOO_LONG'],
    ['default', 'NAME_RESERVED'],
    ['kube-apps', 'NAME_RESERVED'],
  ])('refuses the name %s with %s before submitting', async (name, code) => {
    await renderNamespaces({ listAdminNamespaces: async () => aPage([]) });

    const dialog = await openNamespaceDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), name);
    await userEvent.selectOptions(
      dialog.getByLabelText(/^Environment/),
      'test',
    );

    // The words come first; the code follows them.
    expect(
      dialog.getByText(new RegExp(`^[A-Z].*\\(Code: ${code}\\)$`)),
    ).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Register' })).toBeDisabled();
  });

  it('asks for the environment explicitly', async () => {
    await renderNamespaces({ listAdminNamespaces: async () => aPage([]) });

    const dialog = await openNamespaceDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'dev');

    expect(dialog.getByLabelText(/^Environment/)).toHaveValue('');
    expect(dialog.getByRole('button', { name: 'Register' })).toBeDisabled();
  });

  it('registers a namespace and shows the backend warnings', async () => {
    const created = aNamespace({
      id: 'ns-new',
      name: 'payments-prod',
      environment: 'prod',
      description: 'Payments',
    });
    const { api } = await renderNamespaces({
      listAdminNamespaces: jest
        .fn()
        .mockResolvedValueOnce(aPage([]))
        .mockResolvedValue(aPage([created])),
      createNamespace: async () => ({
        item: created,
        warnings: [
          {
            code: 'NAME_LENGTH_WARNING',
            message:
              "The namespace name 'payments-prod' is longer than 12 characters, which makes VM names long",
          },
        ],
      }),
    });

    const dialog = await openNamespaceDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'payments-prod');
    expect(
      dialog.getByText(/^The namespace name .*\(Code: NAME_LENGTH_WARNING\)$/),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      dialog.getByLabelText(/^Environment/),
      'prod',
    );
    await userEvent.type(dialog.getByLabelText('Description'), 'Payments');
    await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

    expect(
      await screen.findByText('Registered payments-prod (prod).'),
    ).toBeInTheDocument();
    expect(screen.getByText('NAME_LENGTH_WARNING')).toBeInTheDocument();
    expect(api.createNamespace).toHaveBeenCalledWith({
      name: 'payments-prod',
      environment: 'prod',
      description: 'Payments',
      enabled: true,
    });
  });

  it('shows the backend refusal with its code in the dialog', async () => {
    await renderNamespaces({
      listAdminNamespaces: async () => aPage([aNamespace()]),
      createNamespace: refusing({
        message: "A namespace named 'dev' already exists",
        code: 'NAME_ALREADY_EXISTS',
        status: 409,
      }),
    });

    const dialog = await openNamespaceDialog();
    await userEvent.type(dialog.getByLabelText(/^Name/), 'dev');
    await userEvent.selectOptions(
      dialog.getByLabelText(/^Environment/),
      'test',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Register' }));

    expect(
      await dialog.findByText('The namespace was not registered'),
    ).toBeInTheDocument();
    expect(dialog.getByText('NAME_ALREADY_EXISTS')).toBeInTheDocument();
    expect(
      dialog.getByText("A namespace named 'dev' already exists"),
    ).toBeInTheDocument();
  });

  it('edits the description and shows ENVIRONMENT_IMMUTABLE when the environment is frozen', async () => {
    const namespace = aNamespace();
    const { api } = await renderNamespaces({
      listAdminNamespaces: async () => aPage([namespace]),
      updateNamespace: refusing({
        message:
          "The environment of the namespace 'dev' cannot change once it is used: 1 VM(s) and 0 request(s) refer to it",
        code: 'ENVIRONMENT_IMMUTABLE',
        status: 409,
        details: { vms: 1, tickets: 0 },
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit dev' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByLabelText(/^Name/)).toBeDisabled();
    await userEvent.selectOptions(
      dialog.getByLabelText(/^Environment/),
      'prod',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(await dialog.findByText('ENVIRONMENT_IMMUTABLE')).toBeVisible();
    expect(api.updateNamespace).toHaveBeenCalledWith('ns-dev', {
      environment: 'prod',
    });
  });

  it('deletes a namespace with its name typed, as the API asks', async () => {
    const { api } = await renderNamespaces({
      listAdminNamespaces: jest
        .fn()
        .mockResolvedValueOnce(aPage([aNamespace()]))
        .mockResolvedValue(aPage([])),
      deleteNamespace: async () => undefined,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete dev' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    const confirm = dialog.getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await userEvent.type(dialog.getByLabelText(TYPE_NAME_LABEL), 'dev');
    await userEvent.click(confirm);

    expect(
      await screen.findByText('Deleted the namespace dev.'),
    ).toBeInTheDocument();
    expect(api.deleteNamespace).toHaveBeenCalledWith('ns-dev', {
      confirm_name: 'dev',
    });
  });
});
