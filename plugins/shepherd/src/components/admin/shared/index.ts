export { fieldErrorsOf } from './adminErrors';
export {
  CATALOG_SCOPE_DESCRIPTIONS,
  CatalogScopeChip,
  EnabledChip,
} from './chips';
export { CODE_INPUT_PROPS, FIELD_PROPS, FormDialog } from './FormDialog';
export { OutcomeAlert } from './WarningsAlert';
export type { AdminOutcome } from './WarningsAlert';
export { DeleteEntryDialog } from './DeleteEntryDialog';
export { FirstRunGuide } from './FirstRunGuide';
export {
  CreateEntryButton,
  DELETE_ACTION,
  DisplayNameCell,
  EDIT_ACTION,
  EntryActions,
  SectionHeader,
  SectionList,
  entryActionsColumn,
} from './SectionParts';
export type { EntryAction } from './SectionParts';
export { disableInstead, useAdminSection } from './useAdminSection';
export type { EntryRowActions, ToggledEntry } from './useAdminSection';
export { CatalogScopeField, ChoiceField, FlagField } from './FormFields';
export { useEntryForm } from './useEntryForm';
