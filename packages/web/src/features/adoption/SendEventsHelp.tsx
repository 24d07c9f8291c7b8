// How a product sends its events: POST /api/v1/events with a token of scope "events", one planned event as example.
import { Card, Code, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../ui/Links.tsx';
import { curlExample } from './plan-form.ts';

export function SendEventsHelp({ code, eventName }: { code: string; eventName: string }) {
  return (
    <Card withBorder radius="md" component="section" aria-label="How to send events" data-testid="send-events-help">
      <Title order={4} mb="xs">
        How to send events
      </Title>
      <Text size="sm" mb="xs">
        Create a token with the scope "events" on{' '}
        <AnchorLink to="/account" size="sm">
          your account page
        </AnchorLink>{' '}
        (or with <Code>pistudio token create --scope events</Code>), then post the events in batches of up to 1,000.
        Only live events of the current plan are accepted; each record needs its own event id, so a retried batch is
        counted once.
      </Text>
      <Code block data-testid="send-events-curl" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {curlExample(window.location.origin, code, eventName, new Date())}
      </Code>
    </Card>
  );
}
