import { Button, Checkbox, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { PASSWORD_RULE } from '@pi-studio/core/access/password-policy';
import type { CreatedUser, Membership } from '@pi-studio/core/contract/workspace';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { livePasswordError } from '../../account/password-feedback.ts';
import { useCreateUser } from '../use-create-user.ts';
import { InitialPasswordAlert } from './InitialPasswordAlert.tsx';
import { MembershipListInput } from './MembershipListInput.tsx';

type Props = { opened: boolean; onClose: () => void; subsidiaryCodes: string[] };

const FIELDS = ['email', 'name', 'password', 'isAdmin', 'memberships'] as const;

export function CreateUserModal({ opened, onClose, subsidiaryCodes }: Props) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [memberships, setMemberships] = useState<Membership[]>([]);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  // The same policy the server applies, as the administrator types; empty means "generate one".
  const weak = livePasswordError(password, { email: email.trim(), name: name.trim() });

  const close = () => {
    setEmail('');
    setName('');
    setPassword('');
    setIsAdmin(false);
    setMemberships([]);
    setCreated(null);
    create.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (weak) return;
    create.mutate(
      { email: email.trim(), name: name.trim(), password: password || undefined, isAdmin, memberships },
      {
        onSuccess: (user) => {
          notifySuccess(`User ${user.email} created`);
          if (user.initialPassword) setCreated(user);
          else close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg" closeOnClickOutside={!created}>
      {created?.initialPassword ? (
        <Stack>
          <InitialPasswordAlert email={created.email} password={created.initialPassword} />
          <Group justify="flex-end">
            <Button onClick={close} data-testid="new-user-done">
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} data-testid="new-user-form">
          <Stack>
            <FormError error={create.error} fields={FIELDS} />
            <TextInput
              label="Email"
              required
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(create.error, 'email')}
              data-testid="new-user-email"
            />
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, 'name')}
              data-testid="new-user-name"
            />
            <PasswordInput
              label="Password"
              description={`Leave empty to generate one (shown once after creation); otherwise ${PASSWORD_RULE}`}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={weak ?? fieldError(create.error, 'password')}
              data-testid="new-user-password"
            />
            <Checkbox
              label="Administrator (all subsidiaries, user management)"
              checked={isAdmin}
              onChange={(e) => setIsAdmin(e.currentTarget.checked)}
              error={fieldError(create.error, 'isAdmin')}
              data-testid="new-user-admin"
            />
            <MembershipListInput
              value={memberships}
              onChange={setMemberships}
              subsidiaryCodes={subsidiaryCodes}
              error={fieldError(create.error, 'memberships')}
            />
            <FormActions
              onCancel={close}
              submitLabel="Create user"
              loading={create.isPending}
              disabled={Boolean(weak)}
              testId="new-user-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
