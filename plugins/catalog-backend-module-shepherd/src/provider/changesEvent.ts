import {
  ShepherdChangesEvent,
  ShepherdRecordChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';

const KINDS: ReadonlySet<string> = new Set(['system', 'service', 'vm']);
const CHANGES: ReadonlySet<string> = new Set(['upserted', 'removed']);

function isRecordChange(value: unknown): value is ShepherdRecordChange {
  const change = value as Partial<Record<keyof ShepherdRecordChange, unknown>>;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof change.kind === 'string' &&
    KINDS.has(change.kind) &&
    typeof change.id === 'string' &&
    change.id.length > 0 &&
    typeof change.change === 'string' &&
    CHANGES.has(change.change)
  );
}

/**
 * The changed records of an event payload, or undefined when it is not a
 * {@link ShepherdChangesEvent}. Events may come from other processes through the events bus,
 * so nothing about them is assumed.
 */
export function parseChangesEvent(
  payload: unknown,
): ShepherdRecordChange[] | undefined {
  const changes = (payload as Partial<ShepherdChangesEvent> | null)?.changes;
  if (!Array.isArray(changes) || !changes.every(isRecordChange)) {
    return undefined;
  }
  return changes.map(({ kind, id, change }) => ({ kind, id, change }));
}
