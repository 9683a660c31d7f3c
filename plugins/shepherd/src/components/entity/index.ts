export { EntityShepherdVmCard } from './EntityShepherdVmCard';
export { EntityShepherdVmsContent } from './EntityShepherdVmsContent';
export { isShepherdGovernable } from './isShepherdGovernable';
export { isShepherdVm } from './isShepherdVm';
