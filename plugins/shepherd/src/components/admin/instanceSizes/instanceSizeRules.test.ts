import {
  SizeFields,
  checkSizeFields,
  fieldsOfSize,
  overrideRow,
} from './instanceSizeRules';
import { anInstanceSize } from '../../../__testUtils__/fixtures';

function fields(overrides: Partial<SizeFields> = {}): SizeFields {
  return {
    ...fieldsOfSize(),
    name: 'medium',
    cpuCores: '2',
    memoryGi: '4',
    diskGb: '20',
    ...overrides,
  };
}

describe('checkSizeFields', () => {
  it('accepts a plain size, requests defaulting to the limits', () => {
    const check = checkSizeFields(fields());

    expect(check.problems).toEqual({});
    expect(check.values).toEqual({
      sortOrder: 0,
      cpuCores: 2,
      cpuRequest: 2,
      memoryGi: 4,
      memoryRequestGi: 4,
      diskGb: 20,
    });
  });

  it('asks for CPU and memory in steps of 0.5 and whole GiB of disk', () => {
    const check = checkSizeFields(
      fields({ cpuCores: '1.25', memoryGi: '0.3', diskGb: '10.5' }),
    );

    expect(check.problems.cpuCores).toMatch(
      /^cpuCores.*\(Code: RESOURCE_STEP_INVALID\)/,
    );
    expect(check.problems.memoryGi).toMatch(
      /^memoryGi.*\(Code: RESOURCE_STEP_INVALID\)/,
    );
    expect(check.problems.diskGb).toMatch(
      /^diskGb.*\(Code: RESOURCE_STEP_INVALID\)/,
    );
  });

  it('refuses requests above their limits', () => {
    const check = checkSizeFields(
      fields({ cpuRequest: '3', memoryRequestGi: '8' }),
    );

    expect(check.problems.cpuRequest).toMatch(
      /\(Code: RESOURCE_REQUEST_EXCEEDS_LIMIT\)$/,
    );
    expect(check.problems.memoryRequestGi).toMatch(
      /\(Code: RESOURCE_REQUEST_EXCEEDS_LIMIT\)$/,
    );
  });

  it('warns of overcommit in a size offered to prod', () => {
    expect(
      checkSizeFields(fields({ cpuRequest: '1', catalogScope: 'all' }))
        .warnings,
    ).toEqual([expect.objectContaining({ code: 'OVERCOMMIT_IN_PROD' })]);
    expect(
      checkSizeFields(fields({ cpuRequest: '1', catalogScope: 'test' }))
        .warnings,
    ).toEqual([]);
  });

  it('gives dedicated CPUs whole cores and no overcommit', () => {
    expect(
      checkSizeFields(fields({ dedicatedCpu: true, cpuCores: '1.5' })).problems
        .cpuCores,
    ).toMatch(
      /^dedicated CPUs need whole cores.*\(Code: RESOURCE_STEP_INVALID\)/,
    );
    expect(
      checkSizeFields(fields({ dedicatedCpu: true, memoryRequestGi: '2' }))
        .problems.dedicatedCpu,
    ).toMatch(/\(Code: DEDICATED_CPU_OVERCOMMIT\)$/);
  });

  it('needs a hugepages size and memory in whole pages', () => {
    expect(
      checkSizeFields(fields({ requiresHugepages: true })).problems
        .hugepagesSize,
    ).toBe('Choose the hugepages size');
    expect(
      checkSizeFields(
        fields({
          requiresHugepages: true,
          hugepagesSize: '1Gi',
          memoryGi: '2.5',
        }),
      ).problems.memoryGi,
    ).toMatch(
      /^the memory request 2560Mi is not a multiple of the hugepages size 1Gi.*\(Code: RESOURCE_STEP_INVALID\)/,
    );
    expect(
      checkSizeFields(
        fields({
          requiresHugepages: true,
          hugepagesSize: '2Mi',
          memoryGi: '2.5',
        }),
      ).problems,
    ).toEqual({});
  });

  it('checks each spec override row: key, JSON value, duplicates', () => {
    const rows = [
      overrideRow('template.spec.domain.cpu.model', '"host-passthrough"'),
      overrideRow('spec.template.spec.domain.cpu.model', 'host-passthrough'),
      overrideRow('spec.template.spec.domain.cpu.__proto__', '{}'),
      overrideRow('spec.template.spec.evictionStrategy', '"LiveMigrate"'),
      overrideRow('spec.template.spec.evictionStrategy', '"None"'),
      overrideRow('', ''),
    ];
    const check = checkSizeFields(fields({ overrides: rows }));

    expect(check.overrideProblems[rows[0].id]).toMatch(
      /must start with 'spec\.'.*\(Code: INVALID_SPEC_OVERRIDES\)/,
    );
    expect(check.overrideProblems[rows[1].id]).toMatch(/must be JSON/);
    expect(check.overrideProblems[rows[2].id]).toMatch(/may not contain/);
    expect(check.overrideProblems[rows[3].id]).toBeUndefined();
    expect(check.overrideProblems[rows[4].id]).toMatch(/is set twice/);
    expect(check.overrideProblems[rows[5].id]).toBeUndefined();
    expect(check.overrides).toEqual({
      'spec.template.spec.evictionStrategy': 'LiveMigrate',
    });
  });

  it('puts what an override breaks in KubeVirt on its row', () => {
    const running = overrideRow('spec.running', 'true');
    const fractional = overrideRow(
      'spec.template.spec.domain.resources.limits.cpu',
      '"1500m"',
    );
    const check = checkSizeFields(
      fields({ dedicatedCpu: true, overrides: [running, fractional] }),
    );

    expect(check.overrideProblems[running.id]).toMatch(
      /spec\.running must not be set.*\(Code: INVALID_SPEC_OVERRIDES\)/,
    );
    expect(check.overrideProblems[fractional.id]).toMatch(
      /dedicated CPUs need whole cores.*\(Code: INVALID_SPEC_OVERRIDES\)/,
    );
    expect(check.problems).toEqual({});
  });

  it('shows a size with a request equal to its limit as an empty request', () => {
    expect(
      fieldsOfSize(anInstanceSize({ cpuRequest: 1, memoryRequestGi: 4 })),
    ).toEqual(
      expect.objectContaining({
        cpuCores: '2',
        cpuRequest: '1',
        memoryGi: '4',
        memoryRequestGi: '',
      }),
    );
  });
});
