import { mockServices } from '@backstage/backend-test-utils';
import {
  MemberRole,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { settledOrWaitingForLock } from '../../__testUtils__/lockWaits';
import { ManualClock } from '../../__testUtils__/manualTime';
import {
  OperationsTestBed,
  actor,
  describeOnEachDatabase,
} from '../../__testUtils__/operations';
import { DatabaseShepherdStore } from '../../database/DatabaseShepherdStore';
import { AuditRecorder } from '../audit/AuditRecorder';
import { GovernanceContext } from '../GovernanceContext';
import { DefaultMembersService } from './DefaultMembersService';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const ADMIN = actor('platform-admin');

/** The members service on a store of its own: `knex` may be a transaction the test holds. */
function membersServiceOn(knex: Knex) {
  const logger = mockServices.logger.mock();
  const clock = new ManualClock();
  return new DefaultMembersService(
    new GovernanceContext({
      store: new DatabaseShepherdStore(knex),
      auditRecorder: new AuditRecorder(
        mockServices.auditor.mock(),
        logger,
        clock.now,
      ),
      logger,
      clock: clock.now,
    }),
  );
}

/*
 * Two units of work that each take the owner role from a different owner of a System with two
 * must not both succeed: each would see the other owner and together leave none. The first
 * runs inside a transaction the test holds open until the second has either finished or
 * waits for the first: the second provably ran while the first was uncommitted.
 */
describe('DefaultMembersService keeps every System an owner', () => {
  describeOnEachDatabase((bed: OperationsTestBed) => {
    async function systemWithTwoOwners() {
      const system = await bed.fixtures.system({
        members: [
          [ALICE, 'owner'],
          [BOB, 'owner'],
        ],
      });
      const members = await bed.store.members.listForSystem(system.id);
      const idOf = (ref: string) => members.find(m => m.memberRef === ref)!.id;
      return { system, alice: idOf(ALICE), bob: idOf(BOB) };
    }

    const ownersOf = async (systemId: string) =>
      (await bed.store.members.listForSystem(systemId))
        .filter(m => m.role === 'owner')
        .map(m => m.memberRef);

    /**
     * Runs `first` in a transaction held open while `second` starts, then commits it: the
     * outcome of `second`, which waits for the System while the first holds it.
     */
    async function concurrently(
      first: (members: DefaultMembersService) => Promise<unknown>,
      second: (members: DefaultMembersService) => Promise<unknown>,
    ) {
      const held = await bed.knex.transaction();
      await first(membersServiceOn(held));
      const later = second(membersServiceOn(bed.knex)).then(
        () => 'done',
        (error: { code?: string }) => ({ code: error.code }),
      );
      await settledOrWaitingForLock(bed.knex, later);
      await held.commit();
      return later;
    }

    it.each<[string, MemberRole | undefined]>([
      ['removed', undefined],
      ['made an admin', 'admin'],
    ])(
      'refuses the second of two concurrent changes that each leave one owner (owners %s)',
      async (_, demotedTo) => {
        const { system, alice, bob } = await systemWithTwoOwners();
        const takeOwnerRole =
          (memberId: string) => (members: DefaultMembersService) =>
            demotedTo
              ? members.updateMember(ADMIN, system.id, memberId, {
                  role: demotedTo,
                })
              : members.removeMember(ADMIN, system.id, memberId);

        const second = await concurrently(
          takeOwnerRole(alice),
          takeOwnerRole(bob),
        );

        expect(second).toMatchObject({
          code: SHEPHERD_ERROR_CODES.LAST_OWNER,
        });
        expect(await ownersOf(system.id)).toEqual([BOB]);
      },
    );
  });
});
