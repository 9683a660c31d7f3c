import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The first line cloud-init needs to treat user data as cloud-config. @public */
export const CLOUD_CONFIG_HEADER = '#cloud-config';

/** The cloud-config key of the keys authorised for a user (or, top level, the default user). */
const AUTHORIZED_KEYS = 'ssh_authorized_keys';

/**
 * Where cloud-init's login user is configured in a cloud-config:
 * - `default`: the distribution's default user, named by `user` or
 *   `system_info.default_user.name` when the template says;
 * - `listed`: the first user of a `users` list that leaves the default user out, so that
 *   cloud-init creates no default user and that user is the one to log in as.
 */
type LoginUser =
  | { kind: 'default'; name?: string }
  | { kind: 'listed'; index: number; name: string };

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const name = (value as Record<string, unknown>).name;
    if (typeof name === 'string' && name.trim() !== '') return name.trim();
  }
  return undefined;
}

function loginUserOf(config: Record<string, unknown>): LoginUser {
  const users = config.users;
  if (Array.isArray(users) && users.length > 0 && !users.includes('default')) {
    const index = users.findIndex(user => nameOf(user) !== undefined);
    if (index >= 0) {
      return { kind: 'listed', index, name: nameOf(users[index])! };
    }
  }
  const systemInfo = config.system_info as
    | { default_user?: unknown }
    | undefined;
  return {
    kind: 'default',
    name:
      nameOf(config.user) ??
      (systemInfo && typeof systemInfo === 'object'
        ? nameOf(systemInfo.default_user)
        : undefined),
  };
}

/** The cloud-config of user data as a mapping, or undefined when it is not one. */
function parseCloudConfig(
  userData: string | undefined,
): { document: Document; config: Record<string, unknown> } | undefined {
  if (!userData?.trim()) return undefined;
  const document = parseDocument(userData, { uniqueKeys: true });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    return undefined;
  }
  return {
    document,
    config: document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>,
  };
}

/**
 * The user to log in as on a VM of a template, by the template's cloud-config: the first user
 * of a `users` list without `default`, else the default user when the template names it
 * (`user`, `system_info.default_user.name`). Undefined when the image's own default applies
 * (its name is the distribution's) or the user data is no cloud-config.
 *
 * @public
 */
export function cloudInitLoginUser(
  userData: string | undefined,
): string | undefined {
  const parsed = parseCloudConfig(userData);
  return parsed ? loginUserOf(parsed.config).name : undefined;
}

/** Appends a key to a sequence at a path of the document, unless it is there already. */
function addKey(document: Document, path: (string | number)[], key: string) {
  const existing = document.getIn(path);
  if (isSeq(existing)) {
    const present = existing.items.some(
      item => isScalar(item) && item.value === key,
    );
    if (!present) existing.add(document.createNode(key));
    return;
  }
  document.setIn(path, document.createNode([key]));
}

/**
 * The user data of a VM that also authorises an SSH public key for the login user (see
 * {@link cloudInitLoginUser}): the key joins the listed user's `ssh_authorized_keys`, or the
 * top-level `ssh_authorized_keys`, which cloud-init gives the default user. The template's
 * own cloud-config stays as it is (its keys, users, comments); without template user data the
 * result is a cloud-config that only authorises the key. The key must have been checked with
 * `checkSshPublicKey`; it is written as a YAML string, never as text.
 *
 * Throws when the template's user data is not a cloud-config mapping: templates are checked
 * when saved, so only a template saved before that check can fail here.
 *
 * @public
 */
export function withSshAuthorizedKey(
  userData: string | undefined,
  sshPublicKey: string,
): string {
  if (!userData?.trim()) {
    const document = new Document({ [AUTHORIZED_KEYS]: [sshPublicKey] });
    return `${CLOUD_CONFIG_HEADER}\n${document.toString({ lineWidth: 0 })}`;
  }
  const parsed = parseCloudConfig(userData);
  if (!parsed) {
    throw new Error(
      'The template cloud-init is not a cloud-config mapping; an SSH key cannot be added to it',
    );
  }
  const { document, config } = parsed;
  const login = loginUserOf(config);
  if (login.kind === 'listed') {
    const user = document.getIn(['users', login.index], true);
    if (isScalar(user)) {
      // A user given by name only becomes a mapping that can carry keys.
      document.setIn(
        ['users', login.index],
        document.createNode({ name: login.name }),
      );
    }
    addKey(document, ['users', login.index, AUTHORIZED_KEYS], sshPublicKey);
  } else {
    addKey(document, [AUTHORIZED_KEYS], sshPublicKey);
  }
  const rendered = document.toString({ lineWidth: 0 });
  // The header is a comment cloud-init requires on the first line; keep it there.
  return rendered.startsWith(CLOUD_CONFIG_HEADER)
    ? rendered
    : `${CLOUD_CONFIG_HEADER}\n${rendered}`;
}
