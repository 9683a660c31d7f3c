import { Entity } from '@backstage/catalog-model';
import { SystemMember } from '@kubevirt-shepherd/plugin-shepherd-common';
import { aSystem } from '../../__testUtils__/fixtures';
import { precheckEntityRef } from './RegisterDialog';
import {
  catalogRefOfSystem,
  catalogSystemFilter,
  isLastOwner,
  memberKindOf,
  normalizeMemberRef,
  serviceDeleteBlockedReason,
  sortMembers,
  systemDeleteBlockedReason,
} from './systemRules';

const member = (id: string, role: SystemMember['role'], memberRef = id) =>
  ({ id, role, memberRef } as SystemMember);

describe('System rules', () => {
  it('normalises member refs as the backend does: groups by default, users and groups only', () => {
    expect(normalizeMemberRef('Team-Payments')).toEqual({
      ok: true,
      ref: 'group:default/team-payments',
    });
    expect(normalizeMemberRef(' user:ops/Jane ')).toEqual({
      ok: true,
      ref: 'user:ops/jane',
    });
    expect(normalizeMemberRef('component:default/api')).toMatchObject({
      ok: false,
    });
    expect(normalizeMemberRef('  ')).toMatchObject({ ok: false });
    expect(memberKindOf('user:default/jane')).toBe('User');
    expect(memberKindOf('group:default/ops')).toBe('Group');
  });

  it('knows the last owner, and orders members by role', () => {
    const owner = member('a', 'owner');
    const viewer = member('b', 'viewer');
    const admin = member('c', 'admin');
    expect(isLastOwner(owner, [owner, viewer])).toBe(true);
    expect(isLastOwner(owner, [owner, member('d', 'owner')])).toBe(false);
    expect(isLastOwner(viewer, [owner, viewer])).toBe(false);
    expect(sortMembers([viewer, owner, admin]).map(m => m.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('explains the delete restrictions', () => {
    expect(systemDeleteBlockedReason(0)).toBeUndefined();
    expect(systemDeleteBlockedReason(undefined)).toBeUndefined();
    expect(systemDeleteBlockedReason(1)).toBe('Delete its 1 Service first');
    expect(serviceDeleteBlockedReason(2)).toBe('Delete its 2 VMs first');
  });

  it('names the catalog System whose services can be registered', () => {
    expect(catalogRefOfSystem(aSystem({ entityRef: 'system:ops/Pay' }))).toBe(
      'system:ops/pay',
    );
    expect(
      catalogSystemFilter(aSystem({ entityRef: 'system:ops/Pay' })),
    ).toEqual({
      kind: 'system',
      'metadata.namespace': 'ops',
      'metadata.name': 'Pay',
    });
  });

  it('finds a System created in Shepherd where the catalog module publishes it, in any namespace', () => {
    const system = aSystem({ entityRef: undefined });
    expect(catalogSystemFilter(system)).toEqual({
      kind: 'system',
      'metadata.annotations.kubevirt-shepherd.io/system-id': system.id,
    });
    const published = (namespace: string, id: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: system.name,
        namespace,
        annotations: { 'kubevirt-shepherd.io/system-id': id },
      },
    });
    expect(catalogRefOfSystem(system, published('shepherd', system.id))).toBe(
      `system:shepherd/${system.name}`,
    );
    // Not published yet, or another System's entity: no ref to register against.
    expect(catalogRefOfSystem(system)).toBeUndefined();
    expect(
      catalogRefOfSystem(system, published('default', 'another-id')),
    ).toBeUndefined();
  });

  it('checks an entity ref before registering it', () => {
    expect(precheckEntityRef('system', 'system', 'payments')).toEqual({});
    expect(
      precheckEntityRef('system', 'system', 'component:default/payments').error,
    ).toMatch(/ENTITY_KIND_INVALID/);
    expect(
      precheckEntityRef('component', 'service', 'Payments_API').error,
    ).toMatch(/NAME_INVALID/);
    expect(
      precheckEntityRef('component', 'service', 'reconciliation').warning,
    ).toMatch(/NAME_LENGTH_WARNING/);
  });
});
