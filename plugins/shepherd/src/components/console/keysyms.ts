/*
 * Paste-as-typing: the VNC servers of KubeVirt VMs (QEMU's) do not take the clipboard, so
 * the console types a text into the VM key by key, as X11 keysyms.
 */

/** Keysyms of the control characters a pasted text may contain. */
const CONTROL_KEYSYMS: Readonly<Record<string, number>> = {
  '\n': 0xff0d, // Return
  '\r': 0xff0d, // Return
  '\t': 0xff09, // Tab
  '\b': 0xff08, // BackSpace
};

/** Unicode characters outside Latin-1 have keysyms at this offset plus their code point. */
const UNICODE_KEYSYM_OFFSET = 0x01000000;

/** The longest text the console types at once: a slip of the clipboard stays harmless. */
export const MAX_TYPED_CHARACTERS = 4096;

/**
 * The X11 keysym that types `character`, or undefined for characters that cannot be typed
 * (other control characters). Printable Latin-1 characters are their own keysym; every
 * other character is its code point in the Unicode keysym range.
 */
export function keysymOf(character: string): number | undefined {
  const control = CONTROL_KEYSYMS[character];
  if (control !== undefined) {
    return control;
  }
  const codePoint = character.codePointAt(0);
  if (codePoint === undefined) {
    return undefined;
  }
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
    return undefined;
  }
  return codePoint <= 0xff ? codePoint : UNICODE_KEYSYM_OFFSET + codePoint;
}

/**
 * The keysyms that type `text`, in order; characters without one are left out. A Windows
 * line break (CR LF) is one Return.
 */
export function keysymsOf(text: string): number[] {
  const keysyms: number[] = [];
  for (const character of text.replace(/\r\n/g, '\n')) {
    const keysym = keysymOf(character);
    if (keysym !== undefined) {
      keysyms.push(keysym);
    }
  }
  return keysyms;
}
