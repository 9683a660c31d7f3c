import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * The audit trail as CSV (RFC 4180): a header row, then one row per entry, every line ending
 * in CRLF. Exports are opened in spreadsheets, which run a cell that starts with =, +, - or @
 * (and, in some, a tab or carriage return) as a formula: such cells are written with a single
 * quote in front, so that an actor name or a reason someone typed can never run as one.
 */

/** The columns of an audit export, in order: the header, and the cell of an entry. */
const AUDIT_CSV_COLUMNS: ReadonlyArray<
  [header: string, cell: (entry: AuditLogEntry) => string | undefined]
> = [
  ['createdAt', entry => entry.createdAt],
  ['action', entry => entry.action],
  ['outcome', entry => entry.outcome],
  ['actor', entry => entry.actor],
  ['resourceType', entry => entry.resourceType],
  ['resourceId', entry => entry.resourceId],
  ['resourceName', entry => entry.resourceName],
  ['parentType', entry => entry.parentType],
  ['parentId', entry => entry.parentId],
  ['environment', entry => entry.environment],
  ['ticketId', entry => entry.ticketId],
  ['id', entry => entry.id],
  [
    'details',
    entry =>
      Object.keys(entry.details).length > 0
        ? JSON.stringify(entry.details)
        : undefined,
  ],
];

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;
/** Characters that make RFC 4180 quote a field. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: formula triggers defused, then quoted (quotes doubled) where RFC 4180 needs it. */
export function csvField(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const defused = FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused)
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

function csvLine(fields: ReadonlyArray<string | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header line of an audit export. */
export function auditCsvHeader(): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(([header]) => header));
}

/** The line of one audit entry. */
export function auditCsvLine(entry: AuditLogEntry): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(([, cell]) => cell(entry)));
}
