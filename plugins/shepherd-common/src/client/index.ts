export {
  createShepherdApiClient,
  shepherdData,
  type ShepherdApiClient,
  type ShepherdApiClientOptions,
} from './createShepherdApiClient';
export {
  ShepherdApiError,
  hasShepherdErrorCode,
  isShepherdApiError,
} from './ShepherdApiError';
