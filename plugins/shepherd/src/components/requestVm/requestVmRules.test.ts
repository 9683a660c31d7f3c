import { aService, anInstanceSize } from '../../__testUtils__/fixtures';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { readRequestVmStart, requestVmSearch } from './requestVmParams';
import {
  checkTargets,
  fieldErrorsOf,
  firstStepWith,
  probableVmName,
} from './requestVmRules';

const EMPTY = { targetCpuCores: '', targetMemoryGi: '', targetDiskGb: '' };

describe('fieldErrorsOf', () => {
  it('maps the violations of the effective spec to the wizard’s fields, with codes', () => {
    const error = new ShepherdApiError({
      message: 'first violation',
      code: 'RESOURCE_STEP_INVALID',
      status: 400,
      details: {
        violations: [
          { code: 'RESOURCE_STEP_INVALID', field: 'cpuRequest', message: 'a' },
          { code: 'NOT_IN_CATALOG', field: 'templateId', message: 'b' },
          {
            code: 'INVALID_SPEC_OVERRIDES',
            field: 'specOverrides',
            message: 'c',
          },
        ],
      },
    });
    expect(fieldErrorsOf(error)).toEqual({
      targetCpuCores: 'a (Code: RESOURCE_STEP_INVALID)',
      template: 'b (Code: NOT_IN_CATALOG)',
      instanceSize: 'c (Code: INVALID_SPEC_OVERRIDES)',
    });
  });

  it('maps details.field and the fields named by schema validation messages', () => {
    expect(
      fieldErrorsOf(
        new ShepherdApiError({
          message: 'disk too small',
          code: 'VALIDATION_FAILED',
          status: 400,
          details: { field: 'targetDiskGb' },
        }),
      ),
    ).toEqual({ targetDiskGb: 'disk too small (Code: VALIDATION_FAILED)' });
    expect(
      fieldErrorsOf(
        new ShepherdApiError({
          message: 'request/body/targetDiskGb must be >= 1',
          code: 'VALIDATION_FAILED',
          status: 400,
        }),
      ),
    ).toEqual({
      targetDiskGb:
        'request/body/targetDiskGb must be >= 1 (Code: VALIDATION_FAILED)',
    });
    expect(
      fieldErrorsOf(
        new ShepherdApiError({
          message: "request/body must have required property 'reason'",
          code: 'VALIDATION_FAILED',
          status: 400,
        }),
      ),
    ).toHaveProperty('reason');
  });

  it('maps nothing for errors that name no field', () => {
    expect(
      fieldErrorsOf(
        new ShepherdApiError({
          message: 'nope',
          code: 'NOT_FOUND',
          status: 404,
        }),
      ),
    ).toEqual({});
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
  });

  it('finds the first step holding an error', () => {
    expect(firstStepWith({ reason: 'x', template: 'y' })).toBe(2);
    expect(firstStepWith({})).toBeUndefined();
  });
});

describe('checkTargets', () => {
  it('accepts empty targets and 0.5 steps', () => {
    expect(checkTargets(EMPTY, anInstanceSize())).toEqual({});
    expect(
      checkTargets(
        { targetCpuCores: '2.5', targetMemoryGi: '0.5', targetDiskGb: '30' },
        anInstanceSize(),
      ),
    ).toEqual({});
  });

  it('refuses other steps, fractional disks and fractions the size’s capabilities forbid', () => {
    expect(
      Object.keys(
        checkTargets(
          { targetCpuCores: '0.3', targetMemoryGi: '-1', targetDiskGb: '2.5' },
          anInstanceSize(),
        ),
      ),
    ).toEqual(['targetCpuCores', 'targetMemoryGi', 'targetDiskGb']);
    expect(
      checkTargets(
        { ...EMPTY, targetCpuCores: '1.5', targetMemoryGi: '2.5' },
        anInstanceSize({
          dedicatedCpu: true,
          requiresHugepages: true,
          hugepagesSize: '1Gi',
        }),
      ),
    ).toEqual({
      targetCpuCores: 'Small has dedicated CPUs, which take whole cores',
      targetMemoryGi: 'Small uses 1Gi hugepages, which take whole GiB',
    });
    expect(
      checkTargets(
        { ...EMPTY, targetMemoryGi: '2.5' },
        anInstanceSize({ requiresHugepages: true, hugepagesSize: '2Mi' }),
      ),
    ).toEqual({});
  });
});

describe('probableVmName', () => {
  it('uses the Service’s next index and says when the name is too long', () => {
    expect(probableVmName('dev', aService({ nextInstanceIndex: 7 }))).toEqual({
      name: 'dev-payments-api-07',
      tooLong: false,
    });
    expect(
      probableVmName(
        'averyveryverylo',
        aService({
          systemName: 'averyveryverylo',
          name: 'averyveryverylon',
        }),
      ).tooLong,
    ).toBe(true);
  });
});

describe('the wizard’s query', () => {
  it('round-trips where the wizard starts', () => {
    const search = requestVmSearch({
      serviceId: 'svc-1',
      system: 'system:default/payments',
    });
    expect(search).toBe('?serviceId=svc-1&system=system%3Adefault%2Fpayments');
    expect(readRequestVmStart(new URLSearchParams(search))).toEqual({
      serviceId: 'svc-1',
      system: 'system:default/payments',
    });
    expect(requestVmSearch({})).toBe('');
  });
});
