/**
 * A simulated KubeVirt cluster for development, demos and tests: an HTTPS server that
 * speaks the part of the Kubernetes API the KubeVirt Shepherd provider uses, simulated
 * KubeVirt/CDI controllers, VNC consoles backed by a real VNC server, and fault injection.
 *
 * @packageDocumentation
 */

export { start } from './simulator';
export type {
  KubevirtSimulator,
  ObjectReader,
  SimulatorOptions,
  VncStatus,
  WatchControls,
  WatchOptions,
} from './simulator';
export type { ClockMode, SimulatorClock } from './controllers/scheduler';
export type { PhaseTimings, TimingOption } from './controllers/timings';
export {
  INSTANT_TIMINGS,
  REALISTIC_TIMINGS,
  WATCH_BOOKMARK_INTERVALS,
} from './controllers/timings';
export { INITIAL_EVENTS_END_ANNOTATION } from './api/listOptions';
export type {
  ControllerControls,
  SimulatedResource,
} from './controllers/controllerManager';
export type { VmFailureReason } from './controllers/context';
export type {
  FaultControls,
  FaultKind,
  FaultRule,
  InjectedFault,
} from './faults/faultInjector';
export type { AuditEvent, AuditLogReader, AuditVerb } from './audit/auditLog';
export type { StorageClassOption } from './seed';
export { DEFAULT_FEATURE_GATES, DEFAULT_STORAGE_CLASSES } from './seed';
export { VNC_CLOSE_CODES } from './vnc/vncProxy';
export { isVncServerInstalled } from './vnc/vncServers';
export { VNC_SESSION_IN_USE_MESSAGE, VNC_SUBPROTOCOL } from './constants';
export type { KubeObject, StoredObject } from './types';
export { virtualMachineSchemaViolations } from './schema/virtualMachineSchema';
