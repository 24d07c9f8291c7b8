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

// Each case below reproduces, in a text written here, a false positive or a miss seen on the public runbooks of
// bench/handover-public (see docs/handover-packs.md, "runbookFacts on public runbooks").
describe('runbookFacts on what public runbooks hold', () => {
  it('drops reference links the runbook names once, images and copyright or licence links', () => {
    const runbook = [
      '# Ledger service',
      'Copyright © 2025 [Some Consulting](https://some-consulting.example/)',
      'Licensed under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)',
      '![build](https://badges.example.org/ledger.svg)',
      '* [Overview dashboard](https://grafana.ledger.io/d/main)',
      '* **Alerts**: <https://alerts.ledger.io/#/ledger>',
      'See [Debugging Pods](https://kubernetes.io/docs/tasks/debug/) for pod states.',
      '1. Sign up at [uptimerobot.com](https://uptimerobot.com)',
      '* Upstream team - https://slack.cncf.io/',
    ].join('\n');
    expect(runbookFacts(runbook).urls).toEqual([
      'https://grafana.ledger.io/d/main',
      'https://alerts.ledger.io/#/ledger',
    ]);
  });

  it('keeps a one-off link when its domain is named elsewhere, even in code, and an environment URL always', () => {
    const runbook = [
      '# Ledger on Ledger.io',
      'Terraform: [module](https://ops.ledger.io/infra/ledger)',
      '```bash',
      'curl https://api.zeabur.app/health',
      '```',
      'Health: https://api.zeabur.app/health',
      'Rule: [KubeJobFailed](https://github.com/acme/ops/blob/main/rules.yaml)',
      '## Environments',
      '- Production: https://ledger.fly.dev',
    ].join('\n');
    expect(runbookFacts(runbook)).toEqual({
      environments: [{ name: 'production', url: 'https://ledger.fly.dev' }],
      // the rule link is the only github.com mention: dropped (a known miss, one alert runbook in the sample)
      urls: ['https://ops.ledger.io/infra/ledger', 'https://api.zeabur.app/health', 'https://ledger.fly.dev'],
    });
  });

  it('reads only the first word of a line in an environment runbook: a "Scale test" step or "Backups/DR" is none', () => {
    const runbook = [
      '# Staging Environment Runbook',
      'Purpose: production-like staging for checks.',
      'Operations',
      '- Health check',
      '  curl -fsS https://staging.ledger.io/health',
      '- Scale test',
      'Backups/DR',
      '- Daily snapshots; weekly restore test',
    ].join('\n');
    expect(runbookFacts(runbook).environments).toEqual([{ name: 'staging', url: 'https://staging.ledger.io/health' }]);
  });

  it('reads environment sub-headings under Environments with the URL of their body, not "Testing on staging"', () => {
    const runbook = [
      '# Environments',
      '## Production',
      '| Property | Value |',
      '|---|---|',
      '| URL | `https://api.ledger.io` |',
      '## Staging',
      '| URL | `https://api-staging.ledger.io` |',
      '## Environment variables',
      '| DEV_MODE | off |',
      '## Testing on Staging',
      'Point the widget at https://api-staging.ledger.io/v2.',
    ].join('\n');
    expect(runbookFacts(runbook).environments).toEqual([
      { name: 'production', url: 'https://api.ledger.io' },
      { name: 'staging', url: 'https://api-staging.ledger.io' },
    ]);
  });

  it('does not open an Environments section on "Environment variables"', () => {
    const runbook = ['## Environment variables', '- DEV_MODE: off', '| QA_TOKEN | set in the vault |'].join('\n');
    expect(runbookFacts(runbook).environments).toEqual([]);
  });

  it("reads a table's Env column anywhere, and prose that names the service's environments", () => {
    const runbook = [
      '# Ledger',
      '## Key locations',
      '| Env | Namespace |',
      '|---|---|',
      '| EU-West Prod | [ledger][1] |',
      '## Load balancers',
      'There are ILBs in both LSTG (staging) and LPRD (production) environments.',
      'Runners serve the sandbox and demo environments.',
      'Try risky changes in a test environment first; other environments are not ours.',
    ].join('\n');
    expect(runbookFacts(runbook).environments.map((e) => e.name)).toEqual(['production', 'staging', 'demo', 'sandbox']);
  });

  it("gives an environment its row's reference link, so the service's one-off URL stays", () => {
    const runbook = [
      '# Ledger runbook',
      '| Env | Namespace |',
      '|---|---|',
      '| EU Prod | [ledger][app] |',
      '',
      'Fix described [here][1].',
      '',
      '[app]: https://ledger.apps.example.cloud',
      '[1]: https://tracker.acme.dev/ops/42',
    ].join('\n');
    expect(runbookFacts(runbook)).toEqual({
      environments: [{ name: 'production', url: 'https://ledger.apps.example.cloud' }],
      urls: ['https://ledger.apps.example.cloud'],
    });
  });
});
