import { mockServices } from '@backstage/backend-test-utils';
import {
  ENVIRONMENTS,
  TICKET_OPERATIONS,
  requiresApproval,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { VmOperations } from './VmOperations';
import { AnyVmOperation } from './VmOperation';

describe('VmOperations', () => {
  // Building the operations reaches no store or cluster.
  const operations = VmOperations.create({
    context: { store: {} } as any,
    preflight: {} as any,
    renderer: {} as any,
    logger: mockServices.logger.mock(),
    installation: { id: 'shepherd-test' },
  });

  it('has one operation for every ticket operation, and finds it by either name', () => {
    expect(
      operations
        .list()
        .map(op => op.ticketOperation)
        .sort(),
    ).toEqual([...TICKET_OPERATIONS].sort());
    for (const operation of operations.list()) {
      expect(operations.forTicket(operation.ticketOperation)).toBe(operation);
      expect(operations.get(operation.name)).toBe(operation);
    }
  });

  it.each(operations.list().map(op => [op.name, op] as const))(
    '%s can be carried out wherever the approval matrix needs no approver',
    (_name, operation: AnyVmOperation) => {
      const withoutApprover = operation.governs.flatMap(governed =>
        ENVIRONMENTS.filter(
          environment => !requiresApproval(governed, environment),
        ),
      );
      expect(withoutApprover.length === 0 || Boolean(operation.direct)).toBe(
        true,
      );
    },
  );

  it('gives each job its own kind in the queue', () => {
    const kinds = operations.jobs().map(job => job.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.sort()).toEqual([
      'vm.create',
      'vm.delete',
      'vm.modify',
      'vm.power',
    ]);
  });

  it('refuses two operations of one name', () => {
    const [first] = operations.list();
    expect(() => new VmOperations([first, first])).toThrow(
      'Two VM operations share a name or a ticket operation',
    );
  });
});
