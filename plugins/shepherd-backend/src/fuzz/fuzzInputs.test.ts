import fc from 'fast-check';
import {
  INPUT_KINDS,
  RawJson,
  percentEncoded,
  requestsFor,
  toJsonText,
  urlOf,
} from './__testUtils__/fuzzInputs';
import { specOperations } from './__testUtils__/specOperations';

/** Node refuses request heads past 16 KiB (431) before any of the backend's code runs. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

describe('fuzz inputs', () => {
  const operations = specOperations();
  const vocabulary = { systemId: ['4db86a34-7960-490f-8a66-995b71d90024'] };

  it('writes numbers JavaScript cannot hold as they are', () => {
    expect(
      toJsonText({ a: new RawJson('1e309'), b: [new RawJson('-0')] }),
    ).toBe('{"a":1e309,"b":[-0]}');
  });

  it('percent-encodes every byte but the unreserved characters, lone surrogates included', () => {
    expect(percentEncoded('a/é ~\u0000')).toBe('a%2F%C3%A9%20~%00');
    expect(percentEncoded('\ud800')).toBe('%EF%BF%BD');
  });

  it('draws every kind of input, with URLs that name the operation and fit in a request head', () => {
    const kinds = new Set<string>();
    for (const operation of operations) {
      for (const request of fc.sample(requestsFor(operation, vocabulary), {
        seed: 1,
        numRuns: 60,
      })) {
        kinds.add(request.kind);
        const url = urlOf(operation, request);
        expect(url).not.toMatch(/\/\/|\/$/);
        expect(Buffer.byteLength(url)).toBeLessThan(NODE_MAX_HEADER_BYTES / 2);
      }
    }
    expect([...kinds].sort()).toEqual([...INPUT_KINDS].sort());
  });

  it('uses the names of existing records where a parameter takes one', () => {
    const getSystem = operations.find(o => o.operationId === 'GetSystem')!;
    const urls = fc
      .sample(requestsFor(getSystem, vocabulary), { seed: 1, numRuns: 100 })
      .filter(request => request.kind === 'valid-shaped')
      .map(request => urlOf(getSystem, request));
    expect(urls).toContain(`/v1/systems/${vocabulary.systemId[0]}`);
  });
});
