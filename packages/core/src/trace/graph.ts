// The traceability graph (issue #12): artifacts and the typed links between them. A link points from the artifact
// that exists because of another to that other one (a story `implements` a requirement, a test result is `of` a test
// case), so following links is going upstream, towards the PRD, and following them backwards is going downstream,
// towards the build and its tests. Requirements, stories and bugs are linked today; the UAT and handover kinds are in
// the union and the link table already, so those issues add data, not code. Pure, and iterative throughout: a
// 100,000-node chain neither overflows the stack nor goes quadratic.

export const NODE_KINDS = [
  'requirement',
  'story',
  'bug',
  'test_case',
  'test_result',
  'defect',
  'retest',
  /** An issue raised in UAT. */
  'feedback',
  'handover_item',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

type LinkRule = {
  /** Kind of the linking artifact → the kinds it may link to with this type. */
  allowed: Partial<Record<NodeKind, readonly NodeKind[]>>;
  /**
   * Whether a chain of such links may come back to where it started. Every type today points at the artifact's
   * source, so none may: a story that (through others) depends on itself can never be scheduled, and a cycle would
   * make "where does this come from" unanswerable.
   */
  acyclic: boolean;
};

/** Which link types exist and between which kinds. Adding a link type is adding a row. */
export const LINK_RULES = {
  implements: { allowed: { story: ['requirement'] }, acyclic: true },
  affects: { allowed: { bug: ['requirement', 'story'] }, acyclic: true },
  depends_on: { allowed: { story: ['story', 'bug'], bug: ['story', 'bug'] }, acyclic: true },
  verifies: { allowed: { test_case: ['requirement', 'story', 'bug'] }, acyclic: true },
  of: { allowed: { test_result: ['test_case'], retest: ['defect'] }, acyclic: true },
  found_by: { allowed: { defect: ['test_result', 'feedback'] }, acyclic: true },
  concerns: { allowed: { feedback: ['requirement', 'story'] }, acyclic: true },
  covers: { allowed: { handover_item: ['requirement', 'story', 'defect'] }, acyclic: true },
} as const satisfies Record<string, LinkRule>;
export type LinkType = keyof typeof LINK_RULES;

export type TraceNode = { id: string; kind: NodeKind };

/** `from` links to `to`: `{ from: 'PAY-S-3', type: 'implements', to: 'FR-1' }`. */
export type TraceLink = { from: string; type: LinkType; to: string };

export type TraceGraph<N extends TraceNode = TraceNode> = {
  readonly nodes: ReadonlyMap<string, N>;
  /** The links that were accepted, in input order, each once. */
  readonly links: readonly TraceLink[];
  /** Links leaving each node (upstream), and arriving at it (downstream). */
  readonly outgoing: ReadonlyMap<string, readonly TraceLink[]>;
  readonly incoming: ReadonlyMap<string, readonly TraceLink[]>;
};

export type GraphProblemCode =
  | 'duplicate_node'
  | 'unknown_kind'
  | 'unknown_node'
  | 'unknown_link_type'
  | 'link_not_allowed'
  | 'cycle';

export type GraphProblem = { code: GraphProblemCode; message: string; nodes: string[] };

export type BuiltGraph<N extends TraceNode> = { graph: TraceGraph<N>; problems: GraphProblem[] };

const KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);

/**
 * Builds the graph and says what is wrong with the input instead of throwing, so an import can show every problem
 * at once. A duplicate node keeps its first occurrence; a link to an unknown node, of an unknown type or between
 * kinds its type does not allow is left out; a repeated link is kept once. Links on a cycle stay in the graph (every
 * traversal here is cycle-safe) and each cycle is reported once, naming its nodes in order.
 */
