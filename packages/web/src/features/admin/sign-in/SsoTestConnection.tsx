import { Alert, Button, List, Stack } from '@mantine/core';
import { errorMessage } from '../../../lib/errors.ts';
import { useTestSsoConnection } from './use-test-sso-connection.ts';

/** Runs discovery against the issuer typed in the form (before saving) and shows what the provider offers. */
export function SsoTestConnection({ issuer }: { issuer: string }) {
  const test = useTestSsoConnection();
  const result = test.data;
  return (
    <Stack gap="xs" data-testid="sso-test">
      <div>
        <Button
          variant="default"
          size="xs"
          onClick={() => test.mutate(issuer.trim() || undefined)}
          loading={test.isPending}
          data-testid="sso-test-button"
        >
          Test connection
        </Button>
      </div>
      {test.error ? (
        <Alert color="red" variant="light">
          {errorMessage(test.error)}
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Alert
          color="red"
          variant="light"
          title="The provider did not answer as expected"
          data-testid="sso-test-failed"
        >
          {result.error}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Alert color="green" variant="light" title="The provider answered" data-testid="sso-test-ok">
          <List size="sm" spacing={2} style={{ overflowWrap: 'anywhere' }}>
            <List.Item>Issuer: {result.provider.issuer}</List.Item>
            <List.Item>Sign-in page: {result.provider.authorizationEndpoint ?? '—'}</List.Item>
            <List.Item>Token endpoint: {result.provider.tokenEndpoint ?? '—'}</List.Item>
            <List.Item>User info: {result.provider.userinfoEndpoint ?? 'none'}</List.Item>
            <List.Item>Signing keys: {result.provider.jwksUri ?? '—'}</List.Item>
            <List.Item>PKCE (S256): {result.provider.pkceS256 ? 'supported' : 'not advertised'}</List.Item>
            {result.provider.claimsSupported.length ? (
              <List.Item>Claims: {result.provider.claimsSupported.join(', ')}</List.Item>
            ) : null}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
