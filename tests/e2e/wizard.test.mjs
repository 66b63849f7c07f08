// End to end through the real app binary: open the sample project (the folder
// arrives through the e2e build's stand-in for the native dialog), visit every
// step, change a field, see the preview follow, save, and check the file on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { copySample, saveScreenshot, withApp } from './app.mjs';

test('a user opens a folder, edits a field, sees the preview change and saves the plan', async () => {
  await withApp('wizard', { project: copySample() }, async (session, { project }) => {
    await saveScreenshot(session, 'welcome').catch(() => {});
    await session.click(await session.waitFor('[data-testid="open-folder"]'));

    // Every step can be visited from the side list.
    const steps = [...Array(12).keys()].map((n) => `s${n}`).concat(['review']);
    for (const step of steps) {
      await session.click(await session.waitFor(`[data-testid="step-${step}"]`));
      const current = await session.waitFor(`[data-testid="step-${step}"][aria-current="step"]`);
      assert.ok(current, `step ${step} is current after clicking it`);
    }

    // Change a field and watch the preview follow.
    await session.click(await session.waitFor('[data-testid="step-s0"]'));
    const purpose = await session.waitFor('[data-testid="field-s0.purpose"]');
    const marker = `E2E purpose ${Date.now()}`;
    await session.clear(purpose);
    await session.type(purpose, marker);
    const preview = await session.waitFor('[data-testid="preview"]');
    await session.waitUntil('the preview to show the new purpose', async () => (await session.text(preview)).includes(marker));
    await saveScreenshot(session, 'wizard').catch(() => {});

    // Save, and check what reached the disk.
    await session.click(await session.waitFor('[data-testid="save-plan"]'));
    await session.waitUntil('the save to be confirmed', async () =>
      (await session.textOf('[data-testid="save-status"]')).includes('deploymentPlan.md'));
    const written = fs.readFileSync(path.join(project, 'project_docs/deploymentPlan.md'), 'utf8');
    assert.ok(written.includes(marker), 'the saved plan holds the edited purpose');
    const headings = written.split('\n').filter((line) => /^## (\d|1[01])\. /.test(line));
    assert.equal(headings.length, 12, `12 section headings, got:\n${headings.join('\n')}`);
    assert.ok(written.includes('## 0. Introduction & Goals') && written.includes('## 11. Roles & Responsibilities'));
  });
});
