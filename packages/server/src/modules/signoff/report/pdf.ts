// The UAT report as PDF, drawn with pdfkit (ADR 0019) from the same data as the Markdown. The standard PDF fonts
// (Helvetica) need no font file, but they only hold the Windows-1252 characters: anything else (emoji, Arabic,
// Hebrew, CJK) prints as "?" here — the Markdown export keeps every character. pdfkit draws synchronously, so the
// renderer gives the event loop back every ROWS_PER_SLICE rows: a report of thousands of cases never holds other
// requests up for long (docs/signoff.md has the measured numbers).
import { CASE_ORDER, DECISION_LABELS, DEFECT_ORDER, tally, type UatReport } from '@pi-studio/core/signoff/report';
import PDFDocument from 'pdfkit';
import { winAnsi } from '../../../lib/pdf-text.ts';

const ROWS_PER_SLICE = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string, size = 14): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(winAnsi(text)).font('Helvetica').fontSize(10);
}

function line(doc: Doc, label: string, value: string): void {
  doc
    .font('Helvetica-Bold')
    .text(`${winAnsi(label)}: `, { continued: true })
    .font('Helvetica')
    .text(winAnsi(value));
}

const counts = (pairs: [string, number][]) => pairs.map(([k, n]) => `${n} ${k}`).join(', ') || 'none';

async function rows<T>(items: readonly T[], draw: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    draw(items[i] as T);
    if ((i + 1) % ROWS_PER_SLICE === 0) await yieldToEventLoop();
  }
}

export async function renderReportPdf(r: UatReport): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: winAnsi(`UAT report ${r.session.key}`), Subject: winAnsi(r.product.code) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const s = r.session;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(winAnsi(`UAT report: ${s.key}`));
  doc.font('Helvetica').fontSize(12).text(winAnsi(s.title)).fontSize(10).moveDown(0.5);
  line(doc, 'Product', `${r.product.code} (${r.product.name})`);
  line(doc, 'Build under test', s.buildVersion);
  line(
    doc,
    'Session',
    `${s.status}${s.startedAt ? `, started ${s.startedAt}` : ''}${s.closedAt ? `, closed ${s.closedAt}` : ''}`,
  );
  line(doc, 'Participants', r.participants.map((p) => `${p.name} (${p.role})`).join(', ') || 'none listed');
  line(doc, 'Generated', r.generatedAt);

  heading(doc, 'Scope');
  if (r.stories.length === 0) doc.text('No stories are linked to this session’s cases.');
  await rows(r.stories, (st) => doc.text(winAnsi(`${st.key} (revision ${st.revision}): ${st.title}`)));

  heading(doc, 'Cases and results');
  doc.text(
    winAnsi(
      `${r.cases.length} cases: ${counts(
        tally(
          r.cases.map((c) => c.status),
          CASE_ORDER,
        ),
      )}.`,
    ),
  );
  await rows(r.cases, (c) => {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .text(winAnsi(`${c.key} [${c.status}] ${c.title}`))
      .font('Helvetica');
    if (c.storyKey) doc.text(winAnsi(`Story ${c.storyKey}`), { indent: 12 });
    for (const run of c.runs) {
      const notes = run.notes ? `: ${run.notes}` : '';
      doc.text(winAnsi(`${run.at} ${run.kind} ${run.result} by ${run.testerName}${notes}`), { indent: 12 });
    }
  });

  heading(doc, 'Defects and retests');
  doc.text(
    winAnsi(
      `${r.defects.length} defects: ${counts(
        tally(
          r.defects.map((d) => d.state),
          DEFECT_ORDER,
        ),
      )}.`,
    ),
  );
  await rows(r.defects, (d) => {
    const retest = d.retest ? `retest ${d.retest.result} by ${d.retest.testerName}, ${d.retest.at}` : 'not retested';
    doc.text(winAnsi(`${d.bugKey} (case ${d.caseKey}): ${d.state}; ${retest}`));
  });

  heading(doc, 'Sign-off');
  if (r.signoffs.length === 0) doc.text('Not signed off yet.');
  for (const so of r.signoffs) {
    heading(doc, `${so.key}: ${DECISION_LABELS[so.decision] ?? so.decision}`, 12);
    line(doc, 'Signed by', `${so.signerName} at ${so.signedAt}`);
    line(
      doc,
      'Scope',
      `${so.scope === 'release' ? 'release' : 'session'}, build ${so.buildVersion}, ${so.storyCount} stories`,
    );
    if (so.conditions) line(doc, 'Conditions', so.conditions);
    doc.font('Courier').fontSize(8);
    doc
      .text(`content hash ${so.contentHash}`)
      .text(`previous     ${so.prevHash}`)
      .text(`record hash  ${so.recordHash}`);
    for (const e of so.evidence) doc.text(winAnsi(`evidence ${e.fileName} sha256 ${e.sha256}`));
    doc.font('Helvetica').fontSize(10);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
