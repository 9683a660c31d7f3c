export { InstanceSizesSection } from './InstanceSizesSection';
