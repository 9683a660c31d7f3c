/*
 * Building blocks shared by the Shepherd pages. Use these rather than re-creating them, so
 * statuses, errors, confirmations and permissions look and behave the same everywhere.
 */
export {
  ConfirmationDialog,
  TYPE_NAME_LABEL,
  deletionTierFor,
  toDeletionConfirmation,
} from './ConfirmationDialog';
export type { ConfirmationTier } from './ConfirmationDialog';
export {
  BREAK_ANYWHERE,
  DISPLAY_NAME_CELL,
  KEEP_WHOLE,
  WHOLE_WORDS,
} from './cellStyles';
export { EnvironmentChip } from './EnvironmentChip';
export {
  displayNameOf,
  formatCount,
  formatCpu,
  formatDisk,
  formatEntityRef,
  formatMemory,
  titleWithName,
  withRequest,
} from './format';
export {
  PermissionGate,
  PermissionedButton,
  anyAllowed,
  useShepherdPermission,
} from './permissions';
export type { Decision, WhenDenied } from './permissions';
export { RelativeTime } from './RelativeTime';
export {
  CodedMessage,
  ERROR_CODE_LABEL,
  EXISTING_REQUEST_LINK,
  ShepherdErrorPanel,
} from './ShepherdErrorPanel';
export {
  CLUSTER_STATUS_LOOKS,
  STATUS_BADGE_STYLE,
  ClusterStatusBadge,
  TICKET_STATUS_LOOKS,
  TicketStatusBadge,
  VM_STATUS_LOOKS,
  VmStatusBadge,
} from './StatusBadges';
export type { StatusTone } from './StatusBadges';
export { formatAge, formatRelativeTime, formatTimestamp, isPast } from './time';
export { useAction } from './useAction';
export { useDialogAction } from './useDialogAction';
export type { ActionState } from './useAction';
export {
  POLL_BACKOFF_FACTOR,
  POLL_INITIAL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  SIGNALLED_POLL_INTERVAL_MS,
  useLiveData,
} from './useLiveData';
export type { LiveData, LiveDataOptions, LiveDataSignal } from './useLiveData';
export { ticketChanges, vmChanges } from './liveSignals';
export {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  PaginationBar,
  readPaging,
} from './PaginationBar';
export { ListSearchBar } from './ListSearchBar';
export { ListTable } from './ListTable';
export type { ListColumn } from './ListTable';
export {
  SEARCH_ONLY,
  TICKET_SEARCH_HELP,
  readSearch,
  writeSearch,
} from './listSearch';
export type { ListSort } from './listSort';
export { FilteredPagedList, NoMatchState, PagedList } from './PagedList';
export { ActionDialog } from './ActionDialog';
export {
  OPTIONAL_REASON_LABEL,
  REQUIRED_REASON_HELP,
  ReasonField,
  RequestReasonField,
  requestReasonCheck,
} from './ReasonField';
export { RecordHeader, RecordNotLoaded } from './RecordPage';
export {
  CLEAR_FILTERS_LABEL,
  FilterBar,
  FilterSelect,
  SearchField,
  plainOptions,
  useDebouncedText,
} from './filters';
export type { FilterOption } from './filters';
export {
  CODE_LABEL,
  collectFieldMessages,
  detailRecords,
  errorCode,
  errorDetails,
  withCode,
} from './apiErrors';
export { downloadFile } from './downloadFile';
export {
  requestableEnvironments,
  useShepherdCapabilities,
} from './capabilities';
export type { ShepherdCapability, UserCapabilities } from './capabilities';
export { loadAll } from './loadAll';
export { useUrlListQuery } from './useUrlListQuery';
