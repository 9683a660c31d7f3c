import {
  SHEPHERD_ERROR_CODES,
  checkSshPublicKey,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';
import { withCode } from '../common';

export const SSH_KEY_LABEL = 'SSH public key (optional)';
export const SSH_KEY_HELP =
  "Paste one public key, e.g. the contents of ~/.ssh/id_ed25519.pub: the VM's login user will accept it. The VM's templates turn password logins off; never paste a password or a private key.";

/** What is wrong with a typed key, in the backend's words and code; undefined when nothing is. */
export function sshKeyError(typed: string): string | undefined {
  if (typed.trim() === '') return undefined;
  const check = checkSshPublicKey(typed);
  return check.ok
    ? undefined
    : withCode(check.message, SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID);
}

/** The review's title of the key, and what it says when none is given. */
export const SSH_KEY_REVIEW_TITLE = 'SSH public key';
export const NO_SSH_KEY =
  'None: the template decides how to log in (e.g. the console)';

/**
 * A typed key as the review names it: its type, comment and last characters, enough to
 * recognise the key without showing all of it; `ssh-ed25519 key "jane@laptop", ending …Q2Xw`.
 */
export function describeSshKey(typed: string): string {
  if (typed.trim() === '') return NO_SSH_KEY;
  const check = checkSshPublicKey(typed);
  if (!check.ok) return check.message;
  const [, data, ...comment] = check.key.split(' ');
  const named = comment.length > 0 ? ` "${comment.join(' ')}"` : '';
  return `${check.type} key${named}, ending …${data.slice(-8)}`;
}

/**
 * The requester's SSH public key for a new VM. It is checked as it is typed with the rules
 * the backend applies (one key of an accepted type, its length); `errorText` is what the
 * backend said of it on submit, e.g. that it does not fit next to the template's cloud-init.
 */
export function SshKeyField(
  props: {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
    errorText?: string;
  } & Pick<TextFieldProps, 'fullWidth' | 'margin' | 'variant' | 'error'>,
) {
  const { value, onChange, errorText, error, ...layout } = props;
  const problem = errorText ?? sshKeyError(value);
  return (
    <TextField
      id="shepherd-request-ssh-key"
      label={SSH_KEY_LABEL}
      multiline
      minRows={2}
      placeholder="ssh-ed25519 AAAA… you@laptop"
      value={value}
      onChange={onChange}
      error={Boolean(error || problem)}
      helperText={problem ?? SSH_KEY_HELP}
      inputProps={{
        spellCheck: false,
        autoComplete: 'off',
        style: { fontFamily: 'monospace' },
      }}
      {...layout}
    />
  );
}
