// Matrix and drift at the size the issue benchmarks (500 requirements × 5,000 stories, target < 200 ms). The bench
// measures the real figure; this guards against a quadratic slip with a generous bound, and prints what it saw.
import { describe, expect, it } from 'vitest';
import type { ExtractedRequirement } from '../stories/requirements.ts';
import { type DriftInput, detectDrift } from './drift.ts';
import type { TraceLink } from './graph.ts';
import { coverageMatrix, type MatrixItem, matrixCsv } from './matrix.ts';

const R = 500;
const S = 5_000;

function fixture() {
  const baseline: ExtractedRequirement[] = Array.from({ length: R }, (_, i) => ({
    id: `FR-${i + 1}`,
    generated: false,
    kind: 'functional',
    text: `A merchant can do thing number ${i + 1}, "quoted", with care.`,
    priority: 'Must',
    acceptance: ['Given a sale, when it settles, then the payout date shows.'],
    line: i + 10,
    section: 'Requirements',
  }));
  // Version 1.1: 20 reworded, 5 removed, 5 added.
  const current = baseline
    .filter((_, i) => i < R - 5)
    .map((r, i) => (i % 25 === 0 ? { ...r, text: `${r.text} Now also by email.` } : r));
  for (let i = 0; i < 5; i++)
    current.push({ ...(baseline[0] as ExtractedRequirement), id: `FR-${R + i + 1}`, line: R + 20 + i });

  const stories = Array.from({ length: S }, (_, i) => ({
    key: `PAY-S-${i + 1}`,
    // Every 50th story links to nothing, about every 97th only to a removed requirement, the rest to one or two.
    requirementIds:
      i % 50 === 0
        ? []
        : i % 97 === 1
          ? [`FR-${R}`]
          : i % 3 === 0
            ? [`FR-${(i % R) + 1}`, `FR-${((i * 7) % R) + 1}`]
            : [`FR-${(i % 450) + 1}`],
    createdAt: `2026-03-0${1 + (i % 5)}T09:00:00Z`,
    sprintId: i < 1000 ? `sp${i % 10}` : null,
  }));
  const sprints = Array.from({ length: 10 }, (_, s) => ({
    id: `sp${s}`,
    name: `Sprint ${s + 1}`,
    startedAt: '2026-03-02T09:00:00Z',
    committedStoryKeys: stories
      .filter((st) => st.sprintId === `sp${s}` && Number(st.key.slice(6)) % 4 !== 0)
      .map((st) => st.key),
  }));
  const changeRequests = Array.from({ length: 50 }, (_, i) => ({
    key: `CR-${i + 1}`,
    status: (['approved', 'pending', 'rejected'] as const)[i % 3] as 'approved' | 'pending' | 'rejected',
    decidedAt: i % 3 === 1 ? null : '2026-03-03T09:00:00Z',
    requirementIds: [`FR-${i * 10 + 1}`],
  }));
  const drift: DriftInput = {
    baseline: { prdVersion: '1.0', requirements: baseline },
    current: { prdVersion: '1.1', requirements: current },
    stories,
    sprints,
    changeRequests,
  };
  const items: MatrixItem[] = stories.map((s) => ({ key: s.key, kind: 'story', status: 'in_progress' }));
  const links: TraceLink[] = stories.flatMap((s) =>
    s.requirementIds.map((to) => ({ from: s.key, type: 'implements' as const, to })),
  );
  const matrixRequirements = current.map((r) => ({ id: r.id, text: r.text, priority: r.priority }));
  return { drift, items, links, matrixRequirements };
}

describe('matrix and drift at 500 requirements × 5,000 stories', () => {
  it('compute well inside the budget', () => {
    const f = fixture();
    // The median of five runs after a warm-up, so the figure is the work, not the JIT or a neighbour on the machine.
    const run = () => {
      const t0 = performance.now();
      const matrix = coverageMatrix(f.matrixRequirements, f.items, f.links);
      const csv = matrixCsv(matrix);
      const drift = detectDrift(f.drift);
      return { ms: performance.now() - t0, matrix, csv, drift };
    };
    run();
    const runs = Array.from({ length: 5 }, run).sort((a, b) => a.ms - b.ms);
    const { ms, matrix, csv, drift } = runs[2] as ReturnType<typeof run>;
    console.info(
      `trace: matrix + CSV + drift for ${R} requirements × ${S} stories: median ${ms.toFixed(1)} ms (runs ${runs.map((r) => r.ms.toFixed(1)).join(', ')})`,
    );

    expect(matrix.rows).toHaveLength(R);
    const live = new Set(f.matrixRequirements.map((r) => r.id));
    const orphans = f.drift.stories.filter((st) => !st.requirementIds.some((id) => live.has(id)));
    expect(orphans.length).toBeGreaterThan(S / 50);
    expect(matrix.orphanStories).toHaveLength(orphans.length);
    expect(csv.split('\r\n').length).toBeGreaterThan(R);
    expect(drift.filter((d) => d.kind === 'story-without-requirement')).toHaveLength(orphans.length);
    expect(drift.some((d) => d.kind === 'requirement-changed-without-approval')).toBe(true);
    expect(drift.some((d) => d.kind === 'story-added-after-sprint-start')).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});
