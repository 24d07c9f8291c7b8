// A PRD success metric's target against its actual (research §2, "PRD KPI target-vs-actual"): the expected
// trajectory from baseline to target by the deadline, progress, and a direction-aware status. Colour follows the
// status, never "went up": for some KPIs lower is better.

export type KpiDirection = 'up' | 'down';
export type KpiStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'missed' | 'no_data';

export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  met: 'Met',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  missed: 'Missed',
  no_data: 'No data',
};

export type KpiTarget = {
  direction: KpiDirection;
  baseline: number;
  target: number;
  /** When the baseline was taken (t0: launch or the baseline's end), and the deadline; epoch ms. */
  startAt: number;
  deadlineAt: number;
};

export type KpiReading = {
  /** The latest complete window's value, or null when there is none. */
  actual: number | null;
  /** When that window ended (epoch ms). */
  at: number;
  /** When the last qualifying event arrived (epoch ms), or null when none ever did. */
  lastEventAt: number | null;
};

export type KpiAssessment = {
  status: KpiStatus;
  expected: number;
  /** (actual − baseline) ÷ (target − baseline), clamped to [0, 1]; null without an actual. */
  progress: number | null;
  /** How far behind the trajectory, as a share of |target − baseline| (0 when on or ahead of it). */
  behind: number | null;
};

/** No qualifying events for this long is "no data", an alert in itself. */
export const NO_DATA_AFTER_MS = 7 * 86_400_000;
/** Behind the trajectory by at most this share of |target − baseline| is "at risk"; further is "off track". */
export const AT_RISK_SHARE = 0.1;

/** E(t) = baseline + (target − baseline) × (t − t0) ÷ (deadline − t0), held at the ends. */
export function expectedAt(k: KpiTarget, at: number): number {
  const span = k.deadlineAt - k.startAt;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (at - k.startAt) / span));
  return k.baseline + (k.target - k.baseline) * f;
}

export function assessKpi(k: KpiTarget, reading: KpiReading, now: number): KpiAssessment {
  const expected = expectedAt(k, reading.at);
  const gap = Math.abs(k.target - k.baseline);
  const stale = reading.lastEventAt === null || now - reading.lastEventAt > NO_DATA_AFTER_MS;
  if (reading.actual === null || stale) return { status: 'no_data', expected, progress: null, behind: null };
  const sign = k.direction === 'up' ? 1 : -1;
  const progress = gap === 0 ? 1 : Math.min(1, Math.max(0, (reading.actual - k.baseline) / (k.target - k.baseline)));
  const atTarget = sign * (reading.actual - k.target) >= 0;
  const behindBy = Math.max(0, sign * (expected - reading.actual));
  const behind = gap === 0 ? (behindBy > 0 ? 1 : 0) : behindBy / gap;
  let status: KpiStatus;
  if (atTarget && reading.at <= k.deadlineAt) status = 'met';
  else if (now > k.deadlineAt) status = atTarget ? 'met' : 'missed';
  else if (behind === 0) status = 'on_track';
  else if (behind <= AT_RISK_SHARE) status = 'at_risk';
  else status = 'off_track';
  return { status, expected, progress, behind };
}
