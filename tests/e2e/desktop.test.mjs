// End to end: the desktop parts of the app — the app menu (File, View, Help,
// Open Recent), opening a large folder with progress and Cancel, cancelling
// an export, and Find in the plan.
//
// WebDriver cannot click the native menu bar, so the e2e build takes menu
// choices from DEPLOYPLAN_E2E_MENU_FILE and runs them through the same code a
// click runs (src-tauri/src/menu.rs); the menu itself is checked by hand and
// its structure by Rust tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copySample, escapeDialog, repo, saveScreenshot, withApp } from './app.mjs';
import { KEYS } from './webdriver.mjs';

const { CONTROL, SHIFT, ENTER, ESCAPE } = KEYS;

const version = fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
/** Whether this machine has a GPU render node, which decides how the app draws (src-tauri/src/rendering.rs). */
const hasGpu = (() => {
  try {
    return fs.readdirSync('/dev/dri').some((name) => name.startsWith('renderD'));
  } catch {
    return false;
  }
})();

test('the app menu runs File, View and Help actions, and Open Recent opens a listed project', async () => {
  await withApp('menu', { project: copySample() }, async (session, { choose, project }) => {
    // Help works before a project is open.
    await choose('about');
    await session.waitUntil('About shows the version', async () =>
      (await session.textOf('[data-testid="about"]').catch(() => '')).includes(`Version ${version}`));
    const drawing = await session.textOf('[data-testid="about-drawing"]');
    assert.match(drawing, hasGpu ? /with GPU compositing/ : /No GPU found/, 'About says how the app draws on this machine');
    await saveScreenshot(session, 'menu-about').catch(() => {});
    await escapeDialog(session, 'About');
    await choose('shortcuts');
    await session.waitFor('[data-testid="shortcuts-sheet"]');
    await escapeDialog(session, 'the sheet');

    // What needs a project does nothing without one.
    await choose('documents');
    await choose('review');
    assert.equal((await session.findAll('dialog[open]')).length, 0);
    assert.equal((await session.findAll('[data-testid="review-view"]')).length, 0);

    // File › Open Folder… (the e2e stand-in for the dialog hands over the folder).
    await choose('open');
    await session.waitFor('[data-testid="step-title"]');

    // View: Documents, Review & Export and back to the Wizard, Next Step.
    await choose('documents');
    await session.waitFor('[data-testid="documents-panel"]');
    await escapeDialog(session, 'Documents');
    await choose('next');
    await session.waitUntil('step 1 shown', async () => (await session.textOf('[data-testid="step-title"]')).startsWith('1.'));
    await choose('review');
    await session.waitFor('[data-testid="review-view"]');
    await choose('wizard');
    await session.waitUntil('back in the wizard', async () => (await session.findAll('[data-testid="review-view"]')).length === 0);

    // File › Export… shows review mode with the export choices focused.
    await choose('export');
    await session.waitFor('[data-testid="review-view"]');
    await session.waitUntil('an export button focused', async () =>
      (await session.execute('return document.activeElement?.dataset.testid ?? ""')).startsWith('export-'));
    await choose('wizard');
    await session.waitUntil('back in the wizard', async () => (await session.findAll('[data-testid="review-view"]')).length === 0);

    // Help › Glossary.
    await choose('glossary');
    await session.waitFor('dialog[open] input[type="search"]');
    await escapeDialog(session, 'Glossary');

    // File › Save Plan writes the plan.
    await choose('save');
    await session.waitUntil('saved', async () => (await session.textOf('[data-testid="save-status"]')).startsWith('Saved to'));
    assert.ok(fs.existsSync(path.join(project, 'project_docs/deploymentPlan.md')));

    // File › Open Recent › (first) opens the project listed first again.
    await session.click(await session.find('.back'));
    await session.waitFor('[data-testid="open-folder"]');
    await choose('recent:0');
    await session.waitFor('[data-testid="step-title"]');
    assert.ok((await session.textOf('.project .root')).includes(path.basename(project)));

    // File › Open Recent › Clear Recent empties the welcome view's list too.
    await session.click(await session.find('.back'));
    await session.waitFor('[data-testid="forget-recent"]');
    await choose('clear_recent');
    await session.waitUntil('the list emptied', async () => (await session.textOf('.recent')).includes('No recent projects yet'));
  });
});

/** A project folder with `count` documents, big enough that reading it takes a while. */
function largeProject(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-large-'));
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs);
  const body = Array.from({ length: 60 }, (_, i) =>
    `## Part ${i}\n\n**Owner:** Team ${i}\n\n- item one with GitHub Actions\n- item two with Docker\n\n| Area | Tool |\n|---|---|\n| CI | GitHub Actions |\n`).join('\n');
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(docs, `notes-${String(i).padStart(4, '0')}.md`), `# Notes ${i}\n\n${body}`);
  }
  return dir;
}

