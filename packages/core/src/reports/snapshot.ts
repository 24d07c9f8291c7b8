// A report is one snapshot rendered many ways (research/adoption-and-reporting.md §3.2): the page, Markdown, PDF, the
// e-mail digest, Slack and Teams all read the same numbers, so they cannot disagree. Numbers stay numbers until a
// renderer formats them; every sentence comes from a fixed template, never from a model.

export type ReportKind = 'weekly-intake' | 'weekly-handover' | 'sprint' | 'monthly';
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  'weekly-intake': 'Weekly intake quality',
  'weekly-handover': 'Weekly handover checkpoint',
  sprint: 'Sprint gate review and UAT sign-off',
  monthly: 'Monthly dashboard',
};

export type TileUnit = 'percent' | 'count' | 'hours' | 'days';

export type Tile = {
  label: string;
  /** Shares are 0–1 for percent tiles. Null = no data. */
  value: number | null;
  unit: TileUnit;
  previous: number | null;
  target: number | null;
  /** Whether a higher value is better (colour and wording follow it, never "went up"). */
  better: 'higher' | 'lower';
};

export type ReportTable = { kind: 'table'; title: string; columns: string[]; rows: string[][]; empty: string };
export type ReportList = { kind: 'list'; title: string; items: string[]; empty: string };
export type ReportSection = ReportTable | ReportList;

export type ReportSnapshot = {
  id: string;
  kind: ReportKind;
  /** "2026-W47", "2026-11", "Sprint 14". */
  periodLabel: string;
  zone: string;
  /** The newest data the snapshot includes (ISO time): "data as of …". */
  watermark: string;
  generatedAt: string;
  tiles: Tile[];
  sections: ReportSection[];
  /** Where the live report is. */
  url: string;
};

const round = (n: number) => Math.round(n * 10) / 10;

/** A tile's value as people read it: "62%", "14", "3.5 h", "2 d", or "no data". */
export function formatValue(value: number | null, unit: TileUnit): string {
  if (value === null || Number.isNaN(value)) return 'no data';
  if (unit === 'percent') return `${Math.round(value * 100)}%`;
  if (unit === 'hours') return `${round(value)} h`;
  if (unit === 'days') return `${round(value)} d`;
  return String(round(value));
}

/** The change since the previous period in the tile's own terms: "+8 pts", "−2", "no change". */
export function formatDelta(tile: Tile): string | null {
  if (tile.value === null || tile.previous === null) return null;
  const d = tile.value - tile.previous;
  if (Math.abs(d) < 1e-9) return 'no change';
  const sign = d > 0 ? '+' : '−';
  const size = Math.abs(d);
  if (tile.unit === 'percent') return `${sign}${Math.round(size * 100)} pts`;
  return `${sign}${formatValue(size, tile.unit)}`;
}

export type TileState = 'good' | 'bad' | 'neutral';

/** Better or worse than last period, by the tile's own direction. */
export function tileState(tile: Tile): TileState {
  if (tile.value === null || tile.previous === null || tile.value === tile.previous) return 'neutral';
  const up = tile.value > tile.previous;
  return up === (tile.better === 'higher') ? 'good' : 'bad';
}

/** The deterministic sentence of a tile: "FTPR rose 8 pts to 62%, target 70%." */
export function tileSentence(tile: Tile): string {
  const value = formatValue(tile.value, tile.unit);
  const target = tile.target === null ? '' : `, target ${formatValue(tile.target, tile.unit)}`;
  if (tile.value === null) return `${tile.label}: no data this period${target}.`;
  if (tile.previous === null) return `${tile.label} is ${value}${target}.`;
  const delta = formatDelta(tile) as string;
  if (delta === 'no change') return `${tile.label} held at ${value}${target}.`;
  const verb = tile.value > tile.previous ? 'rose' : 'fell';
  return `${tile.label} ${verb} ${delta.slice(1)} to ${value}${target}.`;
}

/** E-mail subject: "[PI Studio] Weekly intake quality — 2026-W47 — FTPR 62% (+8 pts)". */
export function reportSubject(s: ReportSnapshot): string {
  const lead = s.tiles[0];
  const headline = lead ? ` — ${lead.label} ${formatValue(lead.value, lead.unit)}` : '';
  const delta = lead ? formatDelta(lead) : null;
  return `[PI Studio] ${REPORT_KIND_LABELS[s.kind]} — ${s.periodLabel}${headline}${delta && delta !== 'no change' ? ` (${delta})` : ''}`;
}
