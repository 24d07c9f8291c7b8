// The traceability graph: what it accepts, what it reports, and that it walks 100,000 nodes without recursion.
import { describe, expect, it } from 'vitest';
import { buildGraph, downstream, type LinkType, linked, type NodeKind, type TraceLink, upstream } from './graph.ts';

const node = (id: string, kind: NodeKind) => ({ id, kind });
const link = (from: string, type: LinkType, to: string): TraceLink => ({ from, type, to });
const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

const small = () =>
  buildGraph(
    [
      node('FR-1', 'requirement'),
      node('FR-2', 'requirement'),
      node('S-1', 'story'),
      node('S-2', 'story'),
      node('B-1', 'bug'),
    ],
    [link('S-1', 'implements', 'FR-1'), link('S-2', 'implements', 'FR-2'), link('B-1', 'affects', 'S-1')],
  );

describe('buildGraph', () => {
  it('accepts stories implementing requirements and bugs affecting stories', () => {
    const { graph, problems } = small();
    expect(problems).toEqual([]);
    expect(graph.links).toHaveLength(3);
    expect(ids(linked(graph, 'FR-1'))).toEqual(['S-1']);
    expect(ids(linked(graph, 'S-1'))).toEqual(['FR-1', 'B-1']);
    expect(ids(linked(graph, 'S-1', 'affects'))).toEqual(['B-1']);
    expect(linked(graph, 'nobody')).toEqual([]);
  });

  it('walks upstream to the requirement and downstream to the bug, nearest first', () => {
    const { graph } = small();
    expect(ids(upstream(graph, 'B-1'))).toEqual(['S-1', 'FR-1']);
    expect(ids(upstream(graph, 'B-1', { kinds: ['requirement'] }))).toEqual(['FR-1']);
    expect(ids(upstream(graph, 'B-1', { linkTypes: ['implements'] }))).toEqual([]);
    expect(ids(downstream(graph, 'FR-1'))).toEqual(['S-1', 'B-1']);
    expect(ids(downstream(graph, 'FR-2'))).toEqual(['S-2']);
  });

  it('reports a link to an unknown node and leaves it out', () => {
    const { graph, problems } = buildGraph([node('S-1', 'story')], [link('S-1', 'implements', 'FR-9')]);
    expect(problems).toEqual([
      {
        code: 'unknown_node',
        message: 'The link S-1 implements FR-9 names FR-9, which is not in the graph.',
        nodes: ['FR-9'],
      },
    ]);
    expect(graph.links).toEqual([]);
  });

  it('reports links the table does not allow between those kinds, in either direction', () => {
    const { graph, problems } = buildGraph(
      [node('FR-1', 'requirement'), node('S-1', 'story'), node('B-1', 'bug')],
      [
        link('FR-1', 'implements', 'S-1'), // backwards
        link('B-1', 'implements', 'FR-1'), // a bug affects, it does not implement
        link('S-1', 'affects', 'FR-1'),
        link('S-1', 'implements', 'FR-1'), // fine
      ],
    );
    expect(problems.map((p) => [p.code, p.nodes])).toEqual([
      ['link_not_allowed', ['FR-1', 'S-1']],
      ['link_not_allowed', ['B-1', 'FR-1']],
      ['link_not_allowed', ['S-1', 'FR-1']],
    ]);
    expect(problems[0]?.message).toBe('A requirement cannot "implements" a story (FR-1 → S-1).');
    expect(graph.links).toEqual([link('S-1', 'implements', 'FR-1')]);
  });

  it('reports an unknown link type and an unknown kind from untyped input', () => {
    const { problems } = buildGraph(
      [node('S-1', 'story'), node('S-2', 'story'), { id: 'X', kind: 'epic' as NodeKind }],
      [link('S-1', 'blocks' as LinkType, 'S-2'), link('S-1', 'toString' as LinkType, 'S-2')],
    );
    expect(problems.map((p) => p.code)).toEqual(['unknown_kind', 'unknown_link_type', 'unknown_link_type']);
  });

  it('keeps the first of duplicate nodes and one of duplicate links', () => {
    const { graph, problems } = buildGraph(
      [node('FR-1', 'requirement'), node('S-1', 'story'), node('S-1', 'bug')],
      [link('S-1', 'implements', 'FR-1'), link('S-1', 'implements', 'FR-1')],
    );
    expect(problems.map((p) => [p.code, p.nodes])).toEqual([['duplicate_node', ['S-1']]]);
    expect(graph.nodes.get('S-1')?.kind).toBe('story');
    expect(graph.links).toHaveLength(1);
  });

  it('names a cycle once, in order, and still walks the graph', () => {
    const { graph, problems } = buildGraph(
      [node('S-1', 'story'), node('S-2', 'story'), node('S-3', 'story'), node('S-4', 'story')],
      [
        link('S-1', 'depends_on', 'S-2'),
        link('S-2', 'depends_on', 'S-3'),
        link('S-3', 'depends_on', 'S-1'),
        link('S-3', 'depends_on', 'S-4'),
      ],
    );
    expect(problems).toEqual([
      { code: 'cycle', message: 'These links form a cycle: S-1 → S-2 → S-3 → S-1.', nodes: ['S-1', 'S-2', 'S-3'] },
    ]);
    expect(ids(upstream(graph, 'S-1'))).toEqual(['S-2', 'S-3', 'S-4']);
    expect(ids(downstream(graph, 'S-1'))).toEqual(['S-3', 'S-2']);
  });

  it('finds a self-link, a cycle across link types, and separate cycles separately', () => {
    const { problems } = buildGraph(
      [node('S-1', 'story'), node('B-1', 'bug'), node('S-2', 'story'), node('S-3', 'story'), node('S-4', 'story')],
      [
        link('B-1', 'affects', 'S-1'),
        link('S-1', 'depends_on', 'B-1'),
        link('S-2', 'depends_on', 'S-2'),
        link('S-3', 'depends_on', 'S-4'),
        link('S-4', 'depends_on', 'S-3'),
      ],
    );
    expect(problems.map((p) => p.message)).toEqual([
      'These links form a cycle: S-1 → B-1 → S-1.',
      'These links form a cycle: S-2 → S-2.',
      'These links form a cycle: S-3 → S-4 → S-3.',
    ]);
  });

  it('does not mistake a diamond for a cycle', () => {
    const { problems } = buildGraph(
      ['S-1', 'S-2', 'S-3', 'S-4'].map((id) => node(id, 'story')),
      [
        link('S-1', 'depends_on', 'S-2'),
        link('S-1', 'depends_on', 'S-3'),
        link('S-2', 'depends_on', 'S-4'),
        link('S-3', 'depends_on', 'S-4'),
      ],
    );
    expect(problems).toEqual([]);
  });

  it('takes the UAT kinds with the links the table allows them', () => {
    const { graph, problems } = buildGraph(
      [
        node('FR-1', 'requirement'),
        node('S-1', 'story'),
        node('TC-1', 'test_case'),
        node('TR-1', 'test_result'),
        node('D-1', 'defect'),
        node('RT-1', 'retest'),
        node('F-1', 'feedback'),
        node('H-1', 'handover_item'),
      ],
      [
        link('S-1', 'implements', 'FR-1'),
        link('TC-1', 'verifies', 'S-1'),
        link('TR-1', 'of', 'TC-1'),
        link('D-1', 'found_by', 'TR-1'),
        link('RT-1', 'of', 'D-1'),
        link('F-1', 'concerns', 'FR-1'),
        link('H-1', 'covers', 'D-1'),
        link('TR-1', 'of', 'D-1'), // a test result is of a test case, not of a defect
      ],
    );
    expect(problems.map((p) => [p.code, p.nodes])).toEqual([['link_not_allowed', ['TR-1', 'D-1']]]);
    expect(ids(downstream(graph, 'FR-1'))).toEqual(['S-1', 'F-1', 'TC-1', 'TR-1', 'D-1', 'RT-1', 'H-1']);
    expect(ids(upstream(graph, 'RT-1', { kinds: ['requirement'] }))).toEqual(['FR-1']);
  });

  it('walks and checks a 100,000-node chain without recursion, and finds the cycle closing it', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`S-${i}`, 'story'));
    const chain = Array.from({ length: n - 1 }, (_, i) => link(`S-${i}`, 'depends_on', `S-${i + 1}`));
    const open = buildGraph(nodes, chain);
    expect(open.problems).toEqual([]);
    expect(upstream(open.graph, 'S-0')).toHaveLength(n - 1);
    expect(downstream(open.graph, `S-${n - 1}`)[0]?.id).toBe(`S-${n - 2}`);

    const closed = buildGraph(nodes, [...chain, link(`S-${n - 1}`, 'depends_on', 'S-0')]);
    expect(closed.problems).toHaveLength(1);
    expect(closed.problems[0]?.nodes).toHaveLength(n);
  }, 60_000); // linear, but a loaded CI machine is slow at 100,000 of anything

  it('does not throw on hostile ids (NUL, lone surrogates)', () => {
    const bad = 'S-\u0000\uD800';
    const { graph, problems } = buildGraph(
      [node(bad, 'story'), node('FR-\uDFFF', 'requirement')],
      [link(bad, 'implements', 'FR-\uDFFF'), link(bad, 'implements', '\u0000')],
    );
    expect(problems.map((p) => p.code)).toEqual(['unknown_node']);
    expect(ids(upstream(graph, bad))).toEqual(['FR-\uDFFF']);
  });
});
