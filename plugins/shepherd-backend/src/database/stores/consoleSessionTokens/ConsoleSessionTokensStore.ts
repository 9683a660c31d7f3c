/** A console session token at its first use. */
export interface ConsumedConsoleToken {
  tokenId: string;
  vmId: string;
  grantId: string;
  userRef: string;
  /** When the token stops opening sessions. */
  expiresAt: string;
  consumedAt: string;
}

/** The replay markers of console session tokens. */
export interface ConsoleSessionTokensStore {
  /**
   * Marks the token used; answers false when it already was. Atomic across replicas: of
   * concurrent calls for one token, exactly one answers true.
   */
  consume(token: ConsumedConsoleToken): Promise<boolean>;
  /** Deletes the markers of tokens that expired before `before` (they open nothing anymore). */
  deleteExpired(before: string): Promise<number>;
}
