// End to end: every view renders, in the light and in the dark theme, and is
// photographed as a user would see it (diagrams drawn, fonts loaded). With
// DEPLOYPLAN_SCREENSHOT_DIR (scripts/screenshots.sh sets docs/screenshots) the
// PNGs go there as <view>-<theme>.png for the README; without it they go to
// the git-ignored tests/e2e/screenshots/views, and the test still checks that
// each view is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copySample, repo, selectOption, withProjectOpen } from './app.mjs';
import { KEYS } from './webdriver.mjs';

const OUT = process.env.DEPLOYPLAN_SCREENSHOT_DIR
  ? path.resolve(repo, process.env.DEPLOYPLAN_SCREENSHOT_DIR)
  : path.join(repo, 'tests/e2e/screenshots/views');
const THEMES = ['light', 'dark'];
const SECTION_1 = '1. Overall Deployment Strategy & Workflow';
const VIEWS = [
  'welcome', 'about', 'wizard-strategy', 'wizard-rollback', 'find', 'documents', 'document-viewer', 'glossary', 'shortcuts',
  'review-save', 'review-first-page', 'review-section', 'review-mode',
];
/** The files written by this run. */
const shots = [];

/**
 * Waits until what is on screen is final: no diagram still waiting to be
 * drawn, no preview updating, fonts loaded; then for two frames to be painted.
 */
async function settle(session) {
  await session.waitUntil('diagrams drawn, preview up to date and fonts loaded', async () =>
    session.execute(`
      const undrawn = [...document.querySelectorAll('pre > code.language-mermaid, pre[lang="mermaid"] > code')]
        .filter((code) => !code.closest('figure.diagram-error'));
      return undrawn.length === 0
        && !document.querySelector('[data-testid="preview"][aria-busy="true"]')
        && document.fonts.status === 'loaded';`), 30_000);
  await session.execute('window.__painted = false; requestAnimationFrame(() => requestAnimationFrame(() => (window.__painted = true)));');
  await session.waitUntil('two painted frames', async () => session.execute('return window.__painted === true'));
}

