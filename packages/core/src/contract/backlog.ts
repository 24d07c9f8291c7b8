// The backlog (issue #12): requirements read from the PRD version that passed the gate, stories and bugs linked to
// them, and sprints that record what they committed to. Guide: docs/backlog.md.
import { z } from 'zod';
import { SEVERITIES } from '../gate/types.ts';
import { PRIORITIES } from '../stories/priority.ts';
import { ZPerson, zItems, zLimit, zPage, zSerialCursor, zTimestamp } from './common.ts';

export const STORY_TYPES = ['story', 'bug'] as const;
export type StoryType = (typeof STORY_TYPES)[number];

export const STORY_STATUSES = ['backlog', 'ready', 'in_progress', 'done'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const SPRINT_STATUSES = ['planned', 'active', 'ended'] as const;
export type SprintStatus = (typeof SPRINT_STATUSES)[number];

export const REQUIREMENT_KINDS = ['functional', 'nfr'] as const;

/** The limits a story's text is held to (the editor shows them too). */
export const STORY_LIMITS = { title: 200, narrative: 4000, acceptance: 20_000, requirements: 200 } as const;

// ---- Requests ----

const zProductCode = () => z.string().min(1).max(60);

export const ZStoryParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100) });
export const ZSprintParams = z.strictObject({ code: zProductCode(), id: z.uuid() });

/** `none` lists the stories in no sprint. */
export const ZStoryQuery = z.strictObject({
  status: z.enum(STORY_STATUSES).optional(),
  type: z.enum(STORY_TYPES).optional(),
  sprint: z.union([z.uuid(), z.literal('none')]).optional(),
  /** A requirement's id: the stories linked to it. */
  requirement: z.uuid().optional(),
  /** The `nextCursor` of the previous page (stories are listed by number). */
  cursor: zSerialCursor().optional(),
  limit: zLimit(500, 100),
});
export type StoryQuery = z.infer<typeof ZStoryQuery>;

const zPriority = () => z.enum(PRIORITIES).nullable();
const zEstimate = () => z.number().int().min(0).max(1000).nullable();

const storyFields = {
  title: z.string().trim().min(1).max(STORY_LIMITS.title),
  /** "As a … I want … so that …". */
  narrative: z.string().trim().max(STORY_LIMITS.narrative),
  /** Acceptance criteria in Gherkin (Given/When/Then). */
  acceptance: z.string().trim().max(STORY_LIMITS.acceptance),
  priority: zPriority(),
  status: z.enum(STORY_STATUSES),
  estimate: zEstimate(),
  /** A planned or active sprint of the same product; null takes the story out of its sprint. */
  sprintId: z.uuid().nullable(),
  /** Requirement ids of the same product (GET /products/:code/requirements). */
  requirementIds: z.array(z.uuid()).max(STORY_LIMITS.requirements),
};

export const ZStoryBody = z.strictObject({
  type: z.enum(STORY_TYPES).default('story'),
  title: storyFields.title,
  narrative: storyFields.narrative.default(''),
  acceptance: storyFields.acceptance.default(''),
  priority: storyFields.priority.default(null),
  status: storyFields.status.default('backlog'),
  estimate: storyFields.estimate.default(null),
  sprintId: storyFields.sprintId.default(null),
  requirementIds: storyFields.requirementIds.default([]),
});
export type StoryBody = z.infer<typeof ZStoryBody>;
export type StoryInput = z.input<typeof ZStoryBody>;

