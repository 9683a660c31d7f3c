import { TicketOperation } from '@kubevirt-shepherd/plugin-shepherd-common';
import { VmOperationJob } from '../jobs/VmJobContext';
import { consoleAccess } from './consoleAccess';
import { OperationDependencies } from './OperationDependencies';
import { vmCreation } from './vmCreation';
import { vmDeletion } from './vmDeletion';
import { vmModification } from './vmModification';
import { vmPower } from './vmPower';
import { AnyVmOperation, VmOperation, VmOperationName } from './VmOperation';

/** Every VM operation Shepherd governs, by name and by the ticket operation it records. */
export class VmOperations {
  readonly #byName: Map<string, AnyVmOperation>;
  readonly #byTicketOperation: Map<string, AnyVmOperation>;

  constructor(operations: AnyVmOperation[]) {
    this.#byName = new Map(operations.map(op => [op.name, op]));
    this.#byTicketOperation = new Map(
      operations.map(op => [op.ticketOperation, op]),
    );
    if (
      this.#byName.size !== operations.length ||
      this.#byTicketOperation.size !== operations.length
    ) {
      throw new Error('Two VM operations share a name or a ticket operation');
    }
  }

  /** The built-in operations: create, delete, power, modify and console access. */
  static create(deps: OperationDependencies): VmOperations {
    return new VmOperations([
      vmCreation(deps),
      vmDeletion(deps),
      vmPower(deps),
      vmModification(deps),
      consoleAccess(deps),
    ]);
  }

  get<N extends VmOperationName>(name: N): VmOperation<N> {
    const operation = this.#byName.get(name);
    if (!operation) throw new Error(`Unknown VM operation ${name}`);
    return operation as unknown as VmOperation<N>;
  }

  /** The operation a ticket records. */
  forTicket(operation: TicketOperation): AnyVmOperation {
    const found = this.#byTicketOperation.get(operation);
    if (!found) throw new Error(`No VM operation records ${operation} tickets`);
    return found;
  }

  list(): AnyVmOperation[] {
    return [...this.#byName.values()];
  }

  /** The jobs of the operations that have one. */
  jobs(): VmOperationJob[] {
    return this.list().flatMap(op => (op.job ? [op.job] : []));
  }
}
