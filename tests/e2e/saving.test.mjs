// Saving without losing anyone's work: a plan edited by hand is shown side by
// side with what would be written, and nothing is overwritten until the user
// chooses; a save that fails says why and offers Save as….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withSampleOpen, saveScreenshot } from './app.mjs';

async function typeInto(session, selector, text) {
  const field = await session.waitFor(selector);
  await session.clear(field);
  await session.type(field, text);
}

async function saveAndWaitFor(session, what, predicate) {
  await session.click(await session.waitFor('[data-testid="save-plan"]'));
  await session.waitUntil(what, predicate);
}

test('a hand-edited plan is shown as a diff and overwritten only when the user says so', async () => {
  await withSampleOpen('hand-edit', async (session, project) => {
    const plan = path.join(project, 'project_docs/deploymentPlan.md');
    await saveAndWaitFor(session, 'the first save', async () =>
      (await session.textOf('[data-testid="save-status"]')).startsWith('Saved to'));

    const edited = fs.readFileSync(plan, 'utf8').replace('## 1.', 'A note written by hand.\n\n## 1.');
    fs.writeFileSync(plan, edited);
    await session.click(await session.waitFor('[data-testid="step-s0"]'));
    await typeInto(session, '[data-testid="field-s0.purpose"]', 'A purpose changed in the app');

    // Save: the dialog shows both versions and nothing is written.
    await session.click(await session.waitFor('[data-testid="save-plan"]'));
    await session.waitFor('[data-testid="hand-edit-dialog"]');
    const left = await session.execute(
      'return [...document.querySelectorAll("[data-testid=diff-left]")].map((e) => e.textContent).join("\\n")');
    const right = await session.execute(
      'return [...document.querySelectorAll("[data-testid=diff-right]")].map((e) => e.textContent).join("\\n")');
    assert.ok(left.includes('A note written by hand.'), left);
    assert.ok(right.includes('A purpose changed in the app'), right);
    await saveScreenshot(session, 'hand-edit-diff');
    assert.equal(fs.readFileSync(plan, 'utf8'), edited, 'nothing written before the user chose');

    // Keep theirs: still nothing written.
    await session.click(await session.waitFor('[data-testid="keep-plan"]'));
    await session.waitUntil('the keep to be confirmed', async () =>
      (await session.textOf('[data-testid="save-status"]')).includes('nothing was overwritten'));
    assert.equal(fs.readFileSync(plan, 'utf8'), edited);

    // Save again, and this time overwrite: the edited file is the backup.
    await session.click(await session.waitFor('[data-testid="save-plan"]'));
    await session.click(await session.waitFor('[data-testid="overwrite-plan"]'));
    await session.waitUntil('the overwrite to be confirmed', async () =>
      (await session.textOf('[data-testid="save-status"]')).includes('previous version kept'));
    assert.ok(fs.readFileSync(plan, 'utf8').includes('A purpose changed in the app'));
    const backup = path.join(project, '.deployplan/backups/deploymentPlan.md.1');
    assert.equal(fs.readFileSync(backup, 'utf8'), edited, 'the hand-edited plan is kept as a backup');
  });
});

test('a save that fails says why, leaves the disk alone and offers Save as…', async () => {
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-save-as-'));
  const target = path.join(elsewhere, 'my plan.md');
  process.env.DEPLOYPLAN_E2E_SAVE_PATH = target;
  try {
    await withSampleOpen('save-failed', async (session, project) => {
      // A folder where the plan goes.
      const plan = path.join(project, 'project_docs/deploymentPlan.md');
      fs.mkdirSync(path.join(plan, 'inside'), { recursive: true });
      await session.click(await session.waitFor('[data-testid="save-plan"]'));
      await session.waitFor('[data-testid="save-failed-dialog"]');
      const message = await session.textOf('[data-testid="save-failed-message"]');
      assert.ok(message.includes('it is a folder'), message);
      await saveScreenshot(session, 'save-failed');
      assert.ok(fs.statSync(path.join(plan, 'inside')).isDirectory(), 'the folder is left alone');

      await session.click(await session.waitFor('[data-testid="save-as"]'));
      await session.waitUntil('Save as to be confirmed', async () =>
        (await session.textOf('[data-testid="save-status"]')).includes('my plan.md'));
      assert.ok(fs.readFileSync(target, 'utf8').includes('## 0. Introduction & Goals'));
    });
  } finally {
    delete process.env.DEPLOYPLAN_E2E_SAVE_PATH;
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});
