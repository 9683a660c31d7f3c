export { NamespacesSection } from './NamespacesSection';
