// Administration → Sign-in → Single sign-on: the OpenID Connect provider, who may come in and with which roles, and
// the studio-wide switch for password sign-in.
import { Button, Card, Divider, Group, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useSubsidiaries } from '../queries.ts';
import { SsoProviderFields } from './SsoProviderFields.tsx';
import { SsoRulesInput } from './SsoRulesInput.tsx';
import { SsoTestConnection } from './SsoTestConnection.tsx';
import type { SsoSettings } from './sso-api.ts';
import { bodyOf, draftOf, type SsoDraft } from './sso-form.ts';
import { useSsoSettings } from './sso-queries.ts';
import { useSaveSsoSettings } from './use-save-sso-settings.ts';

const FIELDS = ['enabled', 'issuer', 'clientId', 'clientSecret', 'label', 'jit', 'groupsClaim', 'localPasswordSignIn'];

export function SsoCard() {
  const settings = useSsoSettings();
  return (
    <Card withBorder data-testid="sso-settings">
      <QueryState query={settings}>{(data) => <SsoForm saved={data} />}</QueryState>
    </Card>
  );
}

function SsoForm({ saved }: { saved: SsoSettings }) {
  const save = useSaveSsoSettings();
  const subsidiaries = useSubsidiaries();
  const [draft, setDraft] = useState<SsoDraft>(() => draftOf(saved));
  useEffect(() => setDraft(draftOf(saved)), [saved]);
  const set = (patch: Partial<SsoDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldError = (name: string) => (isApiError(save.error) ? save.error.fieldError(name) : undefined);
  const codes = subsidiaries.data?.items.map((s) => s.code) ?? [];
  const pinned = saved.source === 'environment';

  const submit = () => save.mutate(bodyOf(draft), { onSuccess: () => notifySuccess('Single sign-on settings saved') });

  return (
    <Stack maw={860}>
      <div>
        <Title order={4}>Single sign-on</Title>
        <Text size="sm" c="dimmed">
          Let people sign in with their company account through OpenID Connect (Microsoft Entra ID, Google Workspace,
          Okta, Keycloak…). Register PI Studio at the provider as a web application with the redirect URI below, then
          enter what the provider gives you.
        </Text>
      </div>
      <FormError error={save.error} fields={[...FIELDS, 'allowedDomains', 'rules']} testId="sso-error" />
      <Switch
        label="Use single sign-on"
        description={pinned ? 'On: the environment sets the provider' : 'Shows "Sign in with …" on the login page'}
        checked={pinned || draft.enabled}
        disabled={pinned}
        onChange={(e) => set({ enabled: e.currentTarget.checked })}
        error={fieldError('enabled')}
        data-testid="sso-enabled"
      />
      <SsoProviderFields draft={draft} saved={saved} set={set} fieldError={fieldError} />
      <SsoTestConnection issuer={pinned ? '' : draft.issuer} />
      <Divider />
      <Title order={5}>Who may sign in</Title>
      <Switch
        label="Create accounts on first sign-in (just-in-time)"
        description="Off: only people who already have a PI Studio account with the same (verified) email can use single sign-on"
        checked={draft.jit}
        onChange={(e) => set({ jit: e.currentTarget.checked })}
        data-testid="sso-jit"
      />
      <TagsInput
        label="Allowed email domains"
        description="Empty: any domain the provider vouches for. Press Enter after each domain."
        placeholder="studio.example"
        value={draft.allowedDomains}
        onChange={(v) => set({ allowedDomains: v })}
        error={draft.allowedDomains.map((_, i) => fieldError(`allowedDomains.${i}`)).find(Boolean)}
        data-testid="sso-domains"
      />
      <TextInput
        label="Groups claim"
        description="The claim that lists a person's groups (Entra ID: groups, object ids unless configured otherwise)"
        value={draft.groupsClaim}
        onChange={(e) => set({ groupsClaim: e.currentTarget.value })}
        error={fieldError('groupsClaim')}
        maw={320}
        data-testid="sso-groups-claim"
      />
      <SsoRulesInput
        value={draft.rules}
        onChange={(rules) => set({ rules })}
        subsidiaryCodes={codes}
        fieldError={fieldError}
      />
      <Divider />
      <Switch
        label="Password sign-in for everyone"
        description="Off: only single sign-on, except administrators, who keep their password (and two-step code) as emergency access"
        checked={draft.localPasswordSignIn}
        onChange={(e) => set({ localPasswordSignIn: e.currentTarget.checked })}
        error={fieldError('localPasswordSignIn')}
        data-testid="sso-local-password"
      />
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="sso-save">
          Save
        </Button>
      </Group>
    </Stack>
  );
}
