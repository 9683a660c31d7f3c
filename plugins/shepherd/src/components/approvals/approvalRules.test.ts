import { anInstanceSize, aTicket } from '../../__testUtils__/fixtures';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import {
  SpecFields,
  ageLevelOf,
  approvalFailureHint,
  checkSpecFields,
  decisionFieldErrorsOf,
  formatAgeDays,
  sortByAge,
  truncateText,
} from './approvalRules';

const SPEC: SpecFields = {
  templateId: 'tpl-ubuntu',
  instanceSizeId: 'size-small',
  cpuCores: '2',
  cpuRequest: '2',
  memoryGi: '4',
  memoryRequestGi: '4',
  diskGb: '20',
};

describe('age', () => {
  it('is normal up to 3 days, a warning up to 7, an alert after', () => {
    expect([0, 3, 4, 7, 8, 30].map(ageLevelOf)).toEqual([
      'normal',
      'normal',
      'warning',
      'warning',
      'alert',
      'alert',
    ]);
    expect([0, 1, 5].map(formatAgeDays)).toEqual(['today', '1 day', '5 days']);
  });

  it('sorts the longest-waiting first', () => {
    const tasks = [1, 9, 5].map(ageDays => ({
      ageDays,
      ticket: aTicket({ id: `t-${ageDays}` }),
    }));
    expect(sortByAge(tasks).map(task => task.ageDays)).toEqual([9, 5, 1]);
  });
});

describe('truncateText', () => {
  it('keeps a text that fits, trimmed', () => {
    expect(truncateText('  Load tests ', 10)).toEqual({
      shown: 'Load tests',
      truncated: false,
    });
  });

  it('cuts a longer one and ends it with an ellipsis', () => {
    expect(truncateText('Decommissioned after the migration', 15)).toEqual({
      shown: 'Decommissioned…',
      truncated: true,
    });
    expect(truncateText('abc def', 4)).toEqual({
      shown: 'abc…',
      truncated: true,
    });
  });
});

describe('checkSpecFields', () => {
  it('accepts a complete spec within the rules', () => {
    expect(checkSpecFields(SPEC, anInstanceSize(), 'test')).toEqual({
      errors: {},
      warnings: [],
    });
  });

  it('needs every field: a replacement is complete', () => {
    expect(
      Object.keys(
        checkSpecFields(
          { ...SPEC, diskGb: '', templateId: '' },
          undefined,
          'test',
        ).errors,
      ),
    ).toEqual(['diskGb', 'templateId']);
  });

  it('refuses requests above limits and overcommitted dedicated CPUs, with codes', () => {
    expect(
      checkSpecFields({ ...SPEC, cpuRequest: '3' }, anInstanceSize(), 'test')
        .errors.cpuRequest,
    ).toMatch(/\(Code: RESOURCE_REQUEST_EXCEEDS_LIMIT\)/);
    expect(
      checkSpecFields(
        { ...SPEC, cpuRequest: '1' },
        anInstanceSize({ dedicatedCpu: true }),
        'test',
      ).errors.cpuRequest,
    ).toMatch(/\(Code: DEDICATED_CPU_OVERCOMMIT\)/);
  });

  it('warns about overcommit in prod only', () => {
    const overcommitted = { ...SPEC, memoryRequestGi: '2' };
    expect(
      checkSpecFields(overcommitted, anInstanceSize(), 'prod').warnings.map(
        warning => warning.code,
      ),
    ).toEqual(['OVERCOMMIT_IN_PROD']);
    expect(
      checkSpecFields(overcommitted, anInstanceSize(), 'test').warnings,
    ).toEqual([]);
  });
});

describe('decisionFieldErrorsOf', () => {
  it('maps violations, and the codes about the cluster and the storage class', () => {
    expect(
      decisionFieldErrorsOf(
        new ShepherdApiError({
          message: 'first',
          code: 'MODIFIED_SPEC_INVALID',
          status: 400,
          details: {
            violations: [
              { code: 'MODIFIED_SPEC_INVALID', field: 'diskGb', message: 'a' },
              {
                code: 'FORBIDDEN_MODIFICATION',
                field: 'namespace',
                message: 'b',
              },
            ],
          },
        }),
      ),
    ).toEqual({ diskGb: 'a (Code: MODIFIED_SPEC_INVALID)' });
    expect(
      decisionFieldErrorsOf(
        new ShepherdApiError({
          message: 'no such class',
          code: 'STORAGE_CLASS_UNKNOWN',
          status: 400,
        }),
      ),
    ).toEqual({ storageClass: 'no such class (Code: STORAGE_CLASS_UNKNOWN)' });
    expect(
      decisionFieldErrorsOf(
        new ShepherdApiError({
          message: 'unreachable',
          code: 'CLUSTER_UNAVAILABLE',
          status: 503,
        }),
      ),
    ).toEqual({ clusterId: 'unreachable (Code: CLUSTER_UNAVAILABLE)' });
  });

  it('explains a refused approval by its code', () => {
    const hint = (code: string) =>
      approvalFailureHint(
        new ShepherdApiError({ message: 'x', code: code as any, status: 400 }),
      );
    expect(hint('VALIDATION_FAILED')).toMatch(/dry run.*stays pending/);
    expect(hint('CLUSTER_UNAVAILABLE')).toMatch(/could not be reached/);
    expect(hint('CONFIRMATION_NAME_MISMATCH')).toMatch(/name typed exactly/);
    expect(hint('DELETE_CONFIRMATION_REQUIRED')).toMatch(/name typed exactly/);
    expect(approvalFailureHint(new Error('offline'))).toBe(
      'The request stays pending.',
    );
  });
});
