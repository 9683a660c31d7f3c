import { AuditLogEntry } from '@kubevirt-shepherd/plugin-shepherd-common';
import { auditCsvHeader, auditCsvLine, csvField } from './auditCsv';

const ENTRY: AuditLogEntry = {
  id: 'a-1',
  action: 'vm.delete_submitted',
  outcome: 'success',
  actor: 'user:default/jane',
  resourceType: 'vm',
  resourceId: 'vm-1',
  resourceName: 'dev-shop-cart-01',
  environment: 'test',
  details: {},
  createdAt: '2026-11-23T10:00:00.000Z',
};

describe('audit CSV', () => {
  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('')).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const formula of [
      '=HYPERLINK("http://evil","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ]) {
      expect(csvField(formula).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    // Defused first, then quoted: the quote stays inside the field.
    expect(csvField('=A1,B1')).toBe('"\'=A1,B1"');
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField("it's")).toBe("it's");
  });

  it('writes a header and one CRLF-terminated line per entry, details as JSON', () => {
    expect(auditCsvHeader()).toBe(
      'createdAt,action,outcome,actor,resourceType,resourceId,resourceName,parentType,parentId,environment,ticketId,id,details\r\n',
    );
    expect(auditCsvLine(ENTRY)).toBe(
      '2026-11-23T10:00:00.000Z,vm.delete_submitted,success,user:default/jane,vm,vm-1,dev-shop-cart-01,,,test,,a-1,\r\n',
    );
    expect(
      auditCsvLine({
        ...ENTRY,
        resourceName: '=cmd|"/c calc"!A1',
        details: { reason: 'load test, "big"' },
      }),
    ).toBe(
      '2026-11-23T10:00:00.000Z,vm.delete_submitted,success,user:default/jane,vm,vm-1,"\'=cmd|""/c calc""!A1",,,test,,a-1,"{""reason"":""load test, \\""big\\""""}"\r\n',
    );
  });
});
