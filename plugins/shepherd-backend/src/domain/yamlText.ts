import { Document, LineCounter, parseDocument } from 'yaml';

/** Aliases may repeat a node this many times in total: enough for real files, not for bombs. */
const MAX_ALIAS_COUNT = 100;

/** Where a YAML text stops parsing, without any of its content. */
export interface YamlSyntaxError {
  message: string;
  line: number;
  column: number;
}

export type ParsedYaml =
  | { ok: true; document: Document; value: unknown; lineCounter: LineCounter }
  | { ok: false; error: YamlSyntaxError };

/**
 * Parses one YAML document strictly (duplicate keys are errors). Syntax errors are reported
 * with the parser's message and position only: the texts parsed here may carry secrets, so no
 * excerpt of the source is ever part of an error.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [first] = document.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    return {
      ok: false,
      error: { message: first.message, line, column: col },
    };
  }
  try {
    return {
      ok: true,
      document,
      value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
      lineCounter,
    };
  } catch (error) {
    // toJS refuses excessive aliasing; the position is that of the document.
    return {
      ok: false,
      error: {
        message: error instanceof Error ? error.message : String(error),
        line: 1,
        column: 1,
      },
    };
  }
}

/** A mapping parsed from YAML or JSON (not an array, not a Buffer, not null). */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}
