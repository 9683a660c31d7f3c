import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { DEFAULT_PAGE_SIZE, PaginationBar, readPaging } from './PaginationBar';

describe('PaginationBar', () => {
  it('shows where the page sits and asks for the next one', async () => {
    const onChange = jest.fn();
    await renderShepherd(
      <PaginationBar
        page={{ totalItems: 45, offset: 20, limit: 20 }}
        onChange={onChange}
      />,
    );

    expect(screen.getByText('21-40 of 45')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(onChange).toHaveBeenCalledWith({ offset: 40, limit: 20 });
  });

  it('reads paging from the URL and ignores nonsense', () => {
    expect(readPaging(new URLSearchParams('offset=40&limit=50'))).toEqual({
      offset: 40,
      limit: 50,
    });
    expect(readPaging(new URLSearchParams('offset=-3&limit=7'))).toEqual({
      offset: 0,
      limit: DEFAULT_PAGE_SIZE,
    });
  });
});
