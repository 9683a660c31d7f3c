import { CSSProperties } from 'react';

/*
 * Backstage's theme lets table cells break words anywhere (`word-break: break-word`), so a
 * squeezed column splits `standard` into `standar d`. Cells say how their content may break.
 */

/**
 * Short tokens in a table cell (names, kinds, statuses, a storage class with its marker)
 * stay whole: a narrow column must not break them mid-word.
 */
export const KEEP_WHOLE: CSSProperties = { whiteSpace: 'nowrap' };

/** A cell of words (a label, a type and a name) breaks between words, never inside one. */
export const WHOLE_WORDS: CSSProperties = { wordBreak: 'normal' };

/** Long values without spaces (URLs, image references) break where they must rather than overflow. */
export const BREAK_ANYWHERE: CSSProperties = { overflowWrap: 'anywhere' };

/**
 * The cell of a column of display names (several words, e.g. "Simulated production
 * cluster"): room for a few words a line, however many columns the table has.
 */
export const DISPLAY_NAME_CELL: CSSProperties = { minWidth: '12em' };
