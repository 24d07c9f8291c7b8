// Raising a change request: what changes, why, the impact (requirements, stories, dates) and, optionally, the new
// PRD text an approval will save as the PRD's next minor version. Opened from the changes tab or from a drift item,
// which prefills what it knows.
import { Checkbox, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { useDocument } from '../../documents/queries.ts';
import type { ChangeRequestInput } from './api.ts';
import { useRaiseChange } from './queries.ts';

export type ChangeDraft = Partial<Pick<ChangeRequestInput, 'title' | 'whatChanges'>> & {
  requirementIds?: string[];
  storyKeys?: string[];
};

type Props = {
  code: string;
  /** The PRD's document id (from the synced requirements), for proposing a new text; null when unknown. */
  prdDocumentId: string | null;
  requirementKeys: readonly string[];
  draft: ChangeDraft | null;
  onClose: () => void;
};

export function RaiseChangeModal({ draft, onClose, ...rest }: Props) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Raise a change request" size="lg" centered>
      {draft ? <RaiseChangeForm draft={draft} onDone={onClose} {...rest} /> : null}
    </Modal>
  );
}

const FIELDS = ['title', 'whatChanges', 'why', 'impact', 'prdChange'] as const;

function RaiseChangeForm({
  code,
  prdDocumentId,
  requirementKeys,
  draft,
  onDone,
}: Omit<Props, 'onClose'> & {
  draft: ChangeDraft;
  onDone: () => void;
}) {
  const raise = useRaiseChange(code);
  const [title, setTitle] = useState(draft.title ?? '');
  const [whatChanges, setWhatChanges] = useState(draft.whatChanges ?? '');
  const [why, setWhy] = useState('');
  const [requirementIds, setRequirementIds] = useState<string[]>(draft.requirementIds ?? []);
  const [storyKeys, setStoryKeys] = useState<string[]>(draft.storyKeys ?? []);
  const [dates, setDates] = useState('');
  const [withText, setWithText] = useState(false);
  const [prdText, setPrdText] = useState<string | null>(null);
  const prd = useDocument(prdDocumentId ?? '', prdDocumentId !== null);
  const current = prd.data?.document.currentVersion;
  const err = raise.error;

  const submit = () =>
    raise.mutate(
      {
        title,
        whatChanges,
        why,
        impact: { requirementIds, storyKeys, dates },
        ...(withText && prdText !== null ? { prdChange: { body: prdText } } : {}),
      },
      {
        onSuccess: (cr) => {
          notifySuccess(`${cr.key} waits for the product owner's decision.`, 'Change request raised');
          onDone();
        },
      },
    );

  return (
    <Stack
      component="form"
      gap="sm"
      data-testid="raise-change-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextInput
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError(err, 'title')}
        data-testid="change-title"
      />
      <Textarea
        label="What changes"
        description="In the PRD or in the build, in words the decider can judge."
        required
        autosize
        minRows={2}
        maxLength={4000}
        value={whatChanges}
        onChange={(e) => setWhatChanges(e.currentTarget.value)}
        error={fieldError(err, 'whatChanges')}
        data-testid="change-what"
      />
      <Textarea
        label="Why"
        required
        autosize
        minRows={2}
        maxLength={4000}
        value={why}
        onChange={(e) => setWhy(e.currentTarget.value)}
        error={fieldError(err, 'why')}
        data-testid="change-why"
      />
      <TagsInput
        label="Requirements affected"
        description="Pick from the PRD or type a new id the change adds (e.g. FR-9)."
        data={[...requirementKeys]}
        value={requirementIds}
        onChange={setRequirementIds}
        error={fieldError(err, 'impact.requirementIds')}
        data-testid="change-requirements"
      />
      <TagsInput
        label="Stories affected"
        description="Story keys; an approval links them to the requirements above."
        value={storyKeys}
        onChange={setStoryKeys}
        error={fieldError(err, 'impact.storyKeys')}
        data-testid="change-stories"
      />
      <TextInput
        label="Effect on dates"
        placeholder="e.g. UAT moves one week"
        maxLength={2000}
        value={dates}
        onChange={(e) => setDates(e.currentTarget.value)}
        error={fieldError(err, 'impact.dates')}
      />
      {prdDocumentId ? (
        <Checkbox
          label="Propose the new PRD text (saved as the PRD's next minor version when approved)"
          checked={withText}
          disabled={!current}
          onChange={(e) => {
            setWithText(e.currentTarget.checked);
            if (prdText === null && current) setPrdText(current.body);
          }}
          data-testid="change-with-text"
        />
      ) : null}
      {withText && prdText !== null ? (
        <Textarea
          label={`PRD text (from version ${current?.version ?? ''})`}
          autosize
          minRows={6}
          maxRows={16}
          value={prdText}
          onChange={(e) => setPrdText(e.currentTarget.value)}
          error={fieldError(err, 'prdChange')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          data-testid="change-prd-text"
        />
      ) : null}
      <FormError error={err} fields={FIELDS} />
      <FormActions
        onCancel={onDone}
        submitLabel="Raise change request"
        loading={raise.isPending}
        testId="change-submit"
      />
    </Stack>
  );
}