test('opening a large folder shows its progress and Cancel stops it, leaving the welcome view usable', async () => {
  await withApp('open-cancel', { project: largeProject(1900) }, async (session, { project }) => {
    await session.click(await session.find('[data-testid="open-folder"]'));
    await session.waitUntil('documents being read, counted', async () =>
      /Reading documents… [\d,]+ of 1,900/.test(await session.textOf('[data-testid="open-progress"]').catch(() => '')), 60_000);
    await saveScreenshot(session, 'open-progress').catch(() => {});
    await session.click(await session.find('[data-testid="cancel-open"]'));
    await session.waitUntil('opening cancelled', async () =>
      (await session.textOf('[data-testid="open-status"]')).includes('Opening cancelled'), 30_000);
    assert.equal((await session.findAll('[data-testid="step-title"]')).length, 0, 'no project was opened');
    assert.equal((await session.findAll('[data-testid="error"]')).length, 0, 'a cancel is not an error');
    assert.equal((await session.textOf('.recent')).includes('No recent projects yet'), true, 'the folder was not listed as opened');
    // Nothing was written into the folder.
    assert.deepEqual(fs.readdirSync(project), ['docs']);
    // The app goes on working.
    await session.click(await session.find('[data-testid="open-sample"]'));
    await session.waitFor('[data-testid="step-title"]');
  });
});


test('a PDF export shows what it is doing and Cancel stops it without writing a file', async () => {
  const project = copySample();
  const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-exports-'));
  // The app prints with its own engine in about a second; the e2e build's
  // hook holds the print back (cancellably) so there is time to cancel.
  const env = { DEPLOYPLAN_E2E_EXPORT_DIR: exports, DEPLOYPLAN_E2E_SLOW_PRINT_MS: '8000' };
  try {
    await withApp('export-cancel', { project, env }, async (session) => {
      await session.click(await session.find('[data-testid="open-folder"]'));
      await session.waitFor('[data-testid="step-title"]');
      await session.click(await session.find('[data-testid="open-review"]'));
      await session.waitFor('[data-testid="review-view"]');
      await session.click(await session.waitFor('[data-testid="export-pdf"]'));
      await session.waitUntil('the PDF being printed', async () =>
        /Printing the PDF…/.test(await session.textOf('[data-testid="review-status"]')), 30_000);
      await saveScreenshot(session, 'export-progress').catch(() => {});
      await session.click(await session.find('[data-testid="cancel-export"]'));
      await session.waitUntil('export cancelled', async () =>
        (await session.textOf('[data-testid="review-status"]')).includes('Export cancelled. Nothing was written.'), 30_000);
      assert.deepEqual(fs.readdirSync(exports), [], 'no file written');
      assert.equal((await session.findAll('[data-testid="review-error"]')).length, 0);
      // Export works again afterwards.
      await session.click(await session.find('[data-testid="export-markdown"]'));
      await session.waitUntil('exported', async () => (await session.textOf('[data-testid="review-status"]')).startsWith('Exported to'));
      assert.deepEqual(fs.readdirSync(exports), ['deploymentPlan.md']);
    });
  } finally {
    fs.rmSync(exports, { recursive: true, force: true });
  }
});

test('Ctrl+F finds text in the plan preview, Enter steps through the matches, Esc closes', async () => {
  await withApp('find', { project: copySample() }, async (session) => {
    const press = (value, modifier) => session.press(value, modifier);
    await session.click(await session.find('[data-testid="open-folder"]'));
    await session.waitFor('[data-testid="step-title"]');
    await session.waitUntil('the preview rendered', async () => (await session.textOf('[data-testid="preview-content"]')).includes('Rollback'));

    await press('f', CONTROL);
    const input = await session.waitFor('[data-testid="find-input"]');
    await session.waitUntil('the find box focused', async () =>
      (await session.execute('return document.activeElement?.dataset.testid ?? ""')) === 'find-input');
    await session.type(input, 'rollback');
    const counted = await session.waitUntil('matches counted', async () =>
      (await session.textOf('[data-testid="find-count"]')).match(/^1 of (\d+)$/));
    const expected = Number(counted[1]);
    assert.ok(expected > 2, `the sample plan mentions rollback more than twice (${expected})`);
    // Every match is a highlighted "rollback", whatever its case.
    const found = await session.execute(`return CSS.highlights
      ? [...CSS.highlights.get('find-match')].map((range) => range.toString().toLowerCase())
      : null`);
    if (found) assert.deepEqual(found, Array(expected).fill('rollback'));
    await press(ENTER);
    await session.waitUntil('the next match', async () => (await session.textOf('[data-testid="find-count"]')) === `2 of ${expected}`);
    await press(ENTER, SHIFT);
    await session.waitUntil('back to the first', async () => (await session.textOf('[data-testid="find-count"]')) === `1 of ${expected}`);
    await saveScreenshot(session, 'find').catch(() => {});

    await session.clear(input);
    await session.type(input, 'no-such-words-here');
    await session.waitUntil('no matches', async () => (await session.textOf('[data-testid="find-count"]')) === 'No matches');

    await press(ESCAPE);
    await session.waitUntil('the find bar closed', async () => (await session.findAll('[data-testid="find-bar"]')).length === 0);
  });
});
