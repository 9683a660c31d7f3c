export { AdoptionSection } from './AdoptionSection';
