// Write / Preview for the Markdown editor. The preview renders the text as the document page will; the editor stays
// mounted while hidden, so undo history, the cursor and the live gate's markers survive a look at the preview.
import { Card, SegmentedControl } from '@mantine/core';
import type { ReactNode } from 'react';
import { MarkdownView } from './MarkdownView.tsx';

export type EditorMode = 'write' | 'preview';

export function ModeToggle({ value, onChange }: { value: EditorMode; onChange: (mode: EditorMode) => void }) {
  return (
    <SegmentedControl
      aria-label="Editor view"
      value={value}
      onChange={(v) => onChange(v as EditorMode)}
      data={[
        { value: 'write', label: 'Write' },
        { value: 'preview', label: 'Preview' },
      ]}
      data-testid="editor-mode"
    />
  );
}

export function WritePreview({ mode, source, children }: { mode: EditorMode; source: string; children: ReactNode }) {
  return (
    <>
      <div hidden={mode === 'preview'}>{children}</div>
      {mode === 'preview' ? (
        <Card withBorder radius="md" mih="60vh" data-testid="editor-preview">
          <MarkdownView source={source} />
        </Card>
      ) : null}
    </>
  );
}
