import { TEMPLATE_STATUSES } from './enums';
import {
  isContainerImageReference,
  isDiskImageUrl,
  isTemplateTransitionAllowed,
  TEMPLATE_TRANSITIONS,
} from './templates';

describe('template lifecycle', () => {
  it.each([
    ['draft', 'active', true],
    ['draft', 'archived', true],
    ['draft', 'deprecated', false],
    ['active', 'deprecated', true],
    ['active', 'draft', false],
    ['active', 'archived', false],
    ['deprecated', 'active', true],
    ['deprecated', 'archived', true],
    ['archived', 'active', false],
    ['archived', 'archived', true],
  ] as const)('moves %s to %s: %p', (from, to, allowed) => {
    expect(isTemplateTransitionAllowed(from, to)).toBe(allowed);
  });

  it('knows a transition for every status, archived being final', () => {
    expect(Object.keys(TEMPLATE_TRANSITIONS).sort()).toEqual(
      [...TEMPLATE_STATUSES].sort(),
    );
    expect(TEMPLATE_TRANSITIONS.archived).toEqual([]);
    expect(TEMPLATE_TRANSITIONS.active).toEqual(['deprecated']);
  });
});

describe('template sources', () => {
  it.each([
    ['quay.io/containerdisks/fedora:40', true],
    [`registry.local:5000/os/debian@sha256:${'a'.repeat(64)}`, true],
    ['docker://quay.io/fedora:40', false],
    ['Quay.io/Fedora', false],
  ])('reads %s as a container image reference: %p', (value, expected) => {
    expect(isContainerImageReference(value)).toBe(expected);
  });

  it.each([
    ['https://images.example.com/fedora.qcow2', true],
    ['http://10.0.0.1/debian.img', true],
    ['ftp://images.example.com/fedora.qcow2', false],
    ['quay.io/containerdisks/fedora:40', false],
  ])('reads %s as a disk image URL: %p', (value, expected) => {
    expect(isDiskImageUrl(value)).toBe(expected);
  });
});
