/**
 * Counts of requests per subject (a user), kind of request (bucket) and fixed window: the
 * rate limits' shared state, so that all backend replicas count against one limit.
 */
export interface RequestRatesStore {
  /**
   * Counts one request of `subject` in `bucket`'s window starting at `windowStart` and
   * answers the window's count, this request included. One statement, so concurrent requests
   * (of any replica) each see a count of their own. Windows of the subject and bucket that
   * started before are deleted.
   */
  count(bucket: string, subject: string, windowStart: string): Promise<number>;
  /** Deletes every window that started before `windowStart`; answers how many. */
  deleteBefore(windowStart: string): Promise<number>;
}