/** The type and the number are fixed once a story has its key. */
export const ZStoryPatch = z
  .strictObject(storyFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');
export type StoryPatch = z.infer<typeof ZStoryPatch>;

/** Without `requirementIds`: a draft for every requirement in the PRD that no story is linked to yet. */
export const ZGenerateBody = z.strictObject({
  requirementIds: z.array(z.uuid()).min(1).max(500).optional(),
});
export type GenerateBody = z.infer<typeof ZGenerateBody>;

export const ZSprintBody = z.strictObject({ name: z.string().trim().min(1).max(120) });
export type SprintBody = z.infer<typeof ZSprintBody>;

// ---- Responses ----

/** A PRD version as the backlog names it: its id and `major.minor`. */
export const ZVersionRef = z.strictObject({ id: z.uuid(), version: z.string() });
export type VersionRef = z.infer<typeof ZVersionRef>;

export const ZRequirement = z.strictObject({
  id: z.uuid(),
  /** The author's id (FR-1, REQ-3) or one generated with the product code (`FINTX-PAYOUTS-FR-4`). */
  key: z.string(),
  generated: z.boolean(),
  kind: z.enum(REQUIREMENT_KINDS),
  text: z.string(),
  priority: zPriority(),
  acceptance: z.array(z.string()),
  /** 1-based line in `lastSeenIn` (jump to line), and its heading path. */
  line: z.number().int(),
  section: z.string(),
  documentId: z.uuid(),
  firstSeenIn: ZVersionRef,
  lastSeenIn: ZVersionRef,
  /** The first synced version that no longer has it; null while it is in the PRD. */
  removedIn: ZVersionRef.nullable(),
  /** Its text in each version where it changed, oldest first (the first entry is its text when first seen). */
  textHistory: z.array(z.strictObject({ version: z.string(), text: z.string() })),
  storyCount: z.number().int(),
});
export type Requirement = z.infer<typeof ZRequirement>;

/** The baseline: the PRD version of the newest gate review with a pass or conditional verdict. */
export const ZBaseline = z.strictObject({
  documentId: z.uuid(),
  versionId: z.uuid(),
  version: z.string(),
  reviewId: z.uuid(),
  decidedAt: zTimestamp(),
});
export type Baseline = z.infer<typeof ZBaseline>;

export const ZRequirementList = z.strictObject({
  /** The baseline now (null: the PRD has not passed the gate), which may be newer than the last sync. */
  baseline: ZBaseline.nullable(),
  items: z.array(ZRequirement),
});
export type RequirementList = z.infer<typeof ZRequirementList>;

export const ZRequirementSync = z.strictObject({
  ...ZRequirementList.shape,
  /** Keys by what the sync did to them. */
  changes: z.strictObject({
    added: z.array(z.string()),
    changed: z.array(z.string()),
    removed: z.array(z.string()),
    unchanged: z.number().int(),
  }),
});
export type RequirementSync = z.infer<typeof ZRequirementSync>;

export const ZStory = z.strictObject({
  id: z.uuid(),
  /** The naming convention's artifact id: `FINTX-PAYOUTS-S-12`, `FINTX-PAYOUTS-BUG-3`. */
  key: z.string(),
  number: z.number().int(),
  type: z.enum(STORY_TYPES),
  title: z.string(),
  narrative: z.string(),
  acceptance: z.string(),
  priority: zPriority(),
  status: z.enum(STORY_STATUSES),
  estimate: z.number().int().nullable(),
  sprint: z.strictObject({ id: z.uuid(), name: z.string(), status: z.enum(SPRINT_STATUSES) }).nullable(),
  requirements: z.array(z.strictObject({ id: z.uuid(), key: z.string() })),
  /** The concurrency token: send it back as `If-Match: "<revision>"` (also the `ETag` header). */
  revision: z.number().int(),
  createdBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
  updatedAt: zTimestamp(),
});
export type Story = z.infer<typeof ZStory>;

export const ZStoryPage = zPage(ZStory);
export type StoryPage = z.infer<typeof ZStoryPage>;

/** The stories a generation added, by number. */
export const ZStoryList = zItems(ZStory);
export type StoryList = z.infer<typeof ZStoryList>;

/** A story check's finding, in the gate's format; `section` names the story field, line/column are within it. */
export const ZStoryFinding = z.strictObject({
  criterion: z.string(),
  /** `story.<rule>` or `gherkin.<rule>`, e.g. `story.no-benefit`. */
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  line: z.number().int(),
  column: z.number().int(),
  section: z.string(),
  excerpt: z.string(),
  message: z.string(),
  fix: z.string(),
});
export type StoryFinding = z.infer<typeof ZStoryFinding>;

export const ZStoryChecks = z.strictObject({ key: z.string(), findings: z.array(ZStoryFinding) });
export type StoryChecks = z.infer<typeof ZStoryChecks>;

/**
 * How a sprint went (issue #12): clarifications asked while it was active and how fast they were answered, scope
 * that arrived after it started, and its commitment. Before a sprint starts every count is 0.
 */
export const ZSprintMetrics = z.strictObject({
  /** Questions asked while the sprint was active (after its start, before its end). */
  midSprintClarifications: z.number().int(),
  /** Questions not answered yet, whenever they were asked. */
  openClarifications: z.number().int(),
  /** Median minutes from question to answer over the answered ones, one decimal; null when none is answered. */
  medianAnswerMinutes: z.number().nullable(),
  /** Change requests raised after the sprint started (and, once it has ended, before its end). */
  scopeSurprises: z.number().int(),
  /** Stories in the sprint now that are not in its commitment (they joined after it started). */
  storiesAddedAfterStart: z.number().int(),
  /** Committed stories that are done now, of the committed ones that still exist. */
  committedDone: z.number().int(),
  committedTotal: z.number().int(),
});
export type SprintMetrics = z.infer<typeof ZSprintMetrics>;

export const ZSprint = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(SPRINT_STATUSES),
  /** The PRD baseline when the sprint started (null before it starts, or when the PRD had not passed the gate). */
  baseline: ZVersionRef.nullable(),
  /** The stories in the sprint when it started: what it committed to. Empty before it starts. */
  committedStoryIds: z.array(z.uuid()),
  /** Stories in the sprint now. */
  storyCount: z.number().int(),
  startedAt: zTimestamp().nullable(),
  endedAt: zTimestamp().nullable(),
  createdBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
  metrics: ZSprintMetrics,
});
export type Sprint = z.infer<typeof ZSprint>;