/** Photographs the window as `<view>-<theme>.png` and checks the picture is a full window. */
async function shoot(session, view, theme) {
  await settle(session);
  assert.equal(
    await session.execute('return document.querySelectorAll("figure.diagram-error").length'), 0,
    `${view}: every diagram on screen is drawn`);
  const png = Buffer.from(await session.screenshot(), 'base64');
  assert.equal(png.subarray(1, 4).toString(), 'PNG', `${view}: a PNG`);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width >= 1200 && height >= 700, `${view}: the whole window (${width}×${height})`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${view}-${theme}.png`), png);
  shots.push(`${view}-${theme}.png`);
}

async function useTheme(session, theme) {
  await selectOption(session, '[data-testid="theme-switch"]', theme);
  await session.waitUntil(`the ${theme} theme`, async () =>
    (await session.execute('return document.documentElement.dataset.theme')) === theme);
}

async function showStep(session, step, number) {
  await session.click(await session.waitFor(`[data-testid="step-${step}"]`));
  await session.waitUntil(`step ${step} shown`, async () =>
    (await session.textOf('[data-testid="step-title"]')).trim().startsWith(number));
}

/** Waits for the current section's first diagram in the preview, and scrolls to it unless it is in full view. */
async function showPreviewDiagram(session, number) {
  await session.waitUntil(`the diagram of section ${number} drawn in the preview`, async () =>
    session.execute(`
      // In document order: the preview keeps each (sub-)section in its own block.
      const nodes = [...document.querySelectorAll('#plan-preview h2, #plan-preview figure.diagram')];
      const from = nodes.findIndex((h) => h.tagName === 'H2' && h.textContent.trim().startsWith(arguments[0]));
      for (const node of from < 0 ? [] : nodes.slice(from + 1)) {
        if (node.tagName === 'H2') break;
        if (node.querySelector('svg')) {
          const box = node.getBoundingClientRect();
          if (box.top < 0 || box.bottom > innerHeight) node.scrollIntoView({ block: 'start' });
          return true;
        }
      }
      return false;`, [number]), 30_000);
}

async function openDialog(session, button, content) {
  await session.click(await session.waitFor(button));
  await session.waitFor(content);
}

async function closeDialog(session, content) {
  await session.click(await session.waitFor('dialog[open] button[aria-label="Close"]'));
  await session.waitUntil('the dialog to close', async () =>
    session.execute('const e = document.querySelector(arguments[0]); return !e || !e.closest("dialog[open]")', [content]));
}

/** Comments on and approves section 1 (once: the review is kept with the project). */
async function reviewSectionOne(session) {
  const section = `[data-testid="review-section"][data-heading="${SECTION_1}"]`;
  await session.waitFor(`${section} [data-testid="approve"]`);
  if ((await session.findAll(`${section} [data-testid="sign-off"]`)).length === 0) {
    const name = await session.waitFor('[data-testid="reviewer-name"]');
    await session.clear(name);
    await session.type(name, 'Ana Reviewer');
    await session.type(await session.waitFor(`${section} [data-testid="comment-text"]`), 'Why Blue/Green for the MVP? Canary would need less spare capacity.');
    await session.click(await session.waitFor(`${section} [data-testid="add-comment"]`));
    await session.waitFor(`${section} [data-testid="comment"]`);
    await session.click(await session.waitFor(`${section} [data-testid="approve"]`));
    await session.waitFor(`${section} [data-testid="sign-off"]`);
  }
  // The section's comments and sign-off, below the end of its text.
  await session.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" })', [`${section} .review-panel`]);
}

test('every view renders in the light and the dark theme (screenshots)', async () => {
  // Always the same folder, so the pictures show the same path from run to run.
  const parent = path.join(os.tmpdir(), 'deployplan-screenshots');
  const project = path.join(parent, 'harbor-pantry');
  fs.rmSync(parent, { recursive: true, force: true });
  fs.mkdirSync(parent);
  fs.renameSync(copySample(), project);
  try {
    await withProjectOpen('screenshots', project, async (session) => {
      await session.send('POST', '/window/rect', { width: 1280, height: 800 }).catch(() => {});
      for (const theme of THEMES) {
        await useTheme(session, theme);

        // Wizard steps with pre-filled fields and the live preview, diagrams drawn.
        await showStep(session, 's1', '1.');
        await showPreviewDiagram(session, '1.');
        await shoot(session, 'wizard-strategy', theme);
        await showStep(session, 's6', '6.');
        await showPreviewDiagram(session, '6.');
        await shoot(session, 'wizard-rollback', theme);

        // Find in the plan (Ctrl+F), the matches highlighted in the preview.
        await session.press('f', KEYS.CONTROL);
        await session.type(await session.waitFor('[data-testid="find-input"]'), 'rollback');
        await session.waitUntil('matches counted', async () => /^1 of \d+$/.test(await session.textOf('[data-testid="find-count"]')));
        await shoot(session, 'find', theme);
        await session.click(await session.find('[data-testid="find-close"]'));
        await session.waitUntil('the find bar closed', async () => (await session.findAll('[data-testid="find-bar"]')).length === 0);

        // The documents found, and one opened at the lines a value came from.
        await openDialog(session, '[data-testid="open-documents"]', '[data-testid="documents-panel"]');
        await shoot(session, 'documents', theme);
        await closeDialog(session, '[data-testid="documents-panel"]');
        await showStep(session, 's1', '1.');
        await session.click(await session.waitFor('[data-testid^="source-"]'));
        await session.waitUntil('the document to load', async () =>
          (await session.textOf('[data-testid="document-text"]')).length > 100);
        await shoot(session, 'document-viewer', theme);
        await closeDialog(session, '[data-testid="document-viewer"]');

        await openDialog(session, '[data-testid="open-glossary"]', 'dialog[open] dl');
        await shoot(session, 'glossary', theme);
        await closeDialog(session, 'dialog[open] dl');

        await openDialog(session, '[data-testid="open-shortcuts"]', '[data-testid="shortcuts-sheet"]');
        await shoot(session, 'shortcuts', theme);
        await closeDialog(session, '[data-testid="shortcuts-sheet"]');

        await showStep(session, 'review', 'Review');
        await shoot(session, 'review-save', theme);

        // Review mode opens with the plan in brief.
        await session.click(await session.waitFor('[data-testid="open-review"]'));
        await session.waitFor('#review-summary');
        await session.execute('document.querySelector(".review .doc").scrollTop = 0');
        await shoot(session, 'review-first-page', theme);
        // A section: sources as small markers, one focused to show where its value came from; proposals badged.
        await session.execute(`
          const marker = document.querySelector(arguments[0] + ' sup.fn-source a');
          marker.closest('p, li, td').scrollIntoView({ block: 'center' });
          marker.focus();`, [`[data-testid="review-section"][data-heading="${SECTION_1}"]`]);
        await shoot(session, 'review-section', theme);

        // Review mode, with a comment and a sign-off.
        await reviewSectionOne(session);
        await session.waitFor('[data-testid="review-view"] figure.diagram svg', 30_000);
        await shoot(session, 'review-mode', theme);
        await session.click(await session.waitFor('[data-testid="review-close"]'));
        await session.waitUntil('review mode to close', async () =>
          (await session.findAll('[data-testid="review-view"]')).length === 0);

        // Back to the welcome view: the project is listed as recent.
        await session.click(await session.waitFor('button[title="Back to projects"]'));
        await session.waitFor('[data-testid="open-folder"]');
        await session.waitUntil('the project listed as recent', async () =>
          (await session.textOf('.recent-item')).includes('harbor-pantry'));
        await shoot(session, 'welcome', theme);
        await openDialog(session, '[data-testid="welcome-about"]', '[data-testid="about-version"]');
        await shoot(session, 'about', theme);
        await session.click(await session.waitFor('dialog[open] .actions .btn-primary'));
        await session.waitUntil('About to close', async () => (await session.findAll('dialog[open]')).length === 0);

        // Open it again from the list for the next theme.
        await session.click(await session.waitFor('.recent-item'));
        await session.waitFor('[data-testid="step-title"]');
        // The draft notice is said once; the pictures show the views themselves.
        await session.execute(`for (const notice of document.querySelectorAll('.notice')) {
          if (notice.textContent.includes('draft was restored')) notice.querySelector('button').click();
        }`);
      }
    });
    const expected = THEMES.flatMap((theme) => VIEWS.map((view) => `${view}-${theme}.png`));
    assert.deepEqual([...shots].sort(), expected.sort(), 'every view in every theme');
    console.log(`${shots.length} screenshots in ${path.relative(repo, OUT)}`);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
