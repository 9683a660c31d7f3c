import { ShepherdApiError } from '../api/ShepherdApiError';

/** What the backend answers when it refuses: its message, code, HTTP status and details. */
export type Refusal = ConstructorParameters<typeof ShepherdApiError>[0];

/** A stub of an API method that the backend refuses: every call rejects with this error. */
export function refusing(refusal: Refusal): () => Promise<never> {
  return async () => {
    throw new ShepherdApiError(refusal);
  };
}
