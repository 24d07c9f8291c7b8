import { markdown } from '@codemirror/lang-markdown';
import { Breadcrumbs, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo, useRef, useState } from 'react';
import { isApiError } from '../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { AnchorLink } from '../../ui/Links.tsx';
import { subsidiaryOf } from '../gate/access.ts';
import { scrollToLine } from '../gate/live/editor-view.ts';
import { LiveGateLayout } from '../gate/live/LiveGateLayout.tsx';
import { useLiveGate } from '../gate/live/use-live-gate.ts';
import type { Bump, DocumentDetail } from './api.ts';
import { ConflictAlert, type ConflictInfo } from './ConflictAlert.tsx';
import { LineFromOtherVersion } from './LineFromOtherVersion.tsx';
import { useSaveVersion } from './use-save-version.ts';
import { useUnsavedChanges } from './use-unsaved-changes.ts';
import { type EditorMode, ModeToggle, WritePreview } from './WritePreview.tsx';

type Loaded = { document: DocumentDetail; etag: string };
type Props = {
  initial: Loaded;
  refetch: () => Promise<{ data?: Loaded; error: unknown }>;
  /** Line to scroll to on open (jump-to-line from a gate review). */
  line?: number;
  /** The version `line` belongs to (the reviewed one); a note shows when the editor holds another. */
  lineFrom?: string;
};

const extensions = [
  markdown(),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ 'aria-label': 'Document Markdown', 'data-testid': 'markdown-editor' }),
];

const nextVersion = (current: string, bump: Bump) => {
  const [major = 0, minor = 0] = current.split('.').map(Number);
  return bump === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
};

export function DocumentEditor({ initial, refetch, line, lineFrom }: Props) {
  const navigate = useNavigate();
  const { document } = initial;
  const save = useSaveVersion(document.id);
  const [text, setText] = useState(document.currentVersion.body);
  const [title, setTitle] = useState(document.title);
  const [note, setNote] = useState('');
  const [bump, setBump] = useState<Bump>('minor');
  // The version this edit is based on; If-Match carries its ETag so a concurrent save is detected, not overwritten.
  const [base, setBase] = useState({ etag: initial.etag, version: document.currentVersion.version });
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const saved = useRef({ text: document.currentVersion.body, title: document.title });
  const latest = useRef({ text, title });
  latest.current = { text, title };
  const isDirty = () => latest.current.text !== saved.current.text || latest.current.title !== saved.current.title;
  useUnsavedChanges(isDirty);
  const isPrd = document.kind === 'prd';
  const gate = useLiveGate({ enabled: isPrd, subsidiary: subsidiaryOf(document.product) });
  const allExtensions = useMemo(() => [...extensions, ...gate.extensions], [gate.extensions]);
  const view = useRef<EditorView | null>(null);
  const [mode, setMode] = useState<EditorMode>('write');
  const jump = (n: number) => {
    setMode('write');
    // After React has shown the editor again: a hidden editor cannot measure where the line is.
    requestAnimationFrame(() => {
      if (view.current) scrollToLine(view.current, n);
    });
  };

  const submit = () => {
    const body = text;
    save.mutate(
      {
        body: {
          body,
          bump,
          note: note.trim() || undefined,
          title: title.trim() !== document.title ? title.trim() : undefined,
        },
        etag: base.etag,
      },
      {
        onSuccess: (version) => {
          saved.current = { text: body, title };
          notifySuccess(`${document.code} v${version.version} saved.`, 'New version saved');
          void navigate({ to: '/documents/$id', params: { id: document.id } });
        },
        onError: (err) => {
          if (isApiError(err, 409)) setConflict((err.problem.current as ConflictInfo | undefined) ?? {});
          else notifyError(err, 'Version not saved');
        },
      },
    );
  };

  const reloadLatest = async () => {
    setReloading(true);
    const res = await refetch();
    setReloading(false);
    if (!res.data) return notifyError(res.error, 'Could not reload the document');
    setBase({ etag: res.data.etag, version: res.data.document.currentVersion.version });
    setConflict(null);
    notifySuccess(
      `Now based on v${res.data.document.currentVersion.version}. Your text is unchanged; saving puts it on top.`,
      'Reloaded',
    );
  };

  const takeTheirs = async () => {
    const ok = await confirmAction({
      title: 'Replace your text?',
      message: 'Your unsaved changes will be replaced by the latest saved version.',
      confirmLabel: 'Replace my text',
      danger: true,
    });
    if (!ok) return;
    const res = await refetch();
    if (!res.data) return notifyError(res.error, 'Could not reload the document');
    const current = res.data.document.currentVersion;
    setBase({ etag: res.data.etag, version: current.version });
    setText(current.body);
    setTitle(res.data.document.title);
    saved.current = { text: current.body, title: res.data.document.title };
    setConflict(null);
  };

  return (
    <Stack gap="md" data-testid="editor-page">
      <Breadcrumbs>
        <AnchorLink to="/products/$code" params={{ code: document.product.code }} size="sm">
          {document.product.code}
        </AnchorLink>
        <AnchorLink to="/documents/$id" params={{ id: document.id }} size="sm">
          {document.code}
        </AnchorLink>
        <Text size="sm">Edit</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Edit {document.code}</Title>
          <Text size="sm" c="dimmed">
            Based on v{base.version}; saving creates v{nextVersion(base.version, bump)}.
            {isDirty() ? ' Unsaved changes.' : ''}
          </Text>
        </div>
        <Button variant="default" onClick={() => void navigate({ to: '/documents/$id', params: { id: document.id } })}>
          Cancel
        </Button>
      </Group>
      {line && lineFrom ? (
        <LineFromOtherVersion documentId={document.id} line={line} from={lineFrom} editing={base.version} />
      ) : null}
      {conflict ? (
        <ConflictAlert
          documentId={document.id}
          conflict={conflict}
          reloading={reloading}
          onReload={() => void reloadLatest()}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : null}
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maw={600}
          style={{ flex: 1 }}
        />
        <ModeToggle value={mode} onChange={setMode} />
      </Group>
      <LiveGateLayout gate={gate} enabled={isPrd} onJump={jump}>
        <WritePreview mode={mode} source={text}>
          <Card withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
            <CodeMirror
              value={text}
              onChange={setText}
              extensions={allExtensions}
              height="60vh"
              basicSetup={{ foldGutter: false }}
              onCreateEditor={(created) => {
                view.current = created;
                if (line) scrollToLine(created, line);
              }}
            />
          </Card>
        </WritePreview>
      </LiveGateLayout>
      <Group align="flex-end" gap="md">
        <TextInput
          label="What changed"
          placeholder="e.g. Added acceptance criteria for refunds"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1 }}
          maw={600}
          data-testid="version-note"
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="bump-label">
            Version
          </Text>
          <SegmentedControl
            aria-labelledby="bump-label"
            value={bump}
            onChange={(v) => setBump(v as Bump)}
            data={[
              { value: 'minor', label: `Minor (v${nextVersion(base.version, 'minor')})` },
              { value: 'major', label: `Major (v${nextVersion(base.version, 'major')})` },
            ]}
          />
        </div>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={!isDirty() || Boolean(conflict)}
          data-testid="save-version"
        >
          Save version
        </Button>
      </Group>
    </Stack>
  );
}
