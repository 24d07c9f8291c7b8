// Experience and design: designs linked (Figma, a file, an image) or the key flows described step by step.
import { z } from 'zod';
import { FILE_NAME, IMAGE, LINK } from '../patterns.ts';
import { AsciiSubstringSet } from '../substring-set.ts';
import { mentions, statedInPassing } from './in-passing.ts';
import { defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('ux', {
  missing: ['major', 'No experience or design section'],
  'no-design': ['minor', 'No design link and no flow described'],
  'no-section': ['minor', 'Experience described only in passing'],
});

const FLOW = /→|->|=>|\bstep\s*\d|\bthen\b|\bnext\b|\bfinally\b|\bclicks?\b|\btaps?\b|\bscreen\b|\bpage\b/i;
const UX_IN_PASSING =
  /\b(?:ui\/ux|ux|user interface|wireframes?|mock-?ups?|prototypes?|screens?|layouts?|user flows?|user journeys?|design system|figma|screenshots?|navigation|pop-?ups?|drop-?downs?|buttons?|modals?|dialog boxes?|checkboxes)\b/i;
/** Design tools' addresses, found case-insensitively as substrings (one pass: several times faster than a /i regex). */
const DESIGN_LINKS = new AsciiSubstringSet([
  'figma.com',
  'miro.com',
  'sketch.cloud',
  'invisionapp',
  'zeplin',
  'balsamiq',
  'xd.adobe',
]);

export const uxCheck = defineCheck({
  id: 'ux',
  rules: R,
  params: z.strictObject({ minFlowSteps: z.number().int().min(1).max(20).default(3) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'ux');
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    const text = found.units.map((u) => u.text).join('\n');
    const designLinkedElsewhere = () => facts.units.some((u) => DESIGN_LINKS.foundIn(u.text));
    if (!found.hasWords(5)) {
      if (designLinkedElsewhere()) return { score: 0.5, findings };
      // "UI/UX considerations" under each feature, a list of screens, a flow in prose: design stated in passing.
      const said = mentions(facts, UX_IN_PASSING, 2);
      if (said.length >= 2 && said[0])
        return statedInPassing(R['no-section'], said[0], 'The experience is described', FIX);
      const message = found.sections[0]
        ? `"${found.sections[0].title}" has no design link or flow under it.`
        : 'There is no experience or design section: no designs linked, no flow described.';
      findings.push(finding(R.missing, anchor, message, FIX));
      return { score: 0, findings };
    }
    const linked = LINK.test(text) || FILE_NAME.test(text) || IMAGE.test(text) || designLinkedElsewhere();
    const steps = found.units.filter((u) => u.kind === 'item' && u.item?.ordered).length;
    const flow = steps >= params.minFlowSteps || FLOW.test(text);
    if (!linked && !flow)
      findings.push(finding(R['no-design'], anchor, 'No design is linked and no flow is described.', FIX));
    return { score: 0.5 + (linked ? 0.3 : 0) + (flow ? 0.2 : 0), findings };
  },
});

const FIX = 'Link the designs (e.g. a Figma URL) or describe the key flow step by step: "{{eg:flow}}".';