export const ZSprintList = zItems(ZSprint);
export type SprintList = z.infer<typeof ZSprintList>;

// ---- Traceability: the coverage matrix and drift (core/trace) ----

const ZMatrixItem = z.strictObject({ key: z.string(), kind: z.enum(STORY_TYPES), status: z.string() });

/** A UAT test case in the matrix (issue #13): its latest result and the defects it raised, with their retests. */
const ZMatrixCase = z.strictObject({
  key: z.string(),
  storyKey: z.string().nullable(),
  /** untested, pass, fail or blocked. */
  result: z.string(),
  defects: z.array(
    z.strictObject({
      /** The bug's key. */
      key: z.string(),
      /** open, fixed, verified or reopened. */
      state: z.string(),
      /** The latest retest's result, null before one. */
      retest: z.string().nullable(),
    }),
  ),
});

export const ZTraceMatrix = z.strictObject({
  rows: z.array(
    z.strictObject({
      requirement: z.strictObject({
        id: z.string(),
        text: z.string(),
        priority: z.string().nullable(),
        /** Removed from the PRD: shown with its links, counted neither way. */
        removed: z.boolean(),
      }),
      /** Stories that implement it (only these cover it). */
      stories: z.array(ZMatrixItem),
      /** Bugs filed against it. */
      bugs: z.array(ZMatrixItem),
      covered: z.boolean(),
      /** UAT test cases that verify its stories. */
      cases: z.array(ZMatrixCase),
      /** Defects of those cases not yet verified by a retest. */
      openDefects: z.number().int(),
    }),
  ),
  /** Keys of requirements in the PRD with no story. */
  uncoveredRequirements: z.array(z.string()),
  /** Stories and bugs that trace to no requirement in the PRD (scope creep). */
  orphanStories: z.array(ZMatrixItem),
  total: z.number().int(),
  covered: z.number().int(),
  /** covered / total in percent, rounded down to one decimal. */
  coverage: z.number(),
  /** Keys of requirements in the PRD that no UAT test case verifies. */
  requirementsWithoutCase: z.array(z.string()),
  /** Keys of UAT test cases never run. */
  casesNeverRun: z.array(z.string()),
  /** UAT defects not yet verified, across the product. */
  openDefects: z.number().int(),
  /** UAT test cases of the product (0 before the first session's cases). */
  caseCount: z.number().int(),
});
export type TraceMatrix = z.infer<typeof ZTraceMatrix>;

export const DRIFT_KINDS = [
  'requirement-changed-without-approval',
  'requirement-added-without-approval',
  'requirement-removed-without-approval',
  'story-without-requirement',
  'story-added-after-sprint-start',
] as const;

