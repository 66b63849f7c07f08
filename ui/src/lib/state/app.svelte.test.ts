import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, DRAFT_DELAY_MS } from './app.svelte';
import { definition, sampleProject } from '../testing/fixtures';
import { callsOf, mockCore } from '../testing/mockCore';

beforeEach(() => {
  app.reset();
  app.definition = definition;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('app state', () => {
  it('starts at the step the draft remembers, else the first', async () => {
    const project = sampleProject();
    project.answers.current_step = 's1';
    mockCore({ open_sample_project: () => project });
    await app.openSample();
    expect(app.currentStepId).toBe('s1');

    mockCore({ open_sample_project: () => sampleProject() });
    await app.openSample();
    expect(app.currentStepId).toBe('s0');

    const stale = sampleProject();
    stale.answers.current_step = 's99';
    mockCore({ open_sample_project: () => stale });
    await app.openSample();
    expect(app.currentStepId).toBe('s0');
  });

  it('writes one draft after a burst of changes, with the current step', async () => {
    const calls = mockCore();
    await app.openSample();
    vi.useFakeTimers();
    app.setValue('s0.purpose', 'A');
    app.setValue('s0.purpose', 'AB');
    app.goTo('s1');
    expect(callsOf(calls, 'save_draft')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    const drafts = callsOf(calls, 'save_draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0].args.answers).toMatchObject({
      current_step: 's1',
      values: { 's0.purpose': { value: 'AB', origin: 'user' } },
    });
  });

  it('explains a refused save without losing the answers', async () => {
    mockCore({
      save_plan: () => {
        throw { code: 'hand_edited', message: 'deploymentPlan.md was edited by hand since DeployPlan wrote it' };
      },
    });
    await app.openSample();
    app.setValue('s0.purpose', 'Keep me');
    await app.save();
    expect(app.error?.code).toBe('hand_edited');
    expect(app.error?.message).toContain('Nothing was overwritten');
    expect(app.saveStatus).toBe('Not saved.');
    expect(app.answers.values['s0.purpose']?.value).toBe('Keep me');
  });

  it('mentions the backup when the save kept one', async () => {
    mockCore({ save_plan: () => ({ path: '/p/plan.md', backup: '/p/plan.md.bak' }) });
    await app.openSample();
    await app.save();
    expect(app.saveStatus).toBe('Saved to /p/plan.md (previous version kept as /p/plan.md.bak)');
  });

  it('writes a pending draft at once when asked (the window is closing)', async () => {
    const calls = mockCore();
    await app.openSample();
    vi.useFakeTimers();
    app.setValue('s0.purpose', 'Last words');
    expect(callsOf(calls, 'save_draft')).toHaveLength(0);
    app.flushDraft();
    expect(callsOf(calls, 'save_draft')).toHaveLength(1);
    vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
    expect(callsOf(calls, 'save_draft')).toHaveLength(1);
  });

  it('shows a source in the viewer and forgets it when another project opens', async () => {
    mockCore();
    await app.openSample();
    app.showSource({ path: 'project_docs/spec.md', line_start: 3, line_end: 4 });
    expect(app.viewing).toEqual({ path: 'project_docs/spec.md', line_start: 3, line_end: 4 });
    await app.openSample();
    expect(app.viewing).toBeNull();
  });
});
