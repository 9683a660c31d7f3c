export { ShepherdPage } from './ShepherdPage';
export { ShepherdSubPagesLayout } from './ShepherdSubPagesLayout';
export type { ShepherdSubPage } from './ShepherdSubPagesLayout';
