import { Text, Timeline, UnstyledButton } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { personName } from '../../lib/people.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useVersions } from './queries.ts';

type Props = {
  documentId: string;
  /** The version shown now; highlighted in the timeline. */
  selected?: string;
  onSelect?: (version: string) => void;
};

/** Newest first. With onSelect each entry is a button that shows that version. */
export function VersionTimeline({ documentId, selected, onSelect }: Props) {
  const versions = useVersions(documentId);
  if (versions.isPending) return <LoadingState label="Loading versions…" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0) return <EmptyState title="No versions yet" />;
  const selectedVersion = selected ?? versions.data[0]?.version;
  return (
    <Timeline active={-1} bulletSize={14} lineWidth={2} data-testid="version-timeline">
      {versions.data.map((v, i) => {
        const isSelected = v.version === selectedVersion;
        const label = (
          <Text size="sm" fw={isSelected ? 700 : 500} c={isSelected ? 'indigo' : undefined}>
            v{v.version}
            {i === 0 ? ' (current)' : ''}
          </Text>
        );
        return (
          <Timeline.Item
            key={v.id}
            data-testid="version-item"
            bullet={isSelected ? <span className="timeline-dot" /> : undefined}
            title={
              onSelect ? (
                <UnstyledButton
                  onClick={() => onSelect(v.version)}
                  aria-label={`Show version ${v.version}`}
                  aria-current={isSelected ? 'true' : undefined}
                >
                  {label}
                </UnstyledButton>
              ) : (
                label
              )
            }
          >
            <Text size="xs" c="dimmed">
              {personName(v.author)} · {formatDateTime(v.createdAt)}
            </Text>
            {v.note ? (
              <Text size="xs" mt={2} lineClamp={2}>
                {v.note}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
