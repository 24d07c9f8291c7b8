// UAT sessions (issue #13): a session per sprint or build, its test cases (generated from the stories' Gherkin or
// written by hand), the runs testers record (pass / fail / blocked, notes, screenshots), the defects a failed case
// raises and the retests that verify or reopen them, and guest links for testers without an account.
// Guide: docs/uat.md.
import { z } from 'zod';
import { zItems, zTimestamp } from './common.ts';
import { ZFeedbackSubmitBody } from './feedback.ts';

export const UAT_SESSION_STATUSES = ['planned', 'running', 'closed'] as const;
export type UatSessionStatus = (typeof UAT_SESSION_STATUSES)[number];

export const UAT_RESULTS = ['pass', 'fail', 'blocked'] as const;
export type UatResult = (typeof UAT_RESULTS)[number];

/** A case's status is its latest run's result, `untested` before the first. */
export const UAT_CASE_STATUSES = ['untested', ...UAT_RESULTS] as const;
export type UatCaseStatus = (typeof UAT_CASE_STATUSES)[number];

export const UAT_RUN_KINDS = ['run', 'retest'] as const;
export type UatRunKind = (typeof UAT_RUN_KINDS)[number];

/** open → fixed (its bug story is done) → verified by a passing retest, or reopened by a failing one. */
export const UAT_DEFECT_STATES = ['open', 'fixed', 'verified', 'reopened'] as const;
export type UatDefectState = (typeof UAT_DEFECT_STATES)[number];

export const UAT_STEP_KEYWORDS = ['Given', 'When', 'Then', 'And', 'But', '*'] as const;

/** Screenshot types, recognised by their first bytes (never by the declared type or the name). */
export const UAT_SCREENSHOT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type UatScreenshotType = (typeof UAT_SCREENSHOT_TYPES)[number];

export const UAT_LIMITS = {
  title: 200,
  buildVersion: 100,
  participants: 100,
  name: 200,
  role: 100,
  notes: 10_000,
  steps: 100,
  stepText: 2000,
  storyKeys: 200,
  fileName: 255,
  /** Bytes of one screenshot. */
  screenshotBytes: 5 * 1024 * 1024,
  screenshotsPerRun: 5,
  guestLinkDefaultDays: 7,
  guestLinkMaxDays: 30,
} as const;

// ---- Requests ----

const zProductCode = () => z.string().min(1).max(60);
const zKey = () => z.string().min(1).max(100);
const zName = () => z.string().trim().min(1).max(UAT_LIMITS.name);

export const ZUatSessionParams = z.strictObject({ code: zProductCode(), key: zKey() });
export const ZUatCaseParams = z.strictObject({ code: zProductCode(), caseKey: zKey() });
export const ZUatRunParams = z.strictObject({ code: zProductCode(), runId: z.uuid() });
export const ZUatIdParams = z.strictObject({ code: zProductCode(), id: z.uuid() });

/** Guest routes: the link's secret token is the first path segment after `/guest/uat/`. */
const zToken = () =>
  z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a guest link token');
export const ZUatGuestParams = z.strictObject({ token: zToken() });
export const ZUatGuestCaseParams = z.strictObject({ token: zToken(), caseKey: zKey() });
export const ZUatGuestRunParams = z.strictObject({ token: zToken(), runId: z.uuid() });
export const ZUatGuestFileParams = z.strictObject({ token: zToken(), id: z.uuid() });

export const ZUatParticipant = z.strictObject({
  name: zName(),
  /** The participant's account, when they have one (a guest tester has none). */
  userId: z.uuid().nullable().default(null),
  /** What they do in the session: tester, product owner, observer… (free text). */
  role: z.string().trim().min(1).max(UAT_LIMITS.role),
});

const sessionFields = {
  title: z.string().trim().min(1).max(UAT_LIMITS.title),
  /** The version under test (a build number, a tag). */
  buildVersion: z.string().trim().min(1).max(UAT_LIMITS.buildVersion),
  /** A sprint of the same product: cases are generated from its stories by default. */
  sprintId: z.uuid().nullable(),
  participants: z.array(ZUatParticipant).max(UAT_LIMITS.participants),
};

export const ZUatSessionBody = z.strictObject({
  ...sessionFields,
  sprintId: sessionFields.sprintId.default(null),
  participants: sessionFields.participants.default([]),
});
export type UatSessionBody = z.infer<typeof ZUatSessionBody>;

