// One finding: severity, where it is (jump to the line in the editor), what is wrong, the fix and any golden example.
import { Badge, Blockquote, Button, Code, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format.ts';
import { ruleLabel } from '../../../lib/labels.ts';
import { type PersonRef, personName } from '../../../lib/people.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { AnchorLink } from '../../../ui/Links.tsx';
import { MarkdownView } from '../../documents/MarkdownView.tsx';
import type { ReviewFinding } from '../api.ts';
import { splitGoldenCitation } from '../format.ts';
import { SeverityBadge } from '../ui/VerdictBadge.tsx';

type Props = {
  finding: ReviewFinding;
  documentId: string;
  /** The reviewed version: the finding's line number belongs to it. */
  version: string;
  onWaive?: () => void;
  /** Called once the person has confirmed the removal. */
  onRemoveWaiver?: () => void;
};

export function FindingItem({ finding, documentId, version, onWaive, onRemoveWaiver }: Props) {
  const { fix, golden } = splitGoldenCitation(finding.fix);
  return (
    <Stack
      gap={4}
      py="xs"
      data-testid="finding"
      data-rule={finding.rule}
      data-severity={finding.severity}
      style={{ opacity: finding.waiver ? 0.65 : 1 }}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        {/* Wraps on a phone: the rule is named in words now, longer than its id. */}
        <Group gap="xs" wrap="wrap">
          <SeverityBadge severity={finding.severity} />
          <Text size="xs" c="dimmed" title={finding.rule} data-testid="finding-rule">
            {ruleLabel(finding.rule)}
          </Text>
          <AnchorLink
            to="/documents/$id/edit"
            params={{ id: documentId }}
            search={{ line: finding.line, from: version }}
            size="xs"
            data-testid="jump-to-line"
          >
            Line {finding.line}
          </AnchorLink>
          {finding.section ? (
            <Text size="xs" c="dimmed" truncate maw={280}>
              {finding.section}
            </Text>
          ) : null}
        </Group>
        {onWaive && !finding.waiver ? (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onWaive} data-testid="waive-finding">
            Waive
          </Button>
        ) : null}
      </Group>
      <Text size="sm">{finding.message}</Text>
      {finding.excerpt ? (
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {finding.excerpt}
        </Code>
      ) : null}
      <Text size="sm" c="indigo.8" data-testid="finding-fix">
        <Text span fw={600} size="sm">
          Fix:{' '}
        </Text>
        {fix}
      </Text>
      {golden ? (
        <Blockquote
          color="yellow"
          p="xs"
          mt={2}
          data-testid="golden-excerpt"
          cite={golden.source ? `— ${golden.source}` : undefined}
        >
          <Text size="xs" fw={600} c="yellow.9">
            Golden example
          </Text>
          {finding.golden ? <MarkdownView source={finding.golden.markdown} /> : <Text size="sm">{golden.text}</Text>}
        </Blockquote>
      ) : null}
      {finding.waiver ? (
        <Group gap="xs" wrap="nowrap">
          <Badge color="gray" variant="light" data-testid="finding-waiver" style={{ textTransform: 'none' }}>
            Waived until {formatDate(finding.waiver.expiresAt)} by {personName(finding.waiver.by as PersonRef, '—')}
            {finding.waiver.carriedFromReviewId ? ' (carried over from the previous attempt)' : ''}:{' '}
            {finding.waiver.reason}
          </Badge>
          {onRemoveWaiver ? (
            <ConfirmButton
              size="compact-xs"
              variant="subtle"
              color="red"
              confirm={{
                title: 'Remove this waiver?',
                message: `${ruleLabel(finding.rule)} counts toward the suggested verdict again. The audit trail keeps the waiver.`,
                confirmLabel: 'Remove waiver',
                danger: true,
              }}
              onConfirm={onRemoveWaiver}
              data-testid="remove-waiver"
            >
              Remove waiver
            </ConfirmButton>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
