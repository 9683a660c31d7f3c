import {
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  matchesFields,
} from './selectors';
import { StoredObject } from '../types';

describe('label selectors', () => {
  const labels = {
    env: 'prod',
    tier: 'web',
    'kubevirt-shepherd.io/system': 'shop',
  };
  const matches = (selector: string) =>
    matchesLabels(parseLabelSelector(selector), labels);

  it.each([
    ['env=prod', true],
    ['env==prod', true],
    ['env!=prod', false],
    ['env=test', false],
    ['env in (test, prod)', true],
    ['env notin (prod)', false],
    ['missing notin (x)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['kubevirt-shepherd.io/system=shop,env in (prod),!missing', true],
    ['', true],
  ])('%s matches: %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('rejects malformed selectors with 400', () => {
    expect(() => parseLabelSelector('==x')).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});

describe('field selectors', () => {
  const object = {
    apiVersion: 'v1',
    kind: 'X',
    metadata: {
      name: 'a',
      namespace: 'ns',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: '',
    },
    status: { phase: 'Running' },
  } as StoredObject;

  it('matches metadata.name, metadata.namespace and status.phase', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=a'), object)).toBe(
      true,
    );
    expect(matchesFields(parseFieldSelector('metadata.name!=a'), object)).toBe(
      false,
    );
    expect(
      matchesFields(
        parseFieldSelector('metadata.namespace==ns,status.phase=Running'),
        object,
      ),
    ).toBe(true);
  });

  it('refuses fields it cannot select on', () => {
    expect(() => parseFieldSelector('spec.nodeName=x')).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});