/** A partial edit; send `If-Match: "<revision>"` to refuse it when someone saved in between. */
export const ZUatSessionPatch = z
  .strictObject({
    title: sessionFields.title,
    buildVersion: sessionFields.buildVersion,
    sprintId: sessionFields.sprintId,
    participants: sessionFields.participants,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field');
export type UatSessionPatch = z.infer<typeof ZUatSessionPatch>;

/** Which stories to generate cases from: these keys, or else this sprint's, or else the session's sprint's. */
export const ZUatGenerateBody = z.strictObject({
  storyKeys: z.array(zKey()).min(1).max(UAT_LIMITS.storyKeys).optional(),
  sprintId: z.uuid().optional(),
});
export type UatGenerateBody = z.infer<typeof ZUatGenerateBody>;

export const ZUatStep = z.strictObject({
  keyword: z.enum(UAT_STEP_KEYWORDS),
  text: z.string().trim().min(1).max(UAT_LIMITS.stepText),
});
export type UatStep = z.infer<typeof ZUatStep>;

export const ZUatCaseBody = z.strictObject({
  title: z.string().trim().min(1).max(UAT_LIMITS.title),
  steps: z.array(ZUatStep).min(1).max(UAT_LIMITS.steps),
  /** The story the case tests (its current revision is recorded), if any. */
  storyKey: zKey().optional(),
});
export type UatCaseBody = z.infer<typeof ZUatCaseBody>;

export const ZUatRunBody = z.strictObject({
  result: z.enum(UAT_RESULTS),
  notes: z.string().trim().max(UAT_LIMITS.notes).default(''),
  /** `retest` checks the fix of the case's fixed defect: pass verifies it, fail reopens it. */
  kind: z.enum(UAT_RUN_KINDS).default('run'),
});
export type UatRunBody = z.infer<typeof ZUatRunBody>;

/** The screenshot's name, shown in lists (the body is the image itself). */
export const ZUatScreenshotQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(UAT_LIMITS.fileName).optional(),
});
export type UatScreenshotQuery = z.infer<typeof ZUatScreenshotQuery>;

export const ZUatGuestLinkBody = z.strictObject({
  guestName: zName(),
  /** Days until the link stops working (default 7, at most 30). */
  expiresInDays: z.number().int().min(1).max(UAT_LIMITS.guestLinkMaxDays).default(UAT_LIMITS.guestLinkDefaultDays),
});
export type UatGuestLinkBody = z.infer<typeof ZUatGuestLinkBody>;

// ---- Answers ----

const count = () => z.number().int().min(0);

export const ZUatCounts = z.strictObject({
  cases: count(),
  untested: count(),
  pass: count(),
  fail: count(),
  blocked: count(),
  /** Defects not verified yet (open, fixed or reopened). */
  openDefects: count(),
});
export type UatCounts = z.infer<typeof ZUatCounts>;

export const ZUatSession = z.strictObject({
  id: z.uuid(),
  /** `<PRODUCT>-UAT-<n>`. */
  key: z.string(),
  number: z.number().int(),
  productCode: z.string(),
  title: z.string(),
  buildVersion: z.string(),
  sprint: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  status: z.enum(UAT_SESSION_STATUSES),
  participants: z.array(z.strictObject({ name: z.string(), userId: z.uuid().nullable(), role: z.string() })),
  /** The concurrency token: send it back as `If-Match: "<revision>"` (also the `ETag` header). */
  revision: z.number().int(),
  counts: ZUatCounts,
  createdAt: zTimestamp(),
  startedAt: zTimestamp().nullable(),
  closedAt: zTimestamp().nullable(),
});
export type UatSession = z.infer<typeof ZUatSession>;

export const ZUatSessionList = zItems(ZUatSession);
export type UatSessionList = z.infer<typeof ZUatSessionList>;

export const ZUatCase = z.strictObject({
  id: z.uuid(),
  /** `<PRODUCT>-TC-<n>`. */
  key: z.string(),
  sessionKey: z.string(),
  title: z.string(),
  /** The story the case came from and the revision it was generated from; null for a case written by hand. */
  storyKey: z.string().nullable(),
  storyRevision: z.number().int().nullable(),
  steps: z.array(z.strictObject({ keyword: z.string(), text: z.string() })),
  position: z.number().int(),
  status: z.enum(UAT_CASE_STATUSES),
  updatedAt: zTimestamp(),
});
export type UatCase = z.infer<typeof ZUatCase>;

export const ZUatCaseList = zItems(ZUatCase);
export type UatCaseList = z.infer<typeof ZUatCaseList>;

export const ZUatGenerated = z.strictObject({
  created: z.array(ZUatCase),
  /** Scenarios that already have a case for the same story revision (re-generating does not duplicate them). */
  unchanged: z.number().int().min(0),
  /** Stories that gave no case, and why (no Gherkin in the acceptance criteria). */
  skipped: z.array(z.strictObject({ storyKey: z.string(), reason: z.string() })),
});
export type UatGenerated = z.infer<typeof ZUatGenerated>;

