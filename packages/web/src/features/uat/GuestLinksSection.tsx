// Guest links for testers without an account: one per person, scoped to this session, expiring after a few days.
// The link is shown once, when it is made (only its hash is stored); a revoked link stops working at once.
import { Alert, Button, Card, CopyButton, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { UAT_LIMITS } from '@pi-studio/core/contract/uat';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import type { UatGuestLink, UatGuestLinkCreated } from './api.ts';
import { GUEST_LINK_STATE_LABEL } from './format.ts';
import { useGuestLinks } from './queries.ts';
import { useCreateGuestLink } from './use-create-guest-link.ts';
import { useRevokeGuestLink } from './use-revoke-guest-link.ts';

type Props = { code: string; sessionKey: string };

export function GuestLinksSection({ code, sessionKey }: Props) {
  const links = useGuestLinks(code, sessionKey, true);
  const [created, setCreated] = useState<UatGuestLinkCreated | null>(null);
  return (
    <Stack gap="md">
      <NewGuestLinkForm code={code} sessionKey={sessionKey} onCreated={setCreated} />
      <QueryState
        query={links}
        isEmpty={(items) => items.length === 0}
        emptyTitle="No guest links"
        emptyDescription="A guest link lets someone without an account run this session's cases on any device."
        testId="guest-links"
      >
        {(items) => (
          <Stack gap={6} data-testid="guest-link-list">
            {items.map((l) => (
              <GuestLinkRow key={l.id} code={code} sessionKey={sessionKey} link={l} />
            ))}
          </Stack>
        )}
      </QueryState>
      {created ? <CreatedLinkModal created={created} onClose={() => setCreated(null)} /> : null}
    </Stack>
  );
}

function NewGuestLinkForm({ code, sessionKey, onCreated }: Props & { onCreated: (c: UatGuestLinkCreated) => void }) {
  const create = useCreateGuestLink(code, sessionKey);
  const [guestName, setGuestName] = useState('');
  const [days, setDays] = useState<number>(UAT_LIMITS.guestLinkDefaultDays);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { guestName: guestName.trim(), expiresInDays: days },
      {
        onSuccess: (c) => {
          setGuestName('');
          onCreated(c);
        },
      },
    );
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} data-testid="guest-link-form">
      <Stack gap="xs">
        <FormError error={create.error} fields={['guestName', 'expiresInDays']} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Guest's name"
            placeholder="Sam Tester"
            required
            maxLength={UAT_LIMITS.name}
            value={guestName}
            onChange={(e) => setGuestName(e.currentTarget.value)}
            error={fieldError(create.error, 'guestName')}
            style={{ flex: '1 1 180px' }}
            data-testid="guest-name"
          />
          <NumberInput
            label="Expires after (days)"
            min={1}
            max={UAT_LIMITS.guestLinkMaxDays}
            allowDecimal={false}
            clampBehavior="strict"
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : UAT_LIMITS.guestLinkDefaultDays)}
            error={fieldError(create.error, 'expiresInDays')}
            w={150}
            data-testid="guest-days"
          />
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!guestName.trim()}
            className="uat-tap"
            data-testid="guest-link-create"
          >
            Create link
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function GuestLinkRow({ code, sessionKey, link: l }: Props & { link: UatGuestLink }) {
  const revoke = useRevokeGuestLink(code, sessionKey);
  return (
    <Card withBorder padding="xs" data-testid="guest-link" data-state={l.state}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} className="uat-wrap">
            {l.guestName}{' '}
            <Text span size="sm" c={l.state === 'active' ? 'green' : 'dimmed'} data-testid="guest-link-state">
              {GUEST_LINK_STATE_LABEL[l.state]}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {l.state === 'revoked'
              ? `Revoked ${formatDateTime(l.revokedAt)}`
              : `Expires ${formatDateTime(l.expiresAt)}`}
            {' · '}
            {l.lastUsedAt ? `last used ${formatDateTime(l.lastUsedAt)}` : 'not used yet'}
          </Text>
        </div>
        {l.state === 'active' ? (
          <ConfirmButton
            variant="light"
            color="red"
            className="uat-tap"
            loading={revoke.isPending}
            confirm={{
              title: 'Revoke this guest link?',
              message: `${l.guestName} can no longer open the session or record results with it. This cannot be undone; create a new link if needed.`,
              confirmLabel: 'Revoke link',
              danger: true,
            }}
            onConfirm={() =>
              revoke.mutate(l.id, {
                onSuccess: () => notifySuccess(`The link for ${l.guestName} no longer works`, 'Link revoked'),
                onError: (err) => notifyError(err),
              })
            }
            data-testid="guest-link-revoke"
          >
            Revoke
          </ConfirmButton>
        ) : null}
      </Group>
    </Card>
  );
}

/** The secret link, this once: copy it and send it to the guest (it cannot be shown again). */
function CreatedLinkModal({ created, onClose }: { created: UatGuestLinkCreated; onClose: () => void }) {
  const url = `${window.location.origin}${created.path}`;
  return (
    <Modal opened onClose={onClose} title={`Guest link for ${created.link.guestName}`}>
      <Stack>
        <Alert color="yellow" variant="light">
          Copy the link now: it is shown only this once. It works until {formatDateTime(created.link.expiresAt)} or
          until you revoke it.
        </Alert>
        <TextInput
          readOnly
          value={url}
          aria-label="Guest link"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="guest-link-url"
        />
        <Group justify="flex-end">
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                color={copied ? 'green' : undefined}
                onClick={copy}
                className="uat-tap"
                data-testid="guest-link-copy"
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose} className="uat-tap" data-testid="guest-link-done">
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