export const ZDriftItem = z.strictObject({
  kind: z.enum(DRIFT_KINDS),
  what: z.string(),
  where: z.strictObject({
    storyKey: z.string().optional(),
    requirementId: z.string().optional(),
    sprint: z.string().optional(),
    line: z.number().int().optional(),
  }),
  /** A PRD version for requirement drift, an ISO time for story drift. */
  since: z.string(),
});
export type DriftItem = z.infer<typeof ZDriftItem>;

export const ZDrift = z.strictObject({
  /** The PRD version that passed the gate and the newest one (null: the PRD has not passed the gate, no drift yet). */
  baseline: ZVersionRef.nullable(),
  current: ZVersionRef.nullable(),
  items: z.array(ZDriftItem),
});
export type Drift = z.infer<typeof ZDrift>;

// ---- Change requests ----

export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export const ZChangeRequestParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100) });

export const ZChangeRequestBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** What changes in the PRD or the build. */
  whatChanges: z.string().trim().min(1).max(4000),
  why: z.string().trim().min(1).max(4000),
  impact: z
    .strictObject({
      /** Requirement keys affected (FR-1), also new ones the change adds. */
      requirementIds: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
      /** Story keys of this product affected; an approval links them to `requirementIds`. */
      storyKeys: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
      /** The effect on dates, in words. */
      dates: z.string().trim().max(2000).default(''),
    })
    .default({ requirementIds: [], storyKeys: [], dates: '' }),
  /** The proposed PRD text: an approval saves it as the PRD's next minor version. */
  prdChange: z.strictObject({ body: z.string().min(1).max(2_000_000) }).optional(),
});
export type ChangeRequestBody = z.infer<typeof ZChangeRequestBody>;
export type ChangeRequestInput = z.input<typeof ZChangeRequestBody>;

export const ZChangeRequestDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  rationale: z.string().trim().min(1).max(2000),
});
export type ChangeRequestDecision = z.infer<typeof ZChangeRequestDecision>;

export const ZChangeRequest = z.strictObject({
  id: z.uuid(),
  /** `<PRODUCT>-CR-3`. */
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  whatChanges: z.string(),
  why: z.string(),
  impact: z.strictObject({
    requirementIds: z.array(z.string()),
    storyKeys: z.array(z.string()),
    dates: z.string(),
  }),
  /** Whether it carries a PRD text to save on approval. */
  hasPrdChange: z.boolean(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  requestedBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
  decidedBy: ZPerson.nullable(),
  decidedAt: zTimestamp().nullable(),
  rationale: z.string().nullable(),
  /** The PRD version the approval saved. */
  prdVersion: ZVersionRef.nullable(),
});
export type ChangeRequest = z.infer<typeof ZChangeRequest>;

export const ZChangeRequestList = zItems(ZChangeRequest);
export type ChangeRequestList = z.infer<typeof ZChangeRequestList>;

// ---- Exchange with trackers (core/exchange) ----

export const ZStoryExportQuery = z.strictObject({ format: z.enum(['jira', 'azure']).default('jira') });
export type StoryExportQuery = z.infer<typeof ZStoryExportQuery>;

export const ZJiraImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

const ZExchangeProblem = z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() });

export const ZJiraImportPlan = z.strictObject({
  dryRun: z.boolean(),
  /** True once the updates were saved (never on a dry run). */
  applied: z.boolean(),
  updates: z.array(
    z.strictObject({
      key: z.string(),
      issueKey: z.string(),
      line: z.number().int(),
      from: z.enum(STORY_STATUSES),
      to: z.enum(STORY_STATUSES),
    }),
  ),
  unchanged: z.array(z.string()),
  unknown: z.array(z.string()),
  unlinked: z.array(z.string()),
  problems: z.array(ZExchangeProblem),
  applicable: z.boolean(),
});
export type JiraImportPlan = z.infer<typeof ZJiraImportPlan>;

// ---- Sprint clarifications: the questions asked about a sprint's work and their answers ----

export const CLARIFICATION_LIMITS = { question: 2000, answer: 4000 } as const;

export const ZClarificationParams = z.strictObject({ code: zProductCode(), id: z.uuid(), cid: z.uuid() });

export const ZClarificationBody = z.strictObject({
  question: z.string().trim().min(1).max(CLARIFICATION_LIMITS.question),
});
export type ClarificationBody = z.infer<typeof ZClarificationBody>;

