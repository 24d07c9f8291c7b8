// A stored story's quality checks (core/stories/checks.ts: INVEST-style and Gherkin well-formedness), in the gate's
// finding format. The editor runs the same pure checks as the builder types; this answers them for the API and CLI.
import type { StoryChecks } from '@pi-studio/core/contract/backlog';
import { checkStory } from '@pi-studio/core/stories/checks';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { getStory } from './service.ts';

export async function storyChecks(ctx: UseCaseCtx, code: string, key: string): Promise<StoryChecks> {
  const story = await getStory(ctx, code, key);
  const findings = checkStory({
    key: story.key,
    title: story.title,
    narrative: story.narrative,
    acceptance: story.acceptance,
    requirementIds: story.requirements.map((r) => r.key),
  });
  return {
    key: story.key,
    findings: findings.map((f) => ({
      criterion: f.criterion,
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      column: f.column,
      section: f.section,
      excerpt: f.excerpt,
      message: f.message,
      fix: f.fix,
    })),
  };
}
