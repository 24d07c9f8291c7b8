// Instrumentation: the events (snake_case names) and dashboards that make the success metrics measurable.
import { z } from 'zod';
import { SNAKE_EVENT } from '../patterns.ts';
import { mentions, statedInPassing } from './in-passing.ts';
import { defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('analytics', {
  missing: ['major', 'No instrumentation or analytics'],
  'no-section': ['minor', 'Measurement named only in passing'],
  'no-events': ['minor', 'No named events'],
  'no-dashboard': ['minor', 'No dashboard or report named'],
});

const DASHBOARD =
  /\b(?:dashboards?|amplitude|mixpanel|looker|metabase|grafana|power ?bi|tableau|ga4|google analytics|datadog|segment|posthog|superset|redash|report(?:s|ing)?)\b/i;
const ANALYTICS_IN_PASSING =
  /\b(?:dashboards?|google analytics|\bga4?\b|mixpanel|amplitude|posthog|segment|tracked|tracking|telemetry|instrument(?:ed|ation)|measured (?:by|with|in|via)|measurement method|logs?\b|monitoring)\b/i;
const EVENT_WORD = /\bevents?\b/i;

export const analyticsCheck = defineCheck({
  id: 'analytics',
  rules: R,
  params: z.strictObject({}),
  run({ doc, facts }) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'analytics');
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    if (!found.hasWords(3)) {
      // Events named next to the metrics still make them measurable, without a section of their own.
      const named = facts.units.some((u) => u.kind !== 'code' && SNAKE_EVENT.test(u.text) && EVENT_WORD.test(u.text));
      if (named) return { score: 0.4, findings };
      // A dashboard, a tracking tool or a measurement method named next to the metrics.
      const said = mentions(facts, ANALYTICS_IN_PASSING, 2);
      if (said.length >= 2 && said[0])
        return statedInPassing(R['no-section'], said[0], 'How the metrics are measured is said', FIX);
      const message = found.sections[0]
        ? `"${found.sections[0].title}" names no events or dashboards.`
        : 'There is no instrumentation: no events or dashboards make the success metrics measurable.';
      findings.push(finding(R.missing, anchor, message, FIX));
      return { score: 0, findings };
    }
    const content = found.units.filter((u) => facts.meaningful(u) > 0 || SNAKE_EVENT.test(u.text));
    const text = content.map((u) => u.text).join('\n');
    const events = SNAKE_EVENT.test(text);
    const dashboard = DASHBOARD.test(text);
    if (!events)
      findings.push(
        finding(
          R['no-events'],
          anchor,
          'No event is named.',
          'Name each event in snake_case with when it fires and its properties, e.g. "{{eg:event}}".',
        ),
      );
    if (!dashboard)
      findings.push(
        finding(
          R['no-dashboard'],
          anchor,
          'No dashboard or report is named.',
          'Say where the metrics will be watched, e.g. "{{eg:dashboard}}".',
        ),
      );
    return { score: 0.4 + (events ? 0.4 : 0) + (dashboard ? 0.2 : 0), findings };
  },
});

const FIX =
  'Add "Analytics": the events (snake_case, when they fire, properties) that feed each success metric and the dashboard where they are watched.';
