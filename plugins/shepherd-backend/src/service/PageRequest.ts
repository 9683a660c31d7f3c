/** Which page of a list: `offset` items skipped, at most `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}
