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

  it('a cancelled open says so, shows no error and keeps the welcome view', async () => {
    const calls = mockCore({
      open_project: () => {
        throw { code: 'cancelled', message: 'opening the project was cancelled' };
      },
      cancel_task: () => null,
    });
    const opening = app.openPath('/big/folder');
    expect(app.opening).toBe(true);
    app.cancelOpen();
    await opening;
    expect(callsOf(calls, 'cancel_task')[0].args).toEqual({ task: 'open' });
    expect(app.project).toBeNull();
    expect(app.error).toBeNull();
    expect(app.opening).toBe(false);
    expect(app.openStatus).toBe('Opening cancelled. Nothing was changed.');
  });

  it('opening another project first writes the pending draft of this one', async () => {
    const calls = mockCore();
    await app.openSample();
    vi.useFakeTimers();
    app.setValue('s0.purpose', 'Last words');
    await app.openPath('/other/project');
    const commands = calls.map((call) => call.command);
    expect(commands.lastIndexOf('save_draft')).toBeLessThan(commands.lastIndexOf('open_project'));
    expect(callsOf(calls, 'save_draft').at(-1)?.args.answers).toMatchObject({
      values: { 's0.purpose': { value: 'Last words', origin: 'user' } },
    });
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(callsOf(calls, 'save_draft')).toHaveLength(1);
  });

  it('snapshots are plain copies that follow every change and reuse unchanged answers', async () => {
    mockCore();
    await app.openSample();
    const ids = Object.keys(app.answers.values);
    expect(ids.length).toBeGreaterThan(2);
    const [edited, accepted, untouched] = ids;
    const before = app.snapshot();
    expect(before).toEqual(JSON.parse(JSON.stringify($state.snapshot(app.answers))));

    app.setValue(edited, 'Typed');
    app.accept(accepted);
    app.goTo('s1');
    const after = app.snapshot();
    expect(after.values[edited]).toEqual({ value: 'Typed', origin: 'user' });
    expect(after.values[accepted].origin).toBe('user');
    expect(after.values[accepted].value).toEqual(before.values[accepted].value);
    expect(after.current_step).toBe('s1');
    // Unchanged answers are the same copies; changed ones are new.
    expect(after.values[untouched]).toBe(before.values[untouched]);
    expect(after.values[accepted]).not.toBe(before.values[accepted]);
    // The earlier snapshot is left as it was.
    expect(before.values[accepted].origin).not.toBe('user');
    // Plain data, not state: the copy can be cloned and sent as it is.
    expect(() => structuredClone(after)).not.toThrow();
    expect(after).toEqual(JSON.parse(JSON.stringify($state.snapshot(app.answers))));
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

  it('shows the diff of a hand-edited plan and overwrites only what was reviewed', async () => {
    const diff = { path: '/p/plan.md', disk_hash: 'h1', removed: 1, added: 1, rows: [] };
    const calls = mockCore({
      save_plan: () => {
        throw { code: 'hand_edited', message: 'edited by hand' };
      },
      plan_diff: () => diff,
      overwrite_plan: () => ({ path: '/p/plan.md', backup: '/p/b/plan.md.1' }),
    });
    await app.openSample();
    await app.save();
    expect(app.saveProblem).toEqual({ kind: 'hand_edited', diff });
    expect(app.error).toBeNull();
    await app.overwriteReviewed();
    expect(callsOf(calls, 'overwrite_plan')[0].args.reviewedHash).toBe('h1');
    expect(app.saveProblem).toBeNull();
    expect(app.saveStatus).toContain('previous version kept as /p/b/plan.md.1');
  });

  it('offers Save as… when the write failed', async () => {
    mockCore({
      save_plan: () => {
        throw { code: 'write_failed', message: 'cannot write /p/plan.md: the disk is full' };
      },
      save_plan_as: () => ({ path: '/elsewhere/plan.md', backup: null }),
    });
    await app.openSample();
    await app.save();
    expect(app.saveProblem).toMatchObject({ kind: 'failed', error: { code: 'write_failed' } });
    await app.saveAs();
    expect(app.saveProblem).toBeNull();
    expect(app.saveStatus).toBe('Saved to /elsewhere/plan.md');
  });

  it('takes refreshed suggestions from changed documents but keeps the user’s answers', async () => {
    mockCore();
    await app.openSample();
    app.setValue('s0.purpose', 'Mine');
    const view = structuredClone($state.snapshot(app.project)!);
    view.answers.values['s0.purpose'] = { value: 'From the documents', origin: 'document' };
    view.answers.values['s1.strategy'] = { value: 'Refreshed', origin: 'document' };
    app.applyDocumentsRefresh({ view, changed_documents: ['project_docs/spec.md'], changed_fields: ['s1.strategy'] });
    expect(app.answers.values['s0.purpose']).toMatchObject({ value: 'Mine', origin: 'user' });
    expect(app.answers.values['s1.strategy']?.value).toBe('Refreshed');
    expect(app.documentsChanged).toEqual({ documents: ['project_docs/spec.md'], fields: ['s1.strategy'] });
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
