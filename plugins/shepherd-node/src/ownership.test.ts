import {
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS as LABELS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdNotOwnedError,
  isOwnedBy,
  isShepherdNotOwnedError,
  readShepherdOwnership,
} from './ownership';
import { ShepherdProviderError } from './providers';

const owner = { installationId: 'portal-a', vmId: 'vm-1' };
const labelled = {
  [LABELS.managedBy]: SHEPHERD_MANAGER,
  [LABELS.installation]: 'portal-a',
  [LABELS.vmId]: 'vm-1',
  [LABELS.ticketId]: 'ticket-1',
};

describe('readShepherdOwnership', () => {
  it('reads the installation, the VM record and the ticket', () => {
    expect(readShepherdOwnership(labelled)).toEqual({
      installationId: 'portal-a',
      vmId: 'vm-1',
      ticketId: 'ticket-1',
    });
  });

  it('declares no ownership without both an installation and a VM record', () => {
    expect(readShepherdOwnership(undefined)).toBeUndefined();
    expect(readShepherdOwnership({ app: 'ledger' })).toBeUndefined();
    expect(
      readShepherdOwnership({ [LABELS.installation]: 'portal-a' }),
    ).toBeUndefined();
    expect(readShepherdOwnership({ [LABELS.vmId]: 'vm-1' })).toBeUndefined();
  });
});

describe('isOwnedBy', () => {
  it('accepts only the same installation and the same VM record', () => {
    expect(isOwnedBy(labelled, owner)).toBe(true);
    expect(isOwnedBy(labelled, { ...owner, vmId: 'vm-2' })).toBe(false);
    expect(isOwnedBy(labelled, { ...owner, installationId: 'portal-b' })).toBe(
      false,
    );
    expect(isOwnedBy({ app: 'ledger' }, owner)).toBe(false);
    expect(isOwnedBy(undefined, owner)).toBe(false);
  });

  it("accepts a VM created before ownership labels by its create ticket, and nothing else's", () => {
    const legacy = {
      [LABELS.managedBy]: SHEPHERD_MANAGER,
      [LABELS.ticketId]: 'ticket-1',
    };
    expect(isOwnedBy(legacy, { ...owner, legacyTicketId: 'ticket-1' })).toBe(
      true,
    );
    expect(isOwnedBy(legacy, owner)).toBe(false);
    expect(isOwnedBy(legacy, { ...owner, legacyTicketId: 'ticket-2' })).toBe(
      false,
    );
    // Claimed by an installation, it is judged by its labels alone.
    expect(
      isOwnedBy(
        { ...legacy, [LABELS.installation]: 'portal-b' },
        { ...owner, legacyTicketId: 'ticket-1' },
      ),
    ).toBe(false);
    // Without Shepherd's managed-by label it was never Shepherd's.
    expect(
      isOwnedBy(
        { [LABELS.ticketId]: 'ticket-1' },
        { ...owner, legacyTicketId: 'ticket-1' },
      ),
    ).toBe(false);
  });
});

describe('ShepherdNotOwnedError', () => {
  it('is a permanent provider error with a stable code, naming the object', () => {
    const error = new ShepherdNotOwnedError(
      { namespace: 'dev', name: 'dev-payments-ledger-03' },
      undefined,
      { objectKind: 'A VirtualMachine' },
    );
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect(error.kind).toBe('permanent');
    expect(error.code).toBe('VM_NAME_CONFLICT');
    expect(error.message).toBe(
      'A VirtualMachine named dev/dev-payments-ledger-03 already exists on the cluster and is not managed by Shepherd; it was left untouched',
    );
    expect(isShepherdNotOwnedError(error)).toBe(true);
    expect(
      isShepherdNotOwnedError(new ShepherdProviderError('permanent', 'no')),
    ).toBe(false);
    expect(isShepherdNotOwnedError(new Error('no'))).toBe(false);
  });
});
