import { describe, expect, it } from 'vitest';
import { stageAfter } from './stages.ts';

describe('the moves the gate makes', () => {
  it('moves intake to the gate on submission, and nothing else', () => {
    expect(stageAfter('submitted', 'intake')).toBe('gate');
    expect(stageAfter('submitted', 'gate')).toBe('gate');
    expect(stageAfter('submitted', 'build')).toBe('build');
    expect(stageAfter('submitted', 'live')).toBe('live');
  });

  it('moves intake or gate to build on a pass, and leaves later stages alone', () => {
    expect(stageAfter('passed', 'gate')).toBe('build');
    expect(stageAfter('passed', 'intake')).toBe('build');
    expect(stageAfter('passed', 'uat')).toBe('uat');
  });

  it('sends only a product in the gate back to intake on a fail', () => {
    expect(stageAfter('failed', 'gate')).toBe('intake');
    expect(stageAfter('failed', 'intake')).toBe('intake');
    expect(stageAfter('failed', 'build')).toBe('build');
  });
});
