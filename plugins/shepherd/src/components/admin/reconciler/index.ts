export { ReconcilerSection } from './ReconcilerSection';
export {
  NeedsAttentionChip,
  NEEDS_ATTENTION_LABEL,
} from './NeedsAttentionChip';
