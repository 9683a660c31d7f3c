export { EntityShepherdVmsContent } from './EntityShepherdVmsContent';
export { isShepherdGovernable } from './isShepherdGovernable';
