import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import type { Bump, TemplateDetail } from '../types.ts';
import { fieldError } from '../ui/errors.ts';
import { FormError } from '../ui/FormError.tsx';
import { useSaveTemplateVersion } from '../use-save-template-version.ts';

/** Mounted with key=id+version, so a newly saved version resets the draft to what is stored. */
export function TemplateEditor({ template, canEdit }: { template: TemplateDetail; canEdit: boolean }) {
  const save = useSaveTemplateVersion();
  const [draft, setDraft] = useState(template.body);
  const [bump, setBump] = useState<Bump>('minor');
  const changed = draft !== template.body;

  const submit = () =>
    save.mutate(
      { id: template.id, body: draft, bump },
      { onSuccess: (saved) => notifySuccess(`${template.name} saved as v${saved.currentVersion?.version ?? '?'}`) },
    );

  return (
    <Stack gap="xs">
      {!canEdit && (
        <Alert color="gray" variant="light">
          Only administrators and product ops can change templates.
        </Alert>
      )}
      <FormError error={save.error} fields={['body', 'bump']} />
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
            <Button size="xs" onClick={submit} disabled={!changed} loading={save.isPending} data-testid="template-save">
              Save as new version
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
