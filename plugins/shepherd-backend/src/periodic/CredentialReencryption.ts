import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CredentialCipher,
  CredentialCipherError,
} from '../crypto/CredentialCipher';
import { ClustersStore } from '../database/stores/clusters/ClustersStore';

/** The periodic re-encryption of stored credentials under the current key. */
export const CREDENTIAL_REENCRYPTION_TASK = 'shepherd-credential-reencryption';

/** Credentials read, re-encrypted and written per batch. */
export const REENCRYPTION_BATCH_SIZE = 50;

/** What one run did. */
export interface ReencryptionRun {
  /** Moved to the current key. */
  reencrypted: number;
  /** Changed by someone else (an upload, another replica) between read and write: left alone. */
  changedMeanwhile: number;
  /** Could not be decrypted (a damaged value): left as they are, and reported. */
  failed: number;
}

/** How the stored credentials stand towards the configured keys (for health). */
export interface CredentialKeyUsage {
  /** Clusters with stored credentials. */
  total: number;
  /** Credentials under a previous key: the re-encryption task still has to move them. */
  onPreviousKeys: number;
  /** Credentials under a key that is not configured at all: unreadable until it is again. */
  onUnknownKeys: number;
}

/**
 * Moves every stored cluster credential encrypted under a previous key to the current key,
 * in batches. Each credential is replaced with one conditional write (only if it is still
 * what was read), so the task is idempotent and crash-safe: the key id stored with each
 * credential is the record of progress, a run that stops half-way leaves every credential
 * readable under one configured key, and the next run (on any replica) picks up the rest.
 * Several replicas running at once only lose races, which they count and skip.
 */
export class CredentialReencryption {
  constructor(
    private readonly clusters: ClustersStore,
    private readonly cipher: CredentialCipher,
    private readonly logger: LoggerService,
    private readonly batchSize: number = REENCRYPTION_BATCH_SIZE,
  ) {}

  async usage(): Promise<CredentialKeyUsage> {
    const byKey = await this.clusters.countCredentialsByKey();
    const previous = new Set(this.cipher.previousKeyIds);
    const usage: CredentialKeyUsage = {
      total: 0,
      onPreviousKeys: 0,
      onUnknownKeys: 0,
    };
    for (const [keyId, count] of Object.entries(byKey)) {
      usage.total += count;
      if (previous.has(keyId)) usage.onPreviousKeys += count;
      else if (keyId !== this.cipher.currentKeyId) usage.onUnknownKeys += count;
    }
    return usage;
  }

  async run(): Promise<ReencryptionRun> {
    const result: ReencryptionRun = {
      reencrypted: 0,
      changedMeanwhile: 0,
      failed: 0,
    };
    const keyIds = this.cipher.previousKeyIds;
    if (!this.cipher.isConfigured || keyIds.length === 0) return result;

    let afterClusterId: string | undefined;
    for (;;) {
      const batch = await this.clusters.listCredentialsByKeys({
        keyIds,
        afterClusterId,
        limit: this.batchSize,
      });
      for (const stored of batch) {
        afterClusterId = stored.clusterId;
        let next;
        try {
          next = this.cipher.reencrypt(
            {
              keyId: stored.encryptionKeyId,
              ciphertext: stored.encryptedKubeconfig,
            },
            stored.clusterId,
          );
        } catch (error) {
          if (!(error instanceof CredentialCipherError)) throw error;
          result.failed += 1;
          // The cipher's messages name the key id and the failure, never key or plaintext.
          this.logger.warn(
            `The credentials of cluster ${stored.clusterId} cannot be re-encrypted: ${error.message}`,
            { clusterId: stored.clusterId },
          );
          continue;
        }
        const replaced = await this.clusters.reencryptCredentials(
          stored.clusterId,
          stored,
          { encryptedKubeconfig: next.ciphertext, encryptionKeyId: next.keyId },
        );
        if (replaced) result.reencrypted += 1;
        else result.changedMeanwhile += 1;
      }
      if (batch.length > 0) {
        this.logger.info(
          `Re-encrypted ${result.reencrypted} cluster credentials under the key '${this.cipher.currentKeyId}' so far`,
        );
      }
      if (batch.length < this.batchSize) break;
    }
    if (result.failed > 0) {
      this.logger.warn(
        `${result.failed} cluster credentials could not be re-encrypted; upload them again`,
      );
    }
    return result;
  }
}
