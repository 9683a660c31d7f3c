import { parse } from 'yaml';
import { cloudInitLoginUser, withSshAuthorizedKey } from './cloudInitLogin';

const KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com';
const OTHER_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ops@example.com';

describe('cloudInitLoginUser', () => {
  it.each([
    ['no user data', undefined, undefined],
    [
      'a cloud-config without users',
      '#cloud-config\npackages: [git]\n',
      undefined,
    ],
    [
      'the default user named by user',
      '#cloud-config\nuser: fedora\n',
      'fedora',
    ],
    [
      'user as a mapping',
      '#cloud-config\nuser:\n  name: cloud-user\n',
      'cloud-user',
    ],
    [
      'system_info.default_user',
      '#cloud-config\nsystem_info:\n  default_user:\n    name: rocky\n',
      'rocky',
    ],
    [
      'a users list with the default user',
      '#cloud-config\nusers: [default, ops]\n',
      undefined,
    ],
    [
      'a users list without the default user',
      '#cloud-config\nusers:\n  - name: shepherd\n    sudo: ALL=(ALL) NOPASSWD:ALL\n  - ops\n',
      'shepherd',
    ],
    ['user data that is not a mapping', '#cloud-config\n- a\n', undefined],
  ])('%s', (_, userData, user) => {
    expect(cloudInitLoginUser(userData)).toBe(user);
  });
});

describe('withSshAuthorizedKey', () => {
  it('gives a VM without template cloud-init a cloud-config with the key', () => {
    const userData = withSshAuthorizedKey(undefined, KEY);
    expect(userData.split('\n')[0]).toBe('#cloud-config');
    expect(parse(userData)).toEqual({ ssh_authorized_keys: [KEY] });
  });

  it("adds the key for the default user and keeps the template's cloud-config", () => {
    const template = [
      '#cloud-config',
      '# Password logins are off: keys only.',
      'ssh_pwauth: false',
      'user: fedora',
      'ssh_authorized_keys:',
      `  - ${OTHER_KEY}`,
      'packages:',
      '  - qemu-guest-agent',
      '',
    ].join('\n');
    const userData = withSshAuthorizedKey(template, KEY);
    expect(userData.split('\n')[0]).toBe('#cloud-config');
    expect(userData).toContain('# Password logins are off: keys only.');
    expect(parse(userData)).toEqual({
      ssh_pwauth: false,
      user: 'fedora',
      ssh_authorized_keys: [OTHER_KEY, KEY],
      packages: ['qemu-guest-agent'],
    });
    // The key stays on one line, as cloud-init writes it to authorized_keys.
    expect(userData).toContain(`  - ${KEY}\n`);
  });

  it('does not add a key twice', () => {
    const once = withSshAuthorizedKey(undefined, KEY);
    expect(withSshAuthorizedKey(once, KEY)).toBe(once);
  });

  it('adds the key to the first listed user when the default user is left out', () => {
    const template = [
      '#cloud-config',
      'users:',
      '  - shepherd',
      '  - name: ops',
      '    ssh_authorized_keys: [ops-key]',
      '',
    ].join('\n');
    expect(parse(withSshAuthorizedKey(template, KEY))).toEqual({
      users: [
        { name: 'shepherd', ssh_authorized_keys: [KEY] },
        { name: 'ops', ssh_authorized_keys: ['ops-key'] },
      ],
    });
  });

  it('gives the key to the default user when the users list keeps it', () => {
    const template = '#cloud-config\nusers: [default, ops]\n';
    expect(parse(withSshAuthorizedKey(template, KEY))).toEqual({
      users: ['default', 'ops'],
      ssh_authorized_keys: [KEY],
    });
  });

  it('writes a key as a string, whatever its comment holds', () => {
    const tricky = `${KEY.split(' ').slice(0, 2).join(' ')} a: b # c`;
    expect(parse(withSshAuthorizedKey(undefined, tricky))).toEqual({
      ssh_authorized_keys: [tricky],
    });
  });

  it('refuses template user data that is not a cloud-config mapping', () => {
    expect(() => withSshAuthorizedKey('#cloud-config\n- a\n', KEY)).toThrow(
      /not a cloud-config mapping/,
    );
  });
});
