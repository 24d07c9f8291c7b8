import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { SsoSettings } from './sso-api.ts';
import type { SsoDraft } from './sso-form.ts';

type Props = {
  draft: SsoDraft;
  saved: SsoSettings;
  set: (patch: Partial<SsoDraft>) => void;
  fieldError: (name: string) => string | undefined;
};

/** Issuer, client, secret and button label; read-only while the environment pins them. */
export function SsoProviderFields({ draft, saved, set, fieldError }: Props) {
  const pinned = saved.source === 'environment';
  return (
    <Stack gap="sm">
      {pinned ? (
        <Alert color="blue" variant="light" data-testid="sso-from-environment">
          The provider comes from the environment (PISTUDIO_OIDC_ISSUER, PISTUDIO_OIDC_CLIENT_ID, …) and cannot be
          changed here. The rules below still apply.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Issuer URL"
          description="e.g. https://login.microsoftonline.com/<tenant>/v2.0"
          value={draft.issuer}
          onChange={(e) => set({ issuer: e.currentTarget.value })}
          disabled={pinned}
          error={fieldError('issuer')}
          data-testid="sso-issuer"
        />
        <TextInput
          label="Button label"
          description='Shown as "Sign in with …"'
          value={draft.label}
          onChange={(e) => set({ label: e.currentTarget.value })}
          disabled={pinned}
          error={fieldError('label')}
          data-testid="sso-label"
        />
        <TextInput
          label="Client ID"
          value={draft.clientId}
          onChange={(e) => set({ clientId: e.currentTarget.value })}
          disabled={pinned}
          error={fieldError('clientId')}
          data-testid="sso-client-id"
        />
        <PasswordInput
          label="Client secret"
          description={saved.clientSecretSet ? 'A secret is saved; leave empty to keep it' : 'Not set'}
          placeholder={saved.clientSecretSet ? '••••••••' : ''}
          value={draft.clientSecret}
          onChange={(e) => set({ clientSecret: e.currentTarget.value })}
          disabled={pinned}
          error={fieldError('clientSecret')}
          autoComplete="new-password"
          data-testid="sso-client-secret"
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500}>
          Redirect URI to register at the provider
        </Text>
        <Group gap="xs" wrap="wrap">
          <Code style={{ overflowWrap: 'anywhere' }} data-testid="sso-redirect-uri">
            {saved.redirectUri}
          </Code>
          <CopyButton value={saved.redirectUri}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          Scopes requested: {saved.scopes}
        </Text>
      </div>
    </Stack>
  );
}