export function buildGraph<N extends TraceNode>(nodes: readonly N[], links: readonly TraceLink[]): BuiltGraph<N> {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, N>();
  for (const node of nodes) {
    if (!KIND_SET.has(node.kind)) {
      problems.push({
        code: 'unknown_kind',
        message: `${node.id} has an unknown kind "${node.kind}".`,
        nodes: [node.id],
      });
    } else if (byId.has(node.id)) {
      problems.push({ code: 'duplicate_node', message: `${node.id} is listed more than once.`, nodes: [node.id] });
    } else byId.set(node.id, node);
  }

  const accepted: TraceLink[] = [];
  const seen = new Set<string>();
  const outgoing = new Map<string, TraceLink[]>();
  const incoming = new Map<string, TraceLink[]>();
  for (const link of links) {
    const problem = linkProblem(link, byId);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const key = `${link.from}\u0000${link.type}\u0000${link.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    accepted.push(link);
    push(outgoing, link.from, link);
    push(incoming, link.to, link);
  }

  const graph: TraceGraph<N> = { nodes: byId, links: accepted, outgoing, incoming };
  for (const cycle of findCycles(graph)) {
    problems.push({
      code: 'cycle',
      message: `These links form a cycle: ${cycle.join(' → ')}.`,
      nodes: cycle.slice(0, -1),
    });
  }
  return { graph, problems };
}

function linkProblem(link: TraceLink, byId: ReadonlyMap<string, TraceNode>): GraphProblem | null {
  const ends = [link.from, link.to];
  if (!Object.hasOwn(LINK_RULES, link.type)) {
    return {
      code: 'unknown_link_type',
      message: `"${link.type}" is not a link type (${link.from} → ${link.to}).`,
      nodes: ends,
    };
  }
  const from = byId.get(link.from);
  const to = byId.get(link.to);
  const missing = [from ? null : link.from, to ? null : link.to].filter((id): id is string => id !== null);
  if (!from || !to) {
    return {
      code: 'unknown_node',
      message: `The link ${link.from} ${link.type} ${link.to} names ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not in the graph.`,
      nodes: missing,
    };
  }
  const allowed: Partial<Record<NodeKind, readonly NodeKind[]>> = LINK_RULES[link.type].allowed;
  if (!allowed[from.kind]?.includes(to.kind)) {
    return {
      code: 'link_not_allowed',
      message: `A ${from.kind} cannot "${link.type}" a ${to.kind} (${link.from} → ${link.to}).`,
      nodes: ends,
    };
  }
  return null;
}

function push(map: Map<string, TraceLink[]>, key: string, link: TraceLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}

/** The nodes `id` links to or is linked from, directly, each once, in link order (outgoing first). */
export function linked<N extends TraceNode>(graph: TraceGraph<N>, id: string, linkType?: LinkType): N[] {
  const out: N[] = [];
  const seen = new Set<string>([id]);
  const add = (other: string) => {
    const node = graph.nodes.get(other);
    if (node && !seen.has(other)) {
      seen.add(other);
      out.push(node);
    }
  };
  for (const link of graph.outgoing.get(id) ?? []) if (!linkType || link.type === linkType) add(link.to);
  for (const link of graph.incoming.get(id) ?? []) if (!linkType || link.type === linkType) add(link.from);
  return out;
}

export type TraverseOptions = {
  /** Follow only these link types (all by default). */
  linkTypes?: readonly LinkType[];
  /** Return only nodes of these kinds; others are still walked through. */
  kinds?: readonly NodeKind[];
};

/** Everything `from` traces to (one id or several), nearest first (breadth-first); the start ids are not included. */
export function upstream<N extends TraceNode>(
  graph: TraceGraph<N>,
  from: string | readonly string[],
  options: TraverseOptions = {},
): N[] {
  return walk(graph, from, graph.outgoing, 'to', options);
}

/** Everything that traces to `from` (one id or several), nearest first (breadth-first); the start ids are not included. */
export function downstream<N extends TraceNode>(
  graph: TraceGraph<N>,
  from: string | readonly string[],
  options: TraverseOptions = {},
): N[] {
  return walk(graph, from, graph.incoming, 'from', options);
}

function walk<N extends TraceNode>(
  graph: TraceGraph<N>,
  from: string | readonly string[],
  edges: ReadonlyMap<string, readonly TraceLink[]>,
  end: 'from' | 'to',
  { linkTypes, kinds }: TraverseOptions,
): N[] {
  const types = linkTypes ? new Set<string>(linkTypes) : null;
  const wanted = kinds ? new Set<string>(kinds) : null;
  const queue = typeof from === 'string' ? [from] : [...from];
  const seen = new Set<string>(queue);
  const out: N[] = [];
  // An index instead of shift(): shift is O(n) per call on large arrays.
  for (let head = 0; head < queue.length; head++) {
    for (const link of edges.get(queue[head] as string) ?? []) {
      if (types && !types.has(link.type)) continue;
      const next = link[end];
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
      const node = graph.nodes.get(next);
      if (node && (!wanted || wanted.has(node.kind))) out.push(node);
    }
  }
  return out;
}

/**
 * One cycle per strongly connected component of the acyclic link types (Tarjan's algorithm, with an explicit
 * stack), as a closed path `[a, b, c, a]` that starts at the component's first node in input order.
 */
function findCycles(graph: TraceGraph): string[][] {
  const next = (id: string): string[] =>
    (graph.outgoing.get(id) ?? []).filter((l) => LINK_RULES[l.type].acyclic).map((l) => l.to);
  // A node nothing leaves from (every requirement, today) is on no cycle: it is left out of the search entirely.
  const leaf = (id: string) => !graph.outgoing.get(id)?.some((l) => LINK_RULES[l.type].acyclic);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes.keys()) {
    if (index.has(root) || leaf(root)) continue;
    const frames: { id: string; succ: string[]; i: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      frames.push({ id, succ: next(id), i: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      if (frame.i < frame.succ.length) {
        const w = frame.succ[frame.i++] as string;
        if (!index.has(w)) {
          if (!leaf(w)) open(w);
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(w) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== frame.id);
      const selfLoop = component.length === 1 && frame.succ.includes(frame.id);
      if (component.length > 1 || selfLoop) cycles.push(cycleIn(new Set(component), graph, next));
    }
  }
  // Components come out in completion order; report them in input order of their first node.
  const order = new Map([...graph.nodes.keys()].map((id, i) => [id, i]));
  return cycles.sort((a, b) => (order.get(a[0] as string) ?? 0) - (order.get(b[0] as string) ?? 0));
}

/** A shortest closed path through a component, from its first node in input order back to it (breadth-first). */
function cycleIn(component: ReadonlySet<string>, graph: TraceGraph, next: (id: string) => string[]): string[] {
  let start = '';
  for (const id of graph.nodes.keys()) {
    if (component.has(id)) {
      start = id;
      break;
    }
  }
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    for (const w of next(id)) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = id; at !== undefined && at !== start; at = parent.get(at)) path.push(at);
        path.push(start);
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, id);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
