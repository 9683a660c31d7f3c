import { boundedText } from './columns';

describe('boundedText', () => {
  it('keeps a message that fits as it is', () => {
    expect(boundedText('VM is running', 13)).toBe('VM is running');
  });

  it('cuts a longer one to the limit, ending with an ellipsis', () => {
    expect(boundedText('denied by the webhook', 10)).toBe('denied by…');
  });

  it('counts characters as PostgreSQL does, never splitting one', () => {
    // Each emoji is one character of two UTF-16 code units.
    const cut = boundedText('🚀🚀🚀🚀🚀', 3);
    expect(cut).toBe('🚀🚀…');
    expect(Array.from(cut)).toHaveLength(3);
  });
});
