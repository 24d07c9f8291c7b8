// Shows the login page when there is no session, otherwise the app with the session in context.
import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { LoginPage } from './LoginPage.tsx';
import { useMe } from './queries.ts';
import { SessionProvider } from './session.tsx';

export function AuthGate({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Opening PI Studio…" />;
  if (me.isError)
    return (
      <Center mih="100vh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  if (!me.data) return <LoginPage />;
  return <SessionProvider me={me.data}>{children}</SessionProvider>;
}
