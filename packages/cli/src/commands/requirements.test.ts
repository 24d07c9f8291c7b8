import path from 'node:path';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { describe, expect, it } from 'vitest';
import { runRequirements } from './requirements.ts';
import { captured, scratch } from './test-kit.ts';

const { work, file } = scratch('requirements');

const requirements = (...argv: string[]) => captured(runRequirements, argv);

const PRD = `# Planner PRD

## Requirements

| Id | Requirement | Priority | Acceptance criteria |
|---|---|---|---|
| FR-1 | Students see every deadline of the term on one page | Must | The page lists all 12 deadlines of the test term |

- Students get an email two days before each deadline (Should).
`;

describe('pistudio requirements', () => {
  it('prints the JSON contract: {"requirements":[{"id","text","priority","acceptance"}]}', async () => {
    const out = await requirements(file('planner.md', PRD), '--format', 'json', '--product', 'EDC-PLANNER');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(out.stdout) as { requirements: Record<string, unknown>[] };
    expect(
      parsed.requirements.map(({ id, text, priority, acceptance }) => ({ id, text, priority, acceptance })),
    ).toEqual([
      {
        id: 'FR-1',
        text: 'Students see every deadline of the term on one page',
        priority: 'Must',
        acceptance: ['The page lists all 12 deadlines of the test term'],
      },
      {
        id: 'EDC-PLANNER-FR-2',
        text: 'Students get an email two days before each deadline (Should).',
        priority: 'Should',
        acceptance: [],
      },
    ]);
    expect(parsed.requirements[1]).toMatchObject({ generated: true, line: 9, kind: 'functional' });
  });

  it('prints text for people, marking generated ids', async () => {
    const out = await requirements(file('planner-text.md', PRD));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('2 requirements');
    expect(out.stdout).toContain('FR-1  Must  line 7');
    expect(out.stdout).toContain('✓ The page lists all 12 deadlines of the test term');
    expect(out.stdout).toContain('FR-2*  Should  line 9');
    expect(out.stdout).toContain('(no acceptance criteria)');
  });

  it('reads a .docx built in the test', async () => {
    const docx = file(
      'planner.docx',
      buildDocx([
        { heading: 1, text: 'Planner PRD' },
        { heading: 2, text: 'Requirements' },
        {
          table: [
            ['Id', 'Requirement', 'Priority', 'Acceptance criteria'],
            ['REQ-3', 'Deadlines export to a calendar file.', 'Could', 'The .ics file holds 12 events.'],
          ],
        },
      ]),
    );
    const out = await requirements(docx, '--format', 'json');
    expect(JSON.parse(out.stdout).requirements).toMatchObject([
      { id: 'REQ-3', priority: 'Could', acceptance: ['The .ics file holds 12 events.'] },
    ]);
  });

  it('says so when a file has no requirements, with exit 0', async () => {
    const out = await requirements(file('notes.md', '# Notes\n\nJust prose.\n'));
    expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining('no requirements found') });
    const none = await requirements(file('notes2.md', '# Notes\n'), '--format', 'json');
    expect(JSON.parse(none.stdout)).toEqual({ requirements: [] });
  });

  it('answers exit 2 and one line for bad usage and unreadable input', async () => {
    const cases: [string[], string][] = [
      [[], 'give exactly one file'],
      [[path.join(work, 'missing.md')], 'cannot read'],
      [[file('a.md', PRD), file('b.md', PRD)], 'give exactly one file'],
      [['--format', 'xml', file('c.md', PRD)], "unknown --format 'xml'"],
      [['--product', 'not a code', file('d.md', PRD)], 'is not a product code'],
      [['--nope', file('e.md', PRD)], "Unknown option '--nope'"],
      [[file('binary.md', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0xd8, 0x00]))], ''],
      [[file('fake.docx', 'this is not a zip')], ''],
      [[file('empty.md', '')], ''],
    ];
    for (const [argv, says] of cases) {
      const out = await requirements(...argv);
      expect(out.code, argv.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(out.stderr).toMatch(/^pistudio: requirements: /);
      expect(out.stderr).toContain(says);
    }
  });
});
