import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  KubernetesHttpError,
  RequestTimeoutError,
  classifyError,
  isClusterFailure,
  toProviderError,
} from './errors';

/** client-node's ApiException: the HTTP code and the Status as JSON text. */
function apiException(code: number, message = 'boom', reason = 'Failure') {
  return Object.assign(new Error(`HTTP-Code: ${code}`), {
    code,
    body: JSON.stringify({
      kind: 'Status',
      status: 'Failure',
      message,
      reason,
      code,
    }),
    headers: {},
  });
}

function systemError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:6443`), { code });
}

describe('errors', () => {
  it.each([
    [
      'a timeout of a plain request',
      new RequestTimeoutError(10),
      'transient',
      true,
    ],
    [
      'an aborted fetch',
      Object.assign(new Error('The user aborted a request.'), {
        name: 'AbortError',
      }),
      'transient',
      true,
    ],
    ['ECONNREFUSED', systemError('ECONNREFUSED'), 'transient', true],
    ['ECONNRESET', systemError('ECONNRESET'), 'transient', true],
    [
      'a wrapped ECONNREFUSED',
      Object.assign(new Error('request failed'), {
        cause: systemError('ECONNREFUSED'),
      }),
      'transient',
      true,
    ],
    [
      'a node-fetch system error',
      Object.assign(new Error('request failed'), {
        type: 'system',
        errno: 'ECONNRESET',
        code: 'ECONNRESET',
      }),
      'transient',
      true,
    ],
    ['500', apiException(500), 'transient', true],
    ['503', new KubernetesHttpError(503), 'transient', true],
    ['429', apiException(429), 'transient', true],
    [
      '409',
      apiException(409, 'the object has been modified', 'Conflict'),
      'conflict',
      false,
    ],
    ['400', apiException(400), 'permanent', false],
    ['401', apiException(401), 'permanent', false],
    ['403', apiException(403, 'forbidden', 'Forbidden'), 'permanent', false],
    [
      '404',
      new KubernetesHttpError(404, { kind: 'Status', message: 'not found' }),
      'permanent',
      false,
    ],
    [
      '422',
      apiException(422, 'spec.template: Invalid value', 'Invalid'),
      'permanent',
      false,
    ],
    [
      'a certificate error',
      systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      'permanent',
      false,
    ],
    [
      'a programming error',
      new TypeError('x is undefined'),
      'permanent',
      false,
    ],
  ])('classifies %s', (_, error, kind, failure) => {
    expect(classifyError(error)).toBe(kind);
    expect(isClusterFailure(error)).toBe(failure);
  });

  it('keeps an error that is already classified (an open circuit)', () => {
    const open = new ShepherdProviderError('transient', 'circuit open');
    expect(toProviderError(open, 'Read VM')).toBe(open);
    expect(classifyError(open)).toBe('transient');
    expect(isClusterFailure(open)).toBe(false);
  });

  it('carries the HTTP status and the Kubernetes message', () => {
    const error = toProviderError(
      apiException(422, 'spec.template.spec.domain: Invalid value', 'Invalid'),
      'Apply VirtualMachine dev/vm',
    );
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect(error.kind).toBe('permanent');
    expect(error.statusCode).toBe(422);
    expect(error.message).toBe(
      'Apply VirtualMachine dev/vm failed: HTTP 422 Invalid: spec.template.spec.domain: Invalid value',
    );
  });

  it('names timeouts and unreachable clusters', () => {
    expect(
      toProviderError(new RequestTimeoutError(250), 'Read VM').message,
    ).toBe('Read VM failed: timed out (no answer within 250 ms)');
    expect(
      toProviderError(systemError('ECONNREFUSED'), 'Read VM').message,
    ).toBe('Read VM failed: cluster unreachable (ECONNREFUSED)');
  });

  it('never repeats the message of an unknown error, nor keeps it as the cause', () => {
    const leaky = new Error('bad indentation near "token: s3cr3t"');
    const error = toProviderError(leaky, 'Load kubeconfig');
    expect(error.message).not.toContain('s3cr3t');
    expect(error.cause).toBeUndefined();
  });
});
