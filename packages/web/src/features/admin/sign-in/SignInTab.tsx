// Administration → Sign-in: the studio-wide sign-in policy. Each part (two-step sign-in, single sign-on) is its own
// card component, so they can be added and changed independently.
import { Stack } from '@mantine/core';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useSignInSettings } from './queries.ts';
import { SsoCard } from './SsoCard.tsx';
import { TwoStepPolicyCard } from './TwoStepPolicyCard.tsx';

export function SignInTab() {
  const settings = useSignInSettings();
  return (
    <QueryState query={settings}>
      {(data) => (
        <Stack data-testid="sign-in-settings">
          <TwoStepPolicyCard settings={data} />
          <SsoCard />
        </Stack>
      )}
    </QueryState>
  );
}
