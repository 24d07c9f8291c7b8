// The PO/VB's sign-off: of a UAT session (the stories its cases test, at its build) or of a release (the product's
// done stories, at a build named here); the decision in words, the conditions a decision asks for, and — before
// anything is recorded — exactly which stories will be signed. A sign-off joins the product's hash chain and cannot be
// changed, so it asks for a confirmation first.
import {
  Alert,
  Button,
  Card,
  Group,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { SIGNOFF_DECISIONS, SIGNOFF_LIMITS, type SignoffScope } from '@pi-studio/core/contract/signoff';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { useStoryPage } from '../backlog/queries.ts';
import { newestFirst } from '../uat/format.ts';
import { useUatCases, useUatSessions } from '../uat/queries.ts';
import type { SignoffBody, SignoffDecision } from './api.ts';
import { conditionsField, DECISION_LABEL } from './format.ts';
import { useRecordSignoff } from './use-record-signoff.ts';

type Props = { code: string; initialSession?: string; currentBuild: string | null };

export function SignoffForm({ code, initialSession, currentBuild }: Props) {
  const sessions = useUatSessions(code);
  const record = useRecordSignoff(code);
  const [scope, setScope] = useState<SignoffScope>('session');
  const [sessionKey, setSessionKey] = useState<string | null>(initialSession ?? null);
  const [buildVersion, setBuildVersion] = useState(currentBuild ?? '');
  const [decision, setDecision] = useState<SignoffDecision>('signed');
  const [conditions, setConditions] = useState('');
  const listed = newestFirst(sessions.data ?? []);
  // The session asked for in the address, else the latest: the one a sign-off usually concerns.
  const session = listed.find((s) => s.key === sessionKey) ?? (sessionKey ? undefined : listed[0]);
  const field = conditionsField(decision);

  const body = (): SignoffBody | null => {
    const text = field.shown ? conditions.trim() : '';
    if (scope === 'release') return { scope, buildVersion: buildVersion.trim(), decision, conditions: text };
    return session ? { scope, sessionId: session.id, decision, conditions: text } : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = body();
    if (!b) return;
    const what = b.scope === 'session' ? `${session?.key}` : `release ${b.buildVersion}`;
    const ok = await confirmAction({
      title: `Sign off ${what}?`,
      message: `Decision: ${DECISION_LABEL[decision]}. The sign-off joins ${code}'s hash chain and cannot be changed or removed afterwards.`,
      confirmLabel: 'Record sign-off',
      danger: decision === 'refused',
    });
    if (!ok) return;
    record.mutate(b, {
      onSuccess: (s) => {
        notifySuccess(`${s.key}: ${DECISION_LABEL[s.decision]}`, 'Sign-off recorded');
        // A recorded sign-off is final: the form starts over rather than inviting a second one by accident.
        setDecision('signed');
        setConditions('');
      },
    });
  };

  const ready =
    (scope === 'session' ? Boolean(session) : buildVersion.trim() !== '') &&
    (!field.required || conditions.trim() !== '');

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="signoff-form">
      <Stack gap="sm">
        <Title order={5}>New sign-off</Title>
        <FormError error={record.error} fields={['conditions', 'sessionId', 'buildVersion', 'decision']} />
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as SignoffScope)}
          data={[
            { value: 'session', label: 'A UAT session' },
            { value: 'release', label: 'A release' },
          ]}
          data-testid="signoff-scope-input"
        />
        {scope === 'session' ? (
          <Select
            label="Session"
            data={listed.map((s) => ({
              value: s.key,
              label: `${s.key} · ${s.title} (build ${s.buildVersion})`,
            }))}
            value={session?.key ?? null}
            onChange={setSessionKey}
            placeholder={sessions.isPending ? 'Loading sessions…' : 'No sessions yet'}
            error={fieldError(record.error, 'sessionId')}
            data-testid="signoff-session"
          />
        ) : (
          <TextInput
            label="Build version"
            description="The build the release ships"
            required
            maxLength={SIGNOFF_LIMITS.buildVersion}
            value={buildVersion}
            onChange={(e) => setBuildVersion(e.currentTarget.value)}
            error={fieldError(record.error, 'buildVersion')}
            data-testid="signoff-build"
          />
        )}
        <WhatWillBeSigned code={code} scope={scope} sessionKey={session?.key ?? null} />
        <Radio.Group
          label="Decision"
          value={decision}
          onChange={(v) => setDecision(v as SignoffDecision)}
          error={fieldError(record.error, 'decision')}
        >
          <Stack gap={6} mt={6}>
            {SIGNOFF_DECISIONS.map((d) => (
              <Radio.Card key={d} value={d} p="sm" className="uat-tap" data-testid={`decision-${d}`}>
                <Group gap="sm" wrap="nowrap">
                  <Radio.Indicator />
                  <Text size="sm">{DECISION_LABEL[d]}</Text>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        {field.shown ? (
          <Textarea
            label={field.label}
            required={field.required}
            autosize
            minRows={3}
            maxLength={SIGNOFF_LIMITS.conditions}
            value={conditions}
            onChange={(e) => setConditions(e.currentTarget.value)}
            error={fieldError(record.error, 'conditions')}
            data-testid="signoff-conditions-input"
          />
        ) : null}
        <Button
          type="submit"
          loading={record.isPending}
          disabled={!ready}
          className="uat-tap"
          data-testid="signoff-submit"
        >
          Record sign-off
        </Button>
      </Stack>
    </Card>
  );
}

/** The stories the server will sign: those the session's cases test, or the product's done stories. */
function WhatWillBeSigned({
  code,
  scope,
  sessionKey,
}: {
  code: string;
  scope: SignoffScope;
  sessionKey: string | null;
}) {
  const cases = useUatCases(code, sessionKey ?? '', scope === 'session' && sessionKey !== null);
  const done = useStoryPage(code, { status: 'done' }, undefined);
  let keys: string[] | null;
  if (scope === 'session') {
    keys = sessionKey && cases.data ? [...new Set(cases.data.flatMap((c) => (c.storyKey ? [c.storyKey] : [])))] : null;
  } else {
    keys = done.data ? done.data.items.map((s) => s.key) : null;
  }
  const more = scope === 'release' && done.data?.nextCursor ? ' and more' : '';
  return (
    <Alert color="gray" variant="light" p="xs" title="What will be signed" data-testid="signoff-what">
      {keys === null ? (
        <Text size="sm">Reading the stories…</Text>
      ) : keys.length === 0 ? (
        <Text size="sm">
          Nothing: {scope === 'session' ? "the session's cases test no story" : 'the product has no done stories'}.
        </Text>
      ) : (
        <Text size="sm" className="uat-wrap">
          {keys.length} {keys.length === 1 ? 'story' : 'stories'} at their current revision: {keys.join(', ')}
          {more}. Each story's content is hashed into the record, so a later change to it is flagged.
        </Text>
      )}
    </Alert>
  );
}
