import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { Bump } from '@pi-studio/core/contract/documents';
import type { TemplateDetail } from '@pi-studio/core/contract/templates';
import { useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useSaveTemplateVersion } from '../use-save-template-version.ts';
import { staleVersionOf } from './stale-version.ts';

/** Mounted with key=id+version, so a newly saved version resets the draft to what is stored. */
export function TemplateEditor({ template, canEdit }: { template: TemplateDetail; canEdit: boolean }) {
  const save = useSaveTemplateVersion();
  const [draft, setDraft] = useState(template.body);
  const [bump, setBump] = useState<Bump>('minor');
  const changed = draft !== template.body;
  const opened = template.currentVersion?.version ?? '0';
  const newer = staleVersionOf(save.error);

  // basedOn: the version this draft is meant to follow; a newer one saved meanwhile gets a 409 (never overwritten).
  const submit = (basedOn = opened) =>
    save.mutate(
      { id: template.id, body: draft, bump, basedOn },
      { onSuccess: (saved) => notifySuccess(`${template.name} saved as v${saved.currentVersion?.version ?? '?'}`) },
    );

  return (
    <Stack gap="xs">
      {!canEdit && (
        <Alert color="gray" variant="light">
          Only administrators and product ops can change templates.
        </Alert>
      )}
      {newer ? (
        <Alert
          color="orange"
          title="Someone else saved this template meanwhile"
          role="alert"
          data-testid="template-conflict"
        >
          <Stack gap="xs">
            <Text size="sm">
              v{newer} was saved after you opened v{opened}. Nothing of yours was saved and your text is still here;
              saving it now makes it the version after v{newer}, which stays in the history.
            </Text>
            <Group>
              <Button
                size="xs"
                onClick={() => submit(newer)}
                loading={save.isPending}
                data-testid="template-save-on-top"
              >
                Save mine after v{newer}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <FormError error={save.error} fields={['body', 'bump']} />
      )}
      <Textarea
        label={`Body of v${template.currentVersion?.version ?? '?'}`}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        readOnly={!canEdit}
        autosize
        minRows={16}
        maxRows={40}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        error={fieldError(save.error, 'body')}
        data-testid="template-body"
      />
      {canEdit && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {changed ? 'Unsaved changes' : 'No changes'}
          </Text>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={bump}
              onChange={(v) => setBump(v as Bump)}
              data={[
                { value: 'minor', label: 'Minor' },
                { value: 'major', label: 'Major' },
              ]}
              data-testid="template-bump"
            />
            <Button variant="default" size="xs" disabled={!changed} onClick={() => setDraft(template.body)}>
              Discard
            </Button>
            <Button
              size="xs"
              onClick={() => submit()}
              disabled={!changed}
              loading={save.isPending}
              data-testid="template-save"
            >
              Save as new version
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
