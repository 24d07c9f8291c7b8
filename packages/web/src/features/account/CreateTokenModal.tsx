import { Checkbox, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { grantableScopes } from '@pi-studio/core/access/token-scopes';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { TOKEN_SCOPE_LABEL } from '../../lib/labels.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { useSession } from '../auth/session.tsx';
import type { TokenScope } from './api.ts';
import { TokenSecret } from './TokenSecret.tsx';
import { useCreateToken } from './use-create-token.ts';

const SCOPE_HELP: Record<TokenScope, string> = {
  read: 'read products, documents and reports',
  write: 'create and change what your roles allow',
  admin: 'administration: users, subsidiaries, settings',
  builder: 'build tools only: list stories ready for build and update their status',
  events: "a product's own systems only: send adoption events",
};

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateToken();
  // The server refuses anything wider than the session's user may grant; offer only what it would accept.
  const offered = grantableScopes({ isAdmin: useSession().user.isAdmin, via: 'session', scopes: [] });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [days, setDays] = useState<string | number>(90);
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setName('');
    setScopes(['read']);
    setDays(90);
    setSecret(null);
    create.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        scopes: scopes as TokenScope[],
        expiresInDays: typeof days === 'number' ? days : undefined,
      },
      { onSuccess: (created) => setSecret(created.token) },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? 'Token created' : 'New API token'}
      // While the secret shows, closing must be deliberate: a stray click would lose it for good.
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
      withCloseButton={!secret}
    >
      {secret ? (
        <TokenSecret secret={secret} onDone={close} />
      ) : (
        <form onSubmit={submit} data-testid="token-form">
          <Stack>
            <FormError error={create.error} fields={['name', 'scopes', 'expiresInDays']} testId="token-error" />
            <TextInput
              label="Name"
              description="Where it is used, e.g. “CI pipeline”"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, 'name')}
              data-testid="token-name"
            />
            <Checkbox.Group
              label="Scopes"
              value={scopes}
              onChange={setScopes}
              error={fieldError(create.error, 'scopes') ?? (scopes.length === 0 ? 'Choose at least one' : undefined)}
            >
              <Stack gap={6} mt={6}>
                {offered.map((s) => (
                  <Checkbox
                    key={s}
                    value={s}
                    label={`${TOKEN_SCOPE_LABEL[s]} — ${SCOPE_HELP[s]}`}
                    data-testid={`token-scope-${s}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <NumberInput
              label="Expires after (days)"
              description="Leave empty for a token that does not expire"
              min={1}
              max={3650}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              error={fieldError(create.error, 'expiresInDays')}
              data-testid="token-expiry"
            />
            <FormActions
              onCancel={close}
              submitLabel="Create token"
              loading={create.isPending}
              disabled={!name.trim() || scopes.length === 0}
              testId="token-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
