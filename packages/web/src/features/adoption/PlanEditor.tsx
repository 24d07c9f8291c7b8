// The tracking plan's editor: every event as a form, saved whole as the next version with If-Match on the version
// read. The server's reasons show next to the fields they name; when someone else saved first, the editor says so and
// offers to reload their version.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { problemsUnder } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { TrackingPlan } from './api.ts';
import { EventFields } from './EventFields.tsx';
import { type EventDraft, inWords, isStalePlan, newEvent, staleVersion, toBody, toDrafts } from './plan-form.ts';
import { useSavePlan } from './use-save-plan.ts';

type Props = {
  code: string;
  plan: TrackingPlan;
  /** Fills the owner of a new event. */
  defaultOwner: string;
  onClose: () => void;
  /** Reads the plan again after a 409 (the editor restarts from the version read). */
  onReload: () => void;
};

export function PlanEditor({ code, plan, defaultOwner, onClose, onReload }: Props) {
  const [drafts, setDrafts] = useState<EventDraft[]>(() =>
    plan.events.length ? toDrafts(plan.events) : [newEvent(defaultOwner)],
  );
  const save = useSavePlan(code);
  const problems = problemsUnder(save.error, 'events.');
  const stale = isStalePlan(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { body: toBody(drafts), version: plan.version },
      {
        onSuccess: (saved) => {
          notifySuccess(`Tracking plan saved as version ${saved.version}`);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="plan-editor">
      <Stack gap="md">
        {stale ? (
          <Alert color="orange" title="Someone else saved the plan" data-testid="plan-stale">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Version {staleVersion(save.error) ?? 'a newer one'} was saved while you were editing version{' '}
                {plan.version}. Reload to start from their version; your changes here are not kept.
              </Text>
              <Button size="xs" variant="light" color="orange" onClick={onReload} data-testid="plan-reload">
                Reload their version
              </Button>
            </Stack>
          </Alert>
        ) : problems.size > 0 ? (
          <Alert color="red" variant="light" data-testid="plan-error">
            The plan was not saved: {problems.size === 1 ? 'one field needs' : `${problems.size} fields need`} a change,
            marked below.
          </Alert>
        ) : (
          <FormError error={save.error} testId="plan-error" />
        )}
        {drafts.map((d, i) => (
          <EventFields
            key={d.key}
            index={i}
            event={d}
            reason={(path) => inWords(problems.get(`${i}.${path}`))}
            onChange={(next) => setDrafts(drafts.map((x) => (x.key === d.key ? next : x)))}
            onRemove={() => {
              save.reset();
              setDrafts(drafts.filter((x) => x.key !== d.key));
            }}
          />
        ))}
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="light"
            onClick={() => setDrafts([...drafts, newEvent(defaultOwner)])}
            data-testid="event-add"
          >
            Add an event
          </Button>
          <FormActions
            onCancel={onClose}
            submitLabel={`Save as version ${plan.version + 1}`}
            loading={save.isPending}
            // Saving again would only be refused: reload someone else's version first.
            disabled={stale}
            testId="plan-save"
          />
        </Group>
      </Stack>
    </form>
  );
}
