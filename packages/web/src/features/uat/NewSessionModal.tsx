// Plans a session: what it tests (title, the build's version), which sprint's stories its cases come from, and who
// takes part. The server normalises and checks every field again and names the ones it refuses.
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { UAT_LIMITS } from '@pi-studio/core/contract/uat';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { SPRINT_STATUS_LABEL } from '../backlog/format.ts';
import { useSprints } from '../backlog/queries.ts';
import type { UatSession } from './api.ts';
import { type Participant, ParticipantsField } from './ParticipantsField.tsx';
import { useCreateSession } from './use-create-session.ts';

const FIELDS = ['title', 'buildVersion', 'sprintId', 'participants'] as const;

type Props = { code: string; subsidiary: string; onClose: () => void; onCreated: (s: UatSession) => void };

export function NewSessionModal({ code, subsidiary, onClose, onCreated }: Props) {
  const sprints = useSprints(code);
  const create = useCreateSession(code);
  const [title, setTitle] = useState('');
  const [buildVersion, setBuildVersion] = useState('');
  // The running sprint is what a UAT session usually tests, so it is picked when there is one.
  const active = sprints.data?.find((s) => s.status === 'active')?.id ?? null;
  const [sprintId, setSprintId] = useState<string | null | undefined>(undefined);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const sprint = sprintId === undefined ? active : sprintId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title: title.trim(), buildVersion: buildVersion.trim(), sprintId: sprint, participants },
      {
        onSuccess: (s) => {
          notifySuccess(`${s.key} planned`);
          onCreated(s);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="New UAT session" size="lg">
      <form onSubmit={submit} data-testid="new-session-form">
        <Stack>
          <FormError error={create.error} fields={FIELDS} />
          <TextInput
            label="Title"
            placeholder="Refunds, sprint 4"
            required
            data-autofocus
            maxLength={UAT_LIMITS.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(create.error, 'title')}
            data-testid="session-title"
          />
          <TextInput
            label="Build version"
            description="The version under test: a build number or a tag"
            placeholder="1.4.0-rc.2"
            required
            maxLength={UAT_LIMITS.buildVersion}
            value={buildVersion}
            onChange={(e) => setBuildVersion(e.currentTarget.value)}
            error={fieldError(create.error, 'buildVersion')}
            data-testid="session-build"
          />
          <Select
            label="Sprint"
            description="Cases are generated from this sprint's stories"
            placeholder={sprints.isPending ? 'Loading sprints…' : 'No sprint'}
            data={(sprints.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${SPRINT_STATUS_LABEL[s.status]})`,
            }))}
            value={sprint}
            onChange={setSprintId}
            clearable
            error={fieldError(create.error, 'sprintId')}
            data-testid="session-sprint"
          />
          <ParticipantsField
            value={participants}
            onChange={setParticipants}
            subsidiary={subsidiary}
            error={fieldError(create.error, 'participants')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel="Plan session"
            loading={create.isPending}
            disabled={!title.trim() || !buildVersion.trim()}
            testId="session-create"
          />
        </Stack>
      </form>
    </Modal>
  );
}
