import { applyJsonPatch, JsonPatchError } from './jsonPatch';
import { applyMergePatch } from './mergePatch';

describe('JSON patch (RFC 6902)', () => {
  const doc = {
    spec: { runStrategy: 'Halted', list: [1, 2, 3] },
    metadata: { labels: { 'a/b': 'x' } },
  };

  it('applies add, remove, replace, move, copy and test', () => {
    const result = applyJsonPatch(doc, [
      { op: 'test', path: '/spec/runStrategy', value: 'Halted' },
      { op: 'replace', path: '/spec/runStrategy', value: 'Always' },
      { op: 'add', path: '/spec/list/-', value: 4 },
      { op: 'add', path: '/spec/list/0', value: 0 },
      { op: 'remove', path: '/spec/list/1' },
      { op: 'copy', from: '/spec/runStrategy', path: '/spec/copied' },
      { op: 'move', from: '/metadata/labels/a~1b', path: '/metadata/labels/c' },
    ]);
    expect(result).toEqual({
      spec: { runStrategy: 'Always', list: [0, 2, 3, 4], copied: 'Always' },
      metadata: { labels: { c: 'x' } },
    });
    expect(doc.spec.runStrategy).toBe('Halted'); // the input is not modified
  });

  it('fails tests and missing paths with the apiserver wording', () => {
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'test', path: '/spec/runStrategy', value: 'Always' },
      ]),
    ).toThrow(/jsonpatch test operation does not apply/);
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/spec/missing/x', value: 1 },
      ]),
    ).toThrow(JsonPatchError);
    expect(() =>
      applyJsonPatch(doc, [{ op: 'remove', path: '/spec/nothing' }]),
    ).toThrow(JsonPatchError);
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it('merges maps, replaces lists and deletes nulls', () => {
    expect(
      applyMergePatch(
        { a: { b: 1, c: 2 }, list: [1, 2], gone: true },
        { a: { b: 3 }, list: [9], gone: null, added: 'x' },
      ),
    ).toEqual({ a: { b: 3, c: 2 }, list: [9], added: 'x' });
  });
});
