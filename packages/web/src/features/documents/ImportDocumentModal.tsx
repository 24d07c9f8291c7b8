import { Alert, FileInput, Modal, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { DOCUMENT_KINDS, type DocumentKind } from './api.ts';
import { useImportDocument } from './use-import-document.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.md,.markdown,.txt,.docx';

export function ImportDocumentModal({ productCode, onClose }: { productCode: string; onClose: () => void }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>('prd');
  const [localError, setLocalError] = useState<string | null>(null);
  const importer = useImportDocument(productCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setLocalError('Choose a file to import.');
    if (file.size > MAX_BYTES) return setLocalError('The file is larger than 10 MB.');
    if (!/\.(md|markdown|txt|docx)$/i.test(file.name))
      return setLocalError('Only .md, .markdown, .txt and .docx files.');
    setLocalError(null);
    importer.mutate(
      { file, kind },
      {
        onSuccess: (doc) => {
          notifySuccess(`${file.name} imported as ${doc.code ?? doc.title}.`, 'Document imported');
          onClose();
          void navigate({ to: '/documents/$id', params: { id: doc.id } });
        },
      },
    );
  };

  const problem = localError ?? (importer.error ? errorMessage(importer.error) : null);

  return (
    <Modal opened onClose={onClose} title={`Import a document into ${productCode}`} centered>
      <form onSubmit={submit} data-testid="import-form">
        <Stack>
          <Text size="sm" c="dimmed">
            Markdown front matter becomes metadata; Word files are converted to Markdown. Up to 10 MB.
          </Text>
          {problem ? (
            <Alert color="red" title="Import failed" role="alert" data-testid="import-error">
              {problem}
            </Alert>
          ) : null}
          <Select
            label="Kind"
            data={DOCUMENT_KINDS}
            value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)}
            allowDeselect={false}
          />
          <FileInput
            label="File"
            placeholder="Choose .md, .txt or .docx"
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            data-testid="import-file"
          />
          <FormActions onCancel={onClose} submitLabel="Import" loading={importer.isPending} testId="import-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