export const ZClarificationAnswerBody = z.strictObject({
  answer: z.string().trim().min(1).max(CLARIFICATION_LIMITS.answer),
});
export type ClarificationAnswerBody = z.infer<typeof ZClarificationAnswerBody>;

export const ZClarification = z.strictObject({
  id: z.uuid(),
  sprintId: z.uuid(),
  question: z.string(),
  askedBy: ZPerson.nullable(),
  askedAt: zTimestamp(),
  /** Whether it was asked while the sprint was active (counted in the sprint's `midSprintClarifications`). */
  midSprint: z.boolean(),
  /** Null until answered; answered once. */
  answer: z.string().nullable(),
  answeredBy: ZPerson.nullable(),
  answeredAt: zTimestamp().nullable(),
});
export type Clarification = z.infer<typeof ZClarification>;

/** Oldest first. */
export const ZClarificationList = zItems(ZClarification);
export type ClarificationList = z.infer<typeof ZClarificationList>;

// ---- The backlog summary (the product page) ----

const ZStatusCounts = z.strictObject({
  backlog: z.number().int(),
  ready: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof ZStatusCounts>;

/** Whether the product may move build → UAT now, and why not (the same rule as POST …/stage/uat). */
export const ZUatReadiness = z.strictObject({ ready: z.boolean(), reason: z.string() });
export type UatReadiness = z.infer<typeof ZUatReadiness>;

export const ZBacklogSummary = z.strictObject({
  stories: ZStatusCounts,
  bugs: ZStatusCounts,
  /** The coverage matrix's coverage: requirements in the PRD that a story implements, in percent (one decimal). */
  coverage: z.number(),
  /** Requirements in the PRD that no story implements (the matrix's uncovered requirements). */
  requirementGaps: z.number().int(),
  /** Drift items now (GET …/trace/drift). */
  openDriftItems: z.number().int(),
  pendingChangeRequests: z.number().int(),
  activeSprint: z
    .strictObject({
      id: z.uuid(),
      name: z.string(),
      committedDone: z.number().int(),
      committedTotal: z.number().int(),
    })
    .nullable(),
  uatReadiness: ZUatReadiness,
});
export type BacklogSummary = z.infer<typeof ZBacklogSummary>;

// ---- The builder API (token scope `builder`) ----

export const ZBuilderStoryQuery = z.strictObject({
  /** The product's code. */
  product: zProductCode(),
  status: z.enum(STORY_STATUSES).default('ready'),
  /** The `nextCursor` of the previous page (stories are listed by number). */
  cursor: zSerialCursor().optional(),
  limit: zLimit(500, 100),
});
export type BuilderStoryQuery = z.infer<typeof ZBuilderStoryQuery>;

export const ZBuilderStory = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  type: z.enum(STORY_TYPES),
  title: z.string(),
  narrative: z.string(),
  /** Acceptance criteria in Gherkin (Given/When/Then). */
  acceptance: z.string(),
  priority: zPriority(),
  status: z.enum(STORY_STATUSES),
  estimate: z.number().int().nullable(),
  sprint: z.strictObject({ id: z.uuid(), name: z.string(), status: z.enum(SPRINT_STATUSES) }).nullable(),
  /** The linked requirements with their current text. */
  requirements: z.array(z.strictObject({ id: z.uuid(), key: z.string(), text: z.string() })),
  /** Send it back as `ifMatch` to change the status only if nobody changed the story since. */
  revision: z.number().int(),
});
export type BuilderStory = z.infer<typeof ZBuilderStory>;

export const ZBuilderStoryPage = zPage(ZBuilderStory);
export type BuilderStoryPage = z.infer<typeof ZBuilderStoryPage>;

export const ZBuilderStoryParams = z.strictObject({ key: z.string().min(1).max(100) });

export const ZBuilderStatusBody = z.strictObject({
  status: z.enum(STORY_STATUSES),
  /** The story's revision (`3`) or ETag (`"3"`): a stale one answers 409 stale_version, nothing changed. */
  ifMatch: z
    .union([z.number().int().min(1), z.string().regex(/^"?\d{1,10}"?$/, 'a revision such as 3 or "3"')])
    .transform((v) => `"${String(v).replaceAll('"', '')}"`)
    .optional(),
});
export type BuilderStatusBody = z.infer<typeof ZBuilderStatusBody>;
