import { Alert, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { DOCUMENT_KINDS, type DocumentKind } from './api.ts';
import { useTemplates } from './queries.ts';
import { useCreateDocument } from './use-create-document.ts';

export function NewDocumentModal({ productCode, onClose }: { productCode: string; onClose: () => void }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState<DocumentKind>('prd');
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const templates = useTemplates(kind);
  const create = useCreateDocument(productCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { kind, title: title.trim() || undefined, templateId: templateId ?? undefined },
      {
        onSuccess: (doc) => {
          notifySuccess(`${doc.code ?? doc.title} v1.0 created from the template.`, 'Document created');
          onClose();
          void navigate({ to: '/documents/$id', params: { id: doc.id } });
        },
      },
    );
  };

  const fieldError = (name: string) => (isApiError(create.error) ? create.error.fieldError(name) : undefined);

  return (
    <Modal opened onClose={onClose} title={`New document for ${productCode}`} centered>
      <form onSubmit={submit} data-testid="new-document-form">
        <Stack>
          {create.error && !fieldError('kind') && !fieldError('title') ? (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <div>
            <Text size="sm" fw={500} mb={4} id="doc-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="doc-kind-label"
              value={kind}
              onChange={(v) => {
                setKind(v as DocumentKind);
                setTemplateId(null);
              }}
              data={DOCUMENT_KINDS}
              data-testid="new-document-kind"
            />
          </div>
          <TextInput
            label="Title"
            description="Leave empty to use the standard title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError('title')}
            data-testid="new-document-title"
          />
          <Select
            label="Template"
            placeholder={templates.isPending ? 'Loading templates…' : 'Standard template for this kind'}
            data={(templates.data ?? []).map((t) => ({
              value: t.id,
              label: `${t.name}${t.currentVersion ? ` (v${t.currentVersion.version})` : ''}`,
            }))}
            value={templateId}
            onChange={setTemplateId}
            clearable
            error={templates.isError ? 'Could not load templates; the standard one is used' : fieldError('templateId')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel="Create"
            loading={create.isPending}
            testId="new-document-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
