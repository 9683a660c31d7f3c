export { VmsPage } from './VmsPage';
export { VmTable } from './VmTable';
export { isTransitional } from './vmRules';
