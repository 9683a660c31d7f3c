import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { InstallationStore } from '../../database/stores/installation/InstallationStore';

/**
 * This Shepherd installation: its id labels every object Shepherd creates on a cluster
 * (`kubevirt-shepherd.io/installation`), and only objects labelled with it (and the expected
 * VM record id) are Shepherd's to change or delete. Replicas sharing a database share it.
 */
export interface ShepherdInstallation {
  readonly id: string;
}

/** The installation of a backend whose database has no schema: it has no id to give. */
class UnknownInstallation implements ShepherdInstallation {
  get id(): string {
    throw new Error(
      'The Shepherd installation id is unknown: the database schema is not migrated',
    );
  }
}

/** Where the installation id can be configured. */
export const INSTALLATION_ID_CONFIG_KEY = 'shepherd.installationId';

/** The longest Kubernetes label value. */
const LABEL_VALUE_MAX_LENGTH = 63;
/** A non-empty Kubernetes label value: alphanumeric at both ends, `-`, `_`, `.` inside. */
const LABEL_VALUE = /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/;

/** Why `value` cannot be an installation id, or undefined when it can. */
export function installationIdProblem(value: string): string | undefined {
  if (value.length > LABEL_VALUE_MAX_LENGTH) {
    return `it has ${value.length} characters; a Kubernetes label value has at most ${LABEL_VALUE_MAX_LENGTH}`;
  }
  if (!LABEL_VALUE.test(value)) {
    return 'a Kubernetes label value is made of letters, digits, -, _ and ., and starts and ends with a letter or digit';
  }
  return undefined;
}

/**
 * The installation, from `shepherd.installationId` when configured (validated as a
 * Kubernetes label value), else from the database, where the first start generates and keeps
 * one (race-free across replicas starting at once). A configured id is kept too, so that a
 * later change of the configuration is noticed and logged: objects labelled with the former
 * id are foreign to the new one.
 */
export async function resolveShepherdInstallation(options: {
  config: Config;
  knex: Knex;
  logger: LoggerService;
  now?: () => string;
}): Promise<ShepherdInstallation> {
  const now = options.now ?? (() => new Date().toISOString());
  const configured = options.config.getOptionalString(
    INSTALLATION_ID_CONFIG_KEY,
  );
  if (configured !== undefined) {
    const problem = installationIdProblem(configured);
    if (problem) {
      throw new Error(
        `Invalid ${INSTALLATION_ID_CONFIG_KEY} '${configured}': ${problem}`,
      );
    }
  }
  const installations = new InstallationStore(options.knex);
  if (!(await installations.exists())) {
    // Migrations are skipped and the schema is not there (yet): the backend starts degraded,
    // as its health says, and nothing that labels or owns objects can run.
    options.logger.error(
      'The Shepherd database schema is not migrated: the installation id is unknown until the migrations ran and the backend restarted',
    );
    return configured !== undefined
      ? { id: configured }
      : new UnknownInstallation();
  }
  const stored = await installations.claim(configured ?? randomUUID(), now());
  if (configured !== undefined && configured !== stored) {
    options.logger.warn(
      `${INSTALLATION_ID_CONFIG_KEY} is '${configured}', but this database's VMs were created as installation '${stored}': Shepherd treats objects labelled '${stored}' as foreign and will not change or delete them`,
    );
  }
  const id = configured ?? stored;
  options.logger.info(`Shepherd installation id: ${id}`);
  return { id };
}
