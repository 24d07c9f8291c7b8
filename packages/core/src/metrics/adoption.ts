// Feature adoption and breadth (research §2), over a window of days in the reporting zone.
import type { ActivityEvent } from './activity.ts';
import type { Calendar } from './calendar.ts';

export type FeatureAdoption = {
  feature: string;
  /** Units that used the feature in the window. */
  users: number;
  /** users ÷ eligible active units in the window (the denominator is stated, as research §2 asks). */
  share: number | null;
};

export type AdoptionWindow = { from: number; to: number };

/**
 * For each feature (a name and its events): units that did one of its events in [from, to] ÷ units active in the
 * window that are eligible (all active units unless `eligible` says otherwise). Sorted by share, highest first.
 */
export function featureAdoption(
  events: Iterable<ActivityEvent>,
  cal: Calendar,
  features: readonly { feature: string; events: readonly string[] }[],
  { from, to }: AdoptionWindow,
  eligible: (unit: string) => boolean = () => true,
): FeatureAdoption[] {
  const active = new Set<string>();
  const users = features.map(() => new Set<string>());
  const featuresOf = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const e of f.events) featuresOf.set(e, [...(featuresOf.get(e) ?? []), i]);
  });
  for (const e of events) {
    const day = cal.dayOf(e.at);
    if (day < from || day > to || !eligible(e.unit)) continue;
    active.add(e.unit);
    for (const i of featuresOf.get(e.event) ?? []) (users[i] as Set<string>).add(e.unit);
  }
  return features
    .map((f, i) => {
      const n = (users[i] as Set<string>).size;
      return { feature: f.feature, users: n, share: active.size ? n / active.size : null };
    })
    .sort((a, b) => (b.share ?? -1) - (a.share ?? -1));
}

/** Mean number of distinct core events used per active unit in the window (null when nobody was active). */
export function breadth(
  events: Iterable<ActivityEvent>,
  cal: Calendar,
  coreEvents: readonly string[],
  { from, to }: AdoptionWindow,
): number | null {
  const core = new Set(coreEvents);
  const used = new Map<string, Set<string>>();
  for (const e of events) {
    const day = cal.dayOf(e.at);
    if (day < from || day > to) continue;
    const set = used.get(e.unit) ?? new Set<string>();
    if (core.has(e.event)) set.add(e.event);
    used.set(e.unit, set);
  }
  if (used.size === 0) return null;
  let total = 0;
  for (const set of used.values()) total += set.size;
  return total / used.size;
}
