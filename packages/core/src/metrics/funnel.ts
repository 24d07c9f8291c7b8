// Ordered funnels of research §2: steps S1..Sk with a conversion window W as a hard filter. A unit's progress is the
// furthest step it reached, in order, within W of one of its S1 events (the best of its attempts, as Mixpanel and
// PostHog count it); time to convert is the median over the units that reached Sk.
import type { ActivityEvent } from './activity.ts';
import { quantile } from './stats.ts';

export type FunnelStep = { event: string; reached: number; conversion: number | null; dropOff: number };

export type Funnel = {
  entered: number;
  steps: FunnelStep[];
  /** Units reaching the last step within the window ÷ units entering the first (null when nobody entered). */
  overall: number | null;
  /** Index of the step with the largest drop-off count (highlighted), or null. */
  largestDrop: number | null;
  medianTimeToConvertMs: number | null;
};

export function funnel(events: Iterable<ActivityEvent>, steps: readonly string[], windowMs: number): Funnel {
  const inFunnel = new Set(steps);
  const byUnit = new Map<string, ActivityEvent[]>();
  for (const e of events) {
    if (!inFunnel.has(e.event)) continue;
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  const reachedCount = new Array<number>(steps.length).fill(0);
  const durations: number[] = [];
  for (const list of byUnit.values()) {
    list.sort((a, b) => a.at - b.at);
    const { furthest, convertMs } = bestAttempt(list, steps, windowMs);
    for (let i = 0; i < furthest; i++) (reachedCount[i] as number)++;
    if (convertMs !== null) durations.push(convertMs);
  }
  const entered = reachedCount[0] ?? 0;
  const out: FunnelStep[] = steps.map((event, i) => {
    const reached = reachedCount[i] as number;
    const previous = i === 0 ? entered : (reachedCount[i - 1] as number);
    return { event, reached, conversion: previous ? reached / previous : null, dropOff: previous - reached };
  });
  let largestDrop: number | null = null;
  out.forEach((s, i) => {
    if (i > 0 && s.dropOff > 0 && (largestDrop === null || s.dropOff > (out[largestDrop] as FunnelStep).dropOff))
      largestDrop = i;
  });
  durations.sort((a, b) => a - b);
  return {
    entered,
    steps: out,
    overall: entered ? (reachedCount[steps.length - 1] as number) / entered : null,
    largestDrop,
    medianTimeToConvertMs: quantile(durations, 0.5),
  };
}

/** The furthest step (count of steps reached) over every start at an S1 event, and the fastest full conversion. */
function bestAttempt(
  list: readonly ActivityEvent[],
  steps: readonly string[],
  windowMs: number,
): { furthest: number; convertMs: number | null } {
  let furthest = 0;
  let convertMs: number | null = null;
  for (let s = 0; s < list.length; s++) {
    const start = list[s] as ActivityEvent;
    if (start.event !== steps[0]) continue;
    const { reached, at } = walk(list, s, steps, windowMs);
    if (reached > furthest) furthest = reached;
    // A later start cannot reach further than a full conversion, but it may convert faster.
    if (reached === steps.length && (convertMs === null || at - start.at < convertMs)) convertMs = at - start.at;
  }
  return { furthest, convertMs };
}

/** From the S1 event at `s`: the steps reached in order within the window, and when the last of them happened. */
function walk(
  list: readonly ActivityEvent[],
  s: number,
  steps: readonly string[],
  windowMs: number,
): { reached: number; at: number } {
  const start = list[s] as ActivityEvent;
  let reached = 1;
  let at = start.at;
  for (let j = s + 1; j < list.length && reached < steps.length; j++) {
    const e = list[j] as ActivityEvent;
    if (e.at - start.at > windowMs) break;
    if (e.event === steps[reached]) {
      reached++;
      at = e.at;
    }
  }
  return { reached, at };
}
