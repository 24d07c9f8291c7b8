// Moving the editor to a finding's line (jump-to-line from a review, clicks in the live gate panel).
import { EditorSelection, EditorView } from '@uiw/react-codemirror';

export function scrollToLine(view: EditorView, lineNumber: number, focus = true) {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, Math.floor(lineNumber)), doc.lines));
  view.dispatch({
    selection: EditorSelection.range(line.from, line.to),
    effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
  });
  if (focus) view.focus();
}
