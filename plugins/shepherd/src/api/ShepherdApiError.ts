/*
 * The error answers of the Shepherd API become ShepherdApiErrors in every client of the API;
 * the class lives with the generated client in shepherd-common. The plugin exports it too.
 */
export {
  ShepherdApiError,
  hasShepherdErrorCode,
  isShepherdApiError,
} from '@kubevirt-shepherd/plugin-shepherd-common';
