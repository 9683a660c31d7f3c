export { TemplatesSection } from './TemplatesSection';
