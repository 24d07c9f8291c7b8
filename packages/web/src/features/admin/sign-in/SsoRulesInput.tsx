import { Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Role } from '@pi-studio/core/access/roles';
import { ROLE_OPTIONS } from '../../../lib/labels.ts';
import type { SsoRule } from './sso-api.ts';

type Props = {
  value: SsoRule[];
  onChange: (next: SsoRule[]) => void;
  subsidiaryCodes: string[];
  fieldError: (name: string) => string | undefined;
};

const MATCH_OPTIONS = [
  { value: 'group', label: 'Group' },
  { value: 'domain', label: 'Email domain' },
];

/** "Group X → role R in subsidiary S" rows; a subsidiary named here is managed by SSO at each sign-in. */
export function SsoRulesInput({ value, onChange, subsidiaryCodes, fieldError }: Props) {
  const update = (i: number, patch: Partial<SsoRule>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () =>
    onChange([...value, { match: 'group', value: '', subsidiary: subsidiaryCodes[0] ?? '', role: 'viewer' }]);

  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          Memberships from the provider
        </Text>
        <Text size="xs" c="dimmed">
          At each single sign-on, the person's role in every subsidiary named below is set from these rules (the
          strongest matching role wins) or removed when none matches — also a role given by hand. Subsidiaries not named
          here are never changed by single sign-on.
        </Text>
      </div>
      {value.length ? (
        // Rows wrap instead of a table that scrolls sideways: on a phone each rule takes two lines.
        <Stack gap="xs" data-testid="sso-rules">
          {value.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid={`sso-rule-${i}`}>
              <Select
                size="xs"
                w={130}
                aria-label="Match"
                data={MATCH_OPTIONS}
                value={r.match}
                allowDeselect={false}
                onChange={(v) => update(i, { match: (v ?? 'group') as SsoRule['match'] })}
              />
              <TextInput
                size="xs"
                style={{ flex: '1 1 160px' }}
                aria-label={r.match === 'group' ? 'Group name or id' : 'Email domain'}
                placeholder={r.match === 'group' ? 'group, e.g. pi-builders' : 'domain, e.g. studio.example'}
                value={r.value}
                onChange={(e) => update(i, { value: e.currentTarget.value })}
                error={fieldError(`rules.${i}.value`)}
                data-testid={`sso-rule-value-${i}`}
              />
              <Text size="xs" c="dimmed" pt={6}>
                →
              </Text>
              <Select
                size="xs"
                w={110}
                aria-label="Subsidiary"
                data={subsidiaryCodes}
                value={r.subsidiary}
                allowDeselect={false}
                onChange={(v) => update(i, { subsidiary: v ?? '' })}
                error={fieldError(`rules.${i}.subsidiary`)}
                data-testid={`sso-rule-subsidiary-${i}`}
              />
              <Select
                size="xs"
                w={130}
                aria-label="Role"
                data={ROLE_OPTIONS}
                value={r.role}
                allowDeselect={false}
                onChange={(v) => update(i, { role: (v ?? 'viewer') as Role })}
                data-testid={`sso-rule-role-${i}`}
              />
              <CloseButton
                size="sm"
                mt={2}
                aria-label="Remove rule"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No rules: single sign-on changes nobody's memberships.
        </Text>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={add} data-testid="sso-add-rule">
          Add rule
        </Button>
      </Group>
    </Stack>
  );
}
