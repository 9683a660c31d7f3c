import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderShepherd } from '../../../__testUtils__/renderShepherd';
import { DELETE_ACTION, EDIT_ACTION, EntryActions } from './SectionParts';

describe('EntryActions', () => {
  const onEdit = jest.fn();
  const onDelete = jest.fn();
  const actions = [
    { ...EDIT_ACTION, act: onEdit },
    { ...DELETE_ACTION, act: onDelete },
  ];

  it('offers each action as a compact button named by its verb and the entry', async () => {
    await renderShepherd(
      <EntryActions
        name="sim-test"
        permission={shepherdCatalogManagePermission}
        actions={actions}
      />,
    );

    const edit = await screen.findByRole('button', { name: 'Edit sim-test' });
    // An icon, not a text that a narrow column breaks; the verb is in its tooltip.
    expect(edit).not.toHaveTextContent('Edit');
    await userEvent.hover(edit);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Edit');

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete sim-test' }),
    );
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(onEdit).not.toHaveBeenCalled();
  });

  it('shows no actions to users who may not manage the entry', async () => {
    await renderShepherd(
      <>
        <span>row</span>
        <EntryActions
          name="sim-test"
          permission={shepherdCatalogManagePermission}
          actions={actions}
        />
      </>,
      { permissions: { deny: [shepherdCatalogManagePermission] } },
    );

    expect(await screen.findByText('row')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
