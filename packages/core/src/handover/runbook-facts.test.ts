import { describe, expect, it } from 'vitest';
import { runbookFacts } from './runbook-facts.ts';

describe('runbookFacts', () => {
  it('reads the environments of the Environments section with their URLs, and every link', () => {
    const runbook = [
      '# Runbook: PayFlow',
      'Dashboards: https://grafana.fintx.io/d/payflow.',
      '## Environments and access',
      '| Environment | URL |',
      '|---|---|',
      '| Production | https://payflow.fintx.io |',
      '| Staging | https://staging.payflow.fintx.io/health |',
      '- QA: shared with the billing team',
      '```',
      'prod https://not-this.example',
      '```',
      '## Deploy',
      'Deploy to prod with the pipeline: https://ci.fintx.io/payflow',
    ].join('\n');
    expect(runbookFacts(runbook)).toEqual({
      environments: [
        { name: 'production', url: 'https://payflow.fintx.io' },
        { name: 'staging', url: 'https://staging.payflow.fintx.io/health' },
        { name: 'qa' },
      ],
      urls: [
        'https://grafana.fintx.io/d/payflow',
        'https://payflow.fintx.io',
        'https://staging.payflow.fintx.io/health',
        'https://ci.fintx.io/payflow',
      ],
    });
  });

  it('finds nothing in a runbook without environments or links, and survives hostile text', () => {
    expect(runbookFacts('# Runbook\n\nNothing here.')).toEqual({ environments: [], urls: [] });
    const huge = `## Environments\n${'prod https://a.io/x '.repeat(20_000)}\n\u0000\ud800`;
    const facts = runbookFacts(huge);
    expect(facts.environments).toEqual([{ name: 'production', url: 'https://a.io/x' }]);
    expect(facts.urls.length).toBeLessThanOrEqual(200);
  });
});
