import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets } from './secrets.ts';

// Tokens are assembled at run time so this file holds no string a secret scanner would (rightly) stop.
const j = (...parts: string[]) => parts.join('');
const mixed = (n: number) => 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6'.repeat(4).slice(0, n);

const POSITIVE: [string, string][] = [
  ['aws_access_key', j('key id ', 'AKIA', 'Q3EGRTYUWX7ZPLMN')],
  ['aws_secret_key', j('aws_secret_access_key = ', mixed(40))],
  ['gcp_api_key', j('key=', 'AIza', mixed(35))],
  ['gcp_oauth_secret', j('client secret ', 'GOCSPX-', mixed(28))],
  ['azure_storage_key', j('DefaultEndpointsProtocol=https;AccountKey=', mixed(86), '==')],
  ['github_token', j('token ', 'ghp_', mixed(36))],
  ['slack_token', j('bot token ', 'xoxb-', '2048613579-', mixed(24))],
  ['slack_webhook', j('https://hooks.slack.com/services/', 'T024BE7LD/B9F2K3L4/', mixed(24))],
  ['stripe_secret', j('sk_', 'live_', mixed(24))],
  ['password_in_url', 'amqp://svc:Tr0ub4dor3x@mq.internal:5672/'],
  ['jwt', j('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJhZGEub2JpIiwicm9sZSI6Im9wcyJ9', '.', mixed(43))],
  ['generic_assignment', 'DB_PASSWORD=q8Zr2vLx9Tk4'],
];

const NEGATIVE: [string, string][] = [
  ['AWS documentation example key', j('AKIA', 'IOSFODNN7', 'EXAMPLE')],
  ['placeholder password in a URL', 'postgres://app:<password>@db:5432/app'],
  ['variable in a URL', j('postgres://app:$', '{DB_PASSWORD}@db:5432/app')],
  ['masked value', 'api_key: ********'],
  ['a word, not a value', 'password = changeme123'],
  ['an environment variable name', 'api_key: PAYFLOW_API_KEY'],
  [
    "jwt.io's sample token",
    j(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
      '.',
      'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
      '.',
      mixed(43),
    ),
  ],
  ['Slack webhook template', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
  ['prose about passwords', 'Passwords are stored with bcrypt (cost 12) and rotated every 90 days.'],
];

describe('findSecrets', () => {
  it.each(POSITIVE)('finds %s', (rule, line) => {
    const hits = findSecrets(`Setup notes\n${line}\n`);
    expect(hits.map((h) => h.rule.id)).toEqual([`pack.secret.${rule}`]);
    expect(hits[0]?.line).toBe(2);
  });

  it.each(NEGATIVE)('leaves alone %s', (_name, line) => {
    expect(findSecrets(line)).toEqual([]);
  });

  it('finds a private key block once, from its BEGIN line, even when it is never closed', () => {
    const block = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA1x', 'Zq9w==', '-----END RSA PRIVATE KEY-----'];
    const closed = findSecrets(['Key:', ...block].join('\n'));
    expect(closed.map((h) => [h.rule.id, h.line])).toEqual([['pack.secret.private_key', 2]]);
    const open = findSecrets(['Key:', ...block.slice(0, 3)].join('\n'));
    expect(open.map((h) => h.line)).toEqual([2]);
  });
});

describe('maskSecrets', () => {
  it('keeps a 4-character prefix, hides the rest and keeps every line break', () => {
    const text = j('id: ', 'AKIA', 'Q3EGRTYUWX7ZPLMN', '\nurl: amqp://svc:Tr0ub4dor3x@mq:5672\nplain line');
    expect(maskSecrets(text)).toBe('id: AKIA********\nurl: amqp://svc:Tr0u********@mq:5672\nplain line');
  });

  it('masks a private key body line by line, headers kept', () => {
    const text =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\nAAAAB3NzaC1yc2E\n-----END OPENSSH PRIVATE KEY-----\n';
    const masked = maskSecrets(text);
    expect(masked).toBe(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl********\n********\n-----END OPENSSH PRIVATE KEY-----\n',
    );
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('returns text without secrets unchanged', () => {
    const text = 'Secrets live in the vault under kv/payflow/prod.';
    expect(maskSecrets(text)).toBe(text);
  });
});

describe('a pack too short to check', () => {
  it('quotes its text with the secret masked', async () => {
    const { validatePack } = await import('./validate.ts');
    const key = j('AKIA', 'Q3EGRTYUWX7ZPLMN');
    const report = validatePack(`export AWS_ACCESS_KEY_ID=${key}`, 'security');
    expect(report.findings.map((f) => f.rule)).toEqual(['pack.document.not_a_pack']);
    expect(JSON.stringify(report)).not.toContain(key);
    expect(report.findings[0]?.excerpt).toContain('AKIA');
  });
});