export const ZUatScreenshot = z.strictObject({
  id: z.uuid(),
  runId: z.uuid(),
  fileName: z.string(),
  mediaType: z.enum(UAT_SCREENSHOT_TYPES),
  size: z.number().int().min(1),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: zTimestamp(),
});
export type UatScreenshot = z.infer<typeof ZUatScreenshot>;

export const ZUatRun = z.strictObject({
  id: z.uuid(),
  caseKey: z.string(),
  kind: z.enum(UAT_RUN_KINDS),
  result: z.enum(UAT_RESULTS),
  notes: z.string(),
  testerName: z.string(),
  /** True when a guest link recorded it. */
  byGuest: z.boolean(),
  /** The defect this failure raised or the retest concerns. */
  defectBugKey: z.string().nullable(),
  screenshots: z.array(ZUatScreenshot),
  createdAt: zTimestamp(),
});
export type UatRun = z.infer<typeof ZUatRun>;

export const ZUatDefect = z.strictObject({
  id: z.uuid(),
  /** The backlog bug's key (`…-BUG-<n>`). */
  bugKey: z.string(),
  /** The bug story's status in the backlog; null once the story is deleted. */
  bugStatus: z.string().nullable(),
  state: z.enum(UAT_DEFECT_STATES),
  caseKey: z.string(),
  caseTitle: z.string(),
  /** The story the case tests, and the requirements the bug is linked to. */
  storyKey: z.string().nullable(),
  requirements: z.array(z.string()),
  openedRunId: z.uuid().nullable(),
  retestRunId: z.uuid().nullable(),
  createdAt: zTimestamp(),
  updatedAt: zTimestamp(),
});
export type UatDefect = z.infer<typeof ZUatDefect>;

export const ZUatDefectList = zItems(ZUatDefect);
export type UatDefectList = z.infer<typeof ZUatDefectList>;

export const ZUatCaseDetail = z.strictObject({
  case: ZUatCase,
  /** Newest first; a guest sees only their own. */
  runs: z.array(ZUatRun),
  defects: z.array(ZUatDefect),
});
export type UatCaseDetail = z.infer<typeof ZUatCaseDetail>;

export const ZUatRunRecorded = z.strictObject({
  run: ZUatRun,
  case: ZUatCase,
  /** The defect a failure raised (or the one a retest verified or reopened); null otherwise. */
  defect: ZUatDefect.nullable(),
});
export type UatRunRecorded = z.infer<typeof ZUatRunRecorded>;

export const ZUatGuestLink = z.strictObject({
  id: z.uuid(),
  sessionKey: z.string(),
  guestName: z.string(),
  expiresAt: zTimestamp(),
  revokedAt: zTimestamp().nullable(),
  lastUsedAt: zTimestamp().nullable(),
  /** active, expired or revoked, at the time of the answer. */
  state: z.enum(['active', 'expired', 'revoked']),
  createdAt: zTimestamp(),
});
export type UatGuestLink = z.infer<typeof ZUatGuestLink>;

export const ZUatGuestLinkList = zItems(ZUatGuestLink);
export type UatGuestLinkList = z.infer<typeof ZUatGuestLinkList>;

export const ZUatGuestLinkCreated = z.strictObject({
  link: ZUatGuestLink,
  /** The secret, shown this once (only its hash is stored). */
  token: z.string(),
  /** The web page a guest opens: `/guest/uat/<token>`. */
  path: z.string(),
});
export type UatGuestLinkCreated = z.infer<typeof ZUatGuestLinkCreated>;

/** What a guest sees: the one session, its cases, and their own runs. */
export const ZUatGuestView = z.strictObject({
  guestName: z.string(),
  expiresAt: zTimestamp(),
  productCode: z.string(),
  session: z.strictObject({
    key: z.string(),
    title: z.string(),
    buildVersion: z.string(),
    status: z.enum(UAT_SESSION_STATUSES),
  }),
  cases: z.array(ZUatCase),
  runs: z.array(ZUatRun),
});
export type UatGuestView = z.infer<typeof ZUatGuestView>;

/** Feedback a guest tester sends from the link: it lands in the product's feedback inbox with source `guest`. */
export const ZUatGuestFeedbackBody = z.strictObject({ text: ZFeedbackSubmitBody.shape.text });
export type UatGuestFeedbackBody = z.infer<typeof ZUatGuestFeedbackBody>;

/** What the guest sees of it: the item's key and text (never the product's other feedback). */
export const ZUatGuestFeedback = z.strictObject({ key: z.string(), text: z.string(), createdAt: zTimestamp() });
export type UatGuestFeedback = z.infer<typeof ZUatGuestFeedback>;
