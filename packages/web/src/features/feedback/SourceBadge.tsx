// Where feedback came from: a small drawn icon and the source's label (the app ships no icon set). The label is
// always written out, so the icon is decoration (aria-hidden) and colour is never the only cue.
import { Group, Text } from '@mantine/core';
import type { FeedbackSource } from './api.ts';
import { SOURCE_LABEL } from './format.ts';

const COLOR: Record<FeedbackSource, string> = {
  form: 'var(--mantine-color-blue-7)',
  guest: 'var(--mantine-color-cyan-8)',
  api: 'var(--mantine-color-gray-7)',
  whatsapp: 'var(--mantine-color-green-8)',
  slack: 'var(--mantine-color-grape-7)',
  teams: 'var(--mantine-color-indigo-7)',
};

/** One 24×24 path set per source: a form, a link, brackets, a phone bubble, a hash, two people. */
const PATHS: Record<FeedbackSource, string[]> = {
  form: ['M6 3h9l3 3v15H6z', 'M9 10h6', 'M9 14h6', 'M9 18h4'],
  guest: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  api: ['M8 7l-5 5 5 5', 'M16 7l5 5-5 5', 'M13.5 5l-3 14'],
  whatsapp: ['M4 20l1.4-4A8 8 0 1 1 8.4 19z', 'M9 9.5c.5 2.5 2.5 4.5 5 5'],
  slack: ['M9 3v18', 'M15 3v18', 'M3 9h18', 'M3 15h18'],
  teams: [
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6',
    'M16 5.3a3 3 0 0 1 0 5.4',
    'M18 14c1.8.7 3 2.5 3 4.6',
  ],
};

export function SourceIcon({ source, size = 16 }: { source: FeedbackSource; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke={COLOR[source]}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      style={{ flexShrink: 0 }}
    >
      {PATHS[source].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export function SourceBadge({ source }: { source: FeedbackSource }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="feedback-source" data-source={source}>
      <SourceIcon source={source} />
      <Text size="xs" fw={500} c={COLOR[source]}>
        {SOURCE_LABEL[source]}
      </Text>
    </Group>
  );
}
