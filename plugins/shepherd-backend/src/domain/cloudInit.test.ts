import { checkCloudInit } from './cloudInit';

describe('checkCloudInit', () => {
  it('accepts cloud-config user data', () => {
    expect(
      checkCloudInit(
        '#cloud-config\nusers:\n  - name: fedora\n    ssh_authorized_keys: [ssh-ed25519 AAAA]\npackages: [qemu-guest-agent]\n',
      ),
    ).toEqual({ ok: true });
    expect(checkCloudInit('#cloud-config  \r\nruncmd: []')).toEqual({
      ok: true,
    });
  });

  it.each([
    ['a shell script', '#!/bin/sh\necho hi'],
    ['a missing header', 'users: []'],
    ['a header that is not the first line', '\n#cloud-config\nusers: []'],
  ])('refuses %s on line 1', (_what, userData) => {
    expect(checkCloudInit(userData)).toMatchObject({
      ok: false,
      line: 1,
      column: 1,
      message: expect.stringContaining('#cloud-config'),
    });
  });

  it("reports the parser's line and column", () => {
    const check = checkCloudInit(
      '#cloud-config\npackages:\n  - vim\nruncmd: [\n  - x\n',
    );
    expect(check).toMatchObject({ ok: false, line: 5 });
    if (check.ok) throw new Error('accepted');
    expect(check.column).toBeGreaterThan(0);
    expect(check.message).toMatch(/not valid YAML/);
  });

  it('refuses duplicate modules', () => {
    expect(
      checkCloudInit('#cloud-config\nruncmd: []\nruncmd: [x]'),
    ).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it.each([
    ['empty', '#cloud-config\n', 2],
    ['a list', '#cloud-config\n- a\n- b', 2],
    ['a scalar', '#cloud-config\n\nhello', 3],
  ])('refuses user data that is %s, not a mapping', (_what, userData, line) => {
    expect(checkCloudInit(userData)).toMatchObject({
      ok: false,
      line,
      message: expect.stringContaining('mapping'),
    });
  });
});
