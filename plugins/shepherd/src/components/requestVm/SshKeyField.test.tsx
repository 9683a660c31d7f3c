import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { anInstanceSize } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { DetailsStep } from './DetailsStep';
import {
  DetailFields,
  WIZARD_STEPS,
  fieldErrorsOf,
  firstStepWith,
} from './requestVmRules';
import {
  NO_SSH_KEY,
  SSH_KEY_HELP,
  SSH_KEY_LABEL,
  SshKeyField,
  describeSshKey,
} from './SshKeyField';

const KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com';

function Field(props: { errorText?: string }) {
  const [value, setValue] = useState('');
  return (
    <SshKeyField
      value={value}
      onChange={event => setValue(event.target.value)}
      errorText={props.errorText}
    />
  );
}

const keyField = () => screen.getByRole('textbox', { name: SSH_KEY_LABEL });

describe('SshKeyField', () => {
  it('takes a public key and explains what it is for', async () => {
    const user = userEvent.setup();
    await renderShepherd(<Field />);

    expect(screen.getByText(SSH_KEY_HELP)).toBeVisible();
    await user.click(keyField());
    await user.paste(KEY);

    expect(keyField()).toHaveValue(KEY);
    expect(keyField()).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(SSH_KEY_HELP)).toBeVisible();
  });

  it('says what is wrong with what was typed, with the code the backend answers', async () => {
    const user = userEvent.setup();
    await renderShepherd(<Field />);

    await user.type(keyField(), 'hunter2');

    expect(keyField()).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        new RegExp(
          `^The SSH public key must start with its type.*\\(Code: ${SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID}\\)`,
        ),
      ),
    ).toBeVisible();
  });

  it("shows the backend's refusal of a key", async () => {
    await renderShepherd(
      <Field errorText="The SSH public key does not fit into the VM's cloud-init (Code: SSH_PUBLIC_KEY_INVALID)" />,
    );
    expect(
      screen.getByText(
        "The SSH public key does not fit into the VM's cloud-init (Code: SSH_PUBLIC_KEY_INVALID)",
      ),
    ).toBeVisible();
  });
});

describe('the key in the request wizard', () => {
  it('is a field of the details step', async () => {
    const changes: Array<[keyof DetailFields, string]> = [];
    const user = userEvent.setup();
    await renderShepherd(
      <DetailsStep
        size={anInstanceSize()}
        fields={{
          targetCpuCores: '',
          targetMemoryGi: '',
          targetDiskGb: '',
          sshPublicKey: '',
          reason: '',
        }}
        onChange={(name, value) => changes.push([name, value])}
        errors={{}}
      />,
    );

    await user.click(keyField());
    await user.paste(KEY);

    expect(changes).toEqual([['sshPublicKey', KEY]]);
  });

  it("takes the backend's refusal of the key to the details step", () => {
    const errors = fieldErrorsOf(
      new ShepherdApiError({
        message: 'The SSH public key must start with its type',
        code: SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID,
        status: 400,
        details: { field: 'sshPublicKey' },
      }),
    );
    expect(errors).toEqual({
      sshPublicKey:
        'The SSH public key must start with its type (Code: SSH_PUBLIC_KEY_INVALID)',
    });
    expect(WIZARD_STEPS[firstStepWith(errors)!].id).toBe('details');
  });
});

describe('the key on the review step', () => {
  it('is named by its type, comment and last characters, never in full', () => {
    expect(describeSshKey(`  ${KEY}\n`)).toBe(
      'ssh-ed25519 key "dev@example.com", ending …DxgQCAl2',
    );
    expect(describeSshKey(KEY)).not.toContain(KEY.split(' ')[1]);
  });

  it('says when no key is given', () => {
    expect(describeSshKey('  ')).toBe(NO_SSH_KEY);
  });
});
