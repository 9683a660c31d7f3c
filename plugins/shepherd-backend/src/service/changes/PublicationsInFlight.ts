/**
 * Publications that were started after a commit and are not awaited by it (a change is never
 * delayed or failed by telling others about it), kept so that shutdown can wait for them.
 */
export class PublicationsInFlight {
  #inFlight = new Set<Promise<void>>();

  /**
   * Starts `publish` and keeps it until it ends; a failure, even a synchronous throw, is
   * handed to `onError`, never thrown.
   */
  start(publish: () => Promise<void>, onError: (error: unknown) => void): void {
    let publication: Promise<void>;
    try {
      publication = publish();
    } catch (error) {
      publication = Promise.reject(error);
    }
    const tracked: Promise<void> = publication
      .catch(onError)
      .finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  /** Resolves once the publications started so far have ended. */
  async settled(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }
}
