// The demo studio's UAT: every product at the UAT stage gets a running session of its current build with two
// hand-written cases for testers to run, created by ProductOps (Omar) as a person would, audited. Runs inside the
// demo's load transaction.
import type { Tx } from '../../db/client.ts';
import { demoActor } from '../../demo/build.ts';
import type { PersonKey } from '../../demo/facts.ts';
import { demoEmail } from '../../demo/people.ts';
import type { AuditActor } from '../../use-case/actor.ts';
import { writeAudit } from '../audit/writer.ts';
import { usersByEmail } from '../gate/demo/repo.ts';
import { insertCase } from './cases/repo.ts';
import { lockUatCounters, productsInUat, takeUatNumber } from './repo.ts';
import { insertSession, updateSessionAtRevision } from './sessions/repo.ts';

const DEMO_CASES = [
  {
    title: 'Sign in with a work account',
    steps: [
      { keyword: 'Given', text: 'a tester with a work account' },
      { keyword: 'When', text: 'they sign in' },
      { keyword: 'Then', text: 'they see the home page with their name' },
    ],
  },
  {
    title: 'Export the monthly report',
    steps: [
      { keyword: 'Given', text: 'a month with activity' },
      { keyword: 'When', text: 'the tester exports the report' },
      { keyword: 'Then', text: 'a CSV with one row per day downloads' },
    ],
  },
];

async function omar(tx: Tx): Promise<AuditActor> {
  const [row] = await usersByEmail(tx, [demoEmail('omar')]);
  const by = demoActor(new Map<PersonKey, string>(row ? [['omar', row.id]] : []), 'omar');
  return { actorId: by.actorId ?? null, actorLabel: by.actorLabel, requestId: by.requestId };
}

export async function seedDemoUat(tx: Tx): Promise<{ sessions: number }> {
  const products = await productsInUat(tx);
  if (products.length === 0) return { sessions: 0 };
  const who = await omar(tx);
  const at = new Date();
  for (const product of products) {
    await lockUatCounters(tx, product.id);
    const number = await takeUatNumber(tx, product.id, 'session');
    const key = `${product.code}-UAT-${number}`;
    const values = { title: 'Acceptance of the release candidate', buildVersion: '1.0.0-rc.1', sprintId: null };
    const participants = [{ name: 'Omar (ProductOps)', userId: who.actorId, role: 'moderator' }];
    const id = await insertSession(tx, {
      ...values,
      participants,
      productId: product.id,
      number,
      key,
      createdBy: who.actorId,
      at,
    });
    await updateSessionAtRevision(tx, id, 1, { status: 'running', startedAt: at });
    const scope = { targetType: 'uat_session', targetId: id, targetLabel: key, subsidiaryId: product.subsidiaryId };
    await writeAudit(tx, who, { action: 'uat.session_created', ...scope, after: { ...values, participants } });
    for (const [position, c] of DEMO_CASES.entries()) {
      const caseNumber = await takeUatNumber(tx, product.id, 'case');
      const caseKey = `${product.code}-TC-${caseNumber}`;
      const caseId = await insertCase(tx, {
        ...c,
        sessionId: id,
        productId: product.id,
        number: caseNumber,
        key: caseKey,
        storyId: null,
        storyKey: null,
        storyRevision: null,
        position,
        at,
      });
      await writeAudit(tx, who, {
        action: 'uat.case_added',
        targetType: 'uat_case',
        targetId: caseId,
        targetLabel: caseKey,
        subsidiaryId: product.subsidiaryId,
        after: { session: key, ...c },
      });
    }
    await writeAudit(tx, who, { action: 'uat.session_started', ...scope });
  }
  return { sessions: products.length };
}
