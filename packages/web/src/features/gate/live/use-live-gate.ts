// The live gate: the core engine scores the editor's text in the browser (debounced) and feeds both the gutter
// markers and the side panel from one run, so the two never disagree.
import { linter, lintGutter } from '@codemirror/lint';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { GateReport } from '@pi-studio/core/gate/types';
import type { Extension } from '@uiw/react-codemirror';
import { useMemo, useRef, useState } from 'react';
import { findingsToDiagnostics } from './diagnostics.ts';
import { useGoldenPassages } from './golden-passages.ts';
import { useActiveRubric } from './use-active-rubric.ts';

/** Scoring takes a few milliseconds; 150 ms after the last keystroke feels live without scoring every key. */
export const LIVE_GATE_DELAY_MS = 150;

export type LiveGate = {
  extensions: Extension[];
  report: GateReport | null;
  /** Milliseconds the last scoring took (shown so slow rubrics are visible). */
  lastMs: number | null;
  error: string | null;
  rubricSource: 'server' | 'default';
};

export function useLiveGate({ enabled, subsidiary }: { enabled: boolean; subsidiary?: string }): LiveGate {
  const { rubric, source } = useActiveRubric(enabled);
  const golden = useGoldenPassages(enabled ? subsidiary : undefined);
  const [state, setState] = useState<{ report: GateReport | null; lastMs: number | null; error: string | null }>({
    report: null,
    lastMs: null,
    error: null,
  });
  const publish = useRef(setState);

  // A new rubric or golden set builds a new linter, which CodeMirror runs at once on the current text.
  const extensions = useMemo<Extension[]>(() => {
    if (!enabled) return [];
    const options = { golden, subsidiary: subsidiary ?? null };
    return [
      lintGutter(),
      linter(
        (view) => {
          const started = performance.now();
          try {
            const report = scoreDocument(view.state.doc.toString(), rubric, options);
            publish.current({ report, lastMs: performance.now() - started, error: null });
            return findingsToDiagnostics(view.state.doc, report.findings);
          } catch (err) {
            publish.current({ report: null, lastMs: null, error: err instanceof Error ? err.message : String(err) });
            return [];
          }
        },
        { delay: LIVE_GATE_DELAY_MS },
      ),
    ];
  }, [enabled, rubric, golden, subsidiary]);

  return { extensions, ...state, rubricSource: source };
}
