// The tracking plan editor's pure side: the plan as editable drafts and back, the event-name rule as live feedback
// (core's EVENT_NAME, the same rule the server and the event envelope apply), the server's reasons in words, and the
// POST /events example the help box shows.
import {
  type PrdPlanCheck,
  type TrackingPlanBody,
  type TrackingPlanEvent,
  ZTrackingPlanProperty,
} from '@pi-studio/core/contract/adoption';
import { EVENT_NAME } from '@pi-studio/core/metrics/event-envelope';
import { ApiError } from '../../lib/api.ts';
import { isApiError } from '../../lib/errors.ts';

export type PropertyType = 'string' | 'number' | 'boolean';
export type EventStatus = 'live' | 'deprecated';
export type PropertyDraft = { key: number; name: string; type: PropertyType; description: string };
export type EventDraft = {
  key: number;
  name: string;
  description: string;
  owner: string;
  status: EventStatus;
  properties: PropertyDraft[];
};

export const STATUS_LABEL: Record<EventStatus, string> = { live: 'Live', deprecated: 'Deprecated' };
export const TYPE_LABEL: Record<PropertyType, string> = { string: 'Text', number: 'Number', boolean: 'Yes/no' };

let nextKey = 1;
const key = () => nextKey++;

export const newProperty = (): PropertyDraft => ({ key: key(), name: '', type: 'string', description: '' });
export const newEvent = (owner = ''): EventDraft => ({
  key: key(),
  name: '',
  description: '',
  owner,
  status: 'live',
  properties: [],
});

export const toDrafts = (events: readonly TrackingPlanEvent[]): EventDraft[] =>
  events.map((e) => ({ ...e, key: key(), properties: e.properties.map((p) => ({ ...p, key: key() })) }));

/** The body of the save: every event in the order shown, text trimmed (the server trims too). */
export const toBody = (drafts: readonly EventDraft[]): TrackingPlanBody => ({
  events: drafts.map((e) => ({
    name: e.name.trim(),
    description: e.description.trim(),
    owner: e.owner.trim(),
    status: e.status,
    properties: e.properties.map((p) => ({ name: p.name.trim(), type: p.type, description: p.description.trim() })),
  })),
});

/** Live feedback on an event's name while typing; undefined while it is empty or fine. */
export function eventNameHint(name: string): string | undefined {
  const n = name.trim();
  if (!n) return undefined;
  if (n.length > 64) return 'At most 64 characters.';
  if (!EVENT_NAME.test(n)) return 'Use object_action in lowercase snake_case, e.g. report_exported.';
  return undefined;
}

/** Live feedback on a property's name (lowercase snake_case, one word allowed). */
export function propertyNameHint(name: string): string | undefined {
  const n = name.trim();
  if (!n || ZTrackingPlanProperty.shape.name.safeParse(n).success) return undefined;
  return 'Use lowercase snake_case, e.g. report_format.';
}

/** The server's reason in words: the schema's length complaints become what the person should do. */
export function inWords(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  if (/too small/i.test(reason) && /string/i.test(reason)) return 'Required.';
  const max = /too big.*<=\s*(\d+)/i.exec(reason);
  if (max) return `At most ${max[1]} characters.`;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

export const isStalePlan = (err: unknown) => isApiError(err, 409) && err.code === 'stale_version';

/** The version someone else saved, from a 409 `stale_version` (its `current` member). */
export function staleVersion(err: unknown): number | null {
  if (!(err instanceof ApiError)) return null;
  const current = (err.problem as { current?: { version?: unknown } }).current;
  return typeof current?.version === 'number' ? current.version : null;
}

/** A curl call sending one event for `product` with a token of scope "events"; `now` dates it (whole seconds). */
export function curlExample(origin: string, product: string, event: string, now: Date): string {
  const record = {
    event_id: '0193f1a2-7c4d-7e00-9a1b-2c3d4e5f6a7b',
    event,
    occurred_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    product,
    user_id: 'u-4821',
  };
  const body = JSON.stringify({ events: [record] }, null, 2).replace(/'/g, "'\\''");
  return [
    `curl -X POST ${origin}/api/v1/events \\`,
    '  -H "Authorization: Bearer $PISTUDIO_TOKEN" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d '${body}'`,
  ].join('\n');
}

/** Why the PRD check has nothing to compare, in words; null when the PRD has an analytics or metrics section. */
export function prdCheckNote(check: Pick<PrdPlanCheck, 'prd' | 'hasSection'>): string | null {
  if (!check.prd)
    return 'This product has no PRD yet, so there is nothing to compare the plan with. Once the PRD has an "Analytics" section, the events it names are checked here.';
  if (!check.hasSection)
    return `The PRD (version ${check.prd.version}) has no analytics or metrics section, so it names no events to compare. Add an "Analytics" section listing the events the product should send.`;
  return null;
}
