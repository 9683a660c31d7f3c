import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { normalizeEntityRef } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import {
  ConsoleSessionTokensStore,
  ConsumedConsoleToken,
} from './ConsoleSessionTokensStore';

const TABLE = 'console_session_tokens';

export class DatabaseConsoleSessionTokensStore
  implements ConsoleSessionTokensStore
{
  constructor(private readonly db: Knex) {}

  async consume(token: ConsumedConsoleToken): Promise<boolean> {
    try {
      // One INSERT on the primary key: of concurrent uses, the database lets one through.
      await this.db(TABLE).insert({
        token_id: token.tokenId,
        vm_id: token.vmId,
        grant_id: token.grantId,
        user_ref: normalizeEntityRef(token.userRef),
        expires_at: token.expiresAt,
        consumed_at: token.consumedAt,
      });
      return true;
    } catch (error) {
      if (isDatabaseConflictError(error)) return false;
      throw error;
    }
  }

  async deleteExpired(before: string): Promise<number> {
    return this.db(TABLE).where('expires_at', '<', before).delete();
  }
}
