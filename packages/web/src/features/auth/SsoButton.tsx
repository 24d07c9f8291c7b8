// Single sign-on on the login page: the provider's button, the callback's error message, and — when password
// sign-in is off for the studio — the password form tucked behind an "Administrator sign-in" link (emergency access).
import { Alert, Anchor, Button, Divider, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ssoStartUrl } from './api.ts';
import { useLoginProviders } from './queries.ts';
import { ssoErrorMessage } from './sso-errors.ts';

const here = () => `${window.location.pathname}${window.location.search}`;

export function SsoButton() {
  const providers = useLoginProviders();
  const sso = providers.data?.sso;
  if (!sso?.enabled) return null;
  return (
    <>
      <Button component="a" href={ssoStartUrl(here())} variant="filled" fullWidth data-testid="sso-button">
        Sign in with {sso.label}
      </Button>
      {providers.data?.localPasswordSignIn ? <Divider label="or with your password" labelPosition="center" /> : null}
    </>
  );
}

/** What went wrong on the way back from the identity provider (`/login?error=<code>`). */
export function SsoErrorAlert() {
  const [message] = useState(() => ssoErrorMessage(window.location.search));
  if (!message) return null;
  return (
    <Alert color="red" role="alert" data-testid="sso-error">
      {message}
    </Alert>
  );
}

/** The password fields, unless the studio turned password sign-in off: then only on request, for administrators. */
export function PasswordSignIn({ children }: { children: ReactNode }) {
  const providers = useLoginProviders();
  const [asked, setAsked] = useState(false);
  if (!providers.data || providers.data.localPasswordSignIn || asked) return <>{children}</>;
  return (
    <Text size="sm" c="dimmed" ta="center">
      Password sign-in is turned off for this studio.{' '}
      <Anchor component="button" type="button" size="sm" onClick={() => setAsked(true)} data-testid="admin-sign-in">
        Administrator sign-in
      </Anchor>
    </Text>
  );
}
