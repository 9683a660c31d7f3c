import {
  REQUEST_REASON_MAX_LENGTH,
  checkRequestReason,
  requiresRequestReason,
} from './requestReasons';

describe('request reasons', () => {
  it('are required for deletions and console access in production only', () => {
    expect(requiresRequestReason('DELETE', 'prod')).toBe(true);
    expect(requiresRequestReason('VNC_ACCESS', 'prod')).toBe(true);
    expect(requiresRequestReason('DELETE', 'test')).toBe(false);
    expect(requiresRequestReason('VNC_ACCESS', 'test')).toBe(false);
    expect(requiresRequestReason('STOP', 'prod')).toBe(false);
  });

  it('refuses a missing or blank reason where one is required', () => {
    expect(checkRequestReason(undefined, true)?.code).toBe('REASON_REQUIRED');
    expect(checkRequestReason('  \n ', true)?.code).toBe('REASON_REQUIRED');
    expect(checkRequestReason('', false)).toBeUndefined();
    expect(checkRequestReason(' decommissioned ', true)).toBeUndefined();
  });

  it('bounds the trimmed length', () => {
    const longest = 'x'.repeat(REQUEST_REASON_MAX_LENGTH);
    expect(checkRequestReason(`  ${longest}  `, true)).toBeUndefined();
    expect(checkRequestReason(`${longest}y`, false)).toMatchObject({
      code: 'REASON_TOO_LONG',
      message: expect.stringContaining(String(REQUEST_REASON_MAX_LENGTH)),
    });
  });
});
