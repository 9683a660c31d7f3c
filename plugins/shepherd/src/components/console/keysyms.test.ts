import { keysymOf, keysymsOf } from './keysyms';

describe('keysymOf', () => {
  it('types printable Latin-1 characters as their own keysym', () => {
    expect(keysymOf('a')).toBe(0x61);
    expect(keysymOf('Z')).toBe(0x5a);
    expect(keysymOf(' ')).toBe(0x20);
    expect(keysymOf('~')).toBe(0x7e);
    expect(keysymOf('é')).toBe(0xe9);
  });

  it('types line breaks, tabs and backspaces as their keys', () => {
    expect(keysymOf('\n')).toBe(0xff0d);
    expect(keysymOf('\t')).toBe(0xff09);
    expect(keysymOf('\b')).toBe(0xff08);
  });

  it('types other characters in the Unicode keysym range', () => {
    expect(keysymOf('€')).toBe(0x010020ac);
    expect(keysymOf('😀')).toBe(0x0101f600);
  });

  it('has no keysym for other control characters', () => {
    expect(keysymOf('\u0000')).toBeUndefined();
    expect(keysymOf('\u001b')).toBeUndefined();
    expect(keysymOf('\u0085')).toBeUndefined();
  });
});

describe('keysymsOf', () => {
  it('types a text in order, a CR LF as one Return, and skips what has no key', () => {
    expect(keysymsOf('ls -l\r\nok\u0007')).toEqual([
      0x6c, 0x73, 0x20, 0x2d, 0x6c, 0xff0d, 0x6f, 0x6b,
    ]);
  });
});
