// Review mode end to end through the real app: open the review, see the
// summary, open items, diagrams and glossary explanations; comment on and
// approve a section; edit that section in the wizard and see its approval
// voided while another section's approval holds; the reviews are on disk in a
// readable sidecar; export the plan as standalone HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { saveScreenshot, selectOption, withSampleOpen } from './app.mjs';

const SECTION_1 = '1. Overall Deployment Strategy & Workflow';
const SECTION_2 = '2. Deployment Environments';
/** The step id SECTION_1's reviews are kept under in the sidecar. */
const SECTION_1_ID = 's1';

/** The selector of a review section by its heading. */
function section(heading) {
  return `[data-testid="review-section"][data-heading="${heading}"]`;
}

async function openReview(session) {
  await session.click(await session.waitFor('[data-testid="open-review"]'));
  await session.waitFor(`${section(SECTION_1)} [data-testid="approve"]`);
}

/** Waits until the browser has painted twice (for screenshots after a scroll). */
async function afterPaint(session) {
  await session.execute('window.__painted = false; requestAnimationFrame(() => requestAnimationFrame(() => (window.__painted = true)));');
  await session.waitUntil('a paint', async () => session.execute('return window.__painted === true'));
}

async function signOffTexts(session, heading) {
  return session.execute(
    `return [...document.querySelectorAll(arguments[0] + ' [data-testid="sign-off"]')].map((li) => li.textContent.trim())`,
    [section(heading)],
  );
}

test('a reviewer comments on and approves a section; editing it voids that approval only', async () => {
  const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-exports-'));
  process.env.DEPLOYPLAN_E2E_EXPORT_DIR = exports;
  try {
    await withSampleOpen('review', async (session, project) => {
      await openReview(session);

      // What a stakeholder sees first: the plan in brief, open items, contents.
      const summary = await session.textOf('#review-summary');
      // (Glossary terms carry their explanation in the text, so only the questions' starts are matched.)
      assert.match(summary, /The plan in brief/);
      assert.match(summary, /What ships in the MVP/);
      assert.match(summary, /How does it go live, and how is it undone\?/);
      assert.doesNotMatch(summary, /…/);
      // Provenance: proposals carry a badge; every source marker reveals its note and resolves in its section.
      const provenance = await session.execute(`
        const view = document.querySelector('[data-testid="review-view"]');
        const markers = [...view.querySelectorAll('sup.fn-source a[data-tip]')];
        const unresolved = markers.filter((a) => !a.closest('.plan-doc').querySelector(a.getAttribute('href').replace('#fn-', '#fn-')));
        return { badges: view.querySelectorAll('.badge-proposed').length, markers: markers.length, unresolved: unresolved.length,
          empty: markers.filter((a) => a.dataset.tip.length < 10).length };`);
      assert.ok(provenance.badges > 0, 'proposals are badged');
      assert.ok(provenance.markers > 0, 'sources are marked');
      assert.equal(provenance.unresolved, 0, 'every marker resolves in its section');
      assert.equal(provenance.empty, 0, 'every marker says where');
      const reading = await session.execute('return document.querySelectorAll(\'[data-testid="reading-time"]\').length');
      assert.ok(reading >= 13, `every section shows its reading time (${reading})`);
      const open = Number(await session.textOf('[data-testid="open-count"]'));
      assert.ok(open > 0, 'the sample plan has open items');
      const toc = await session.execute('return document.querySelectorAll(\'nav[aria-label="Table of contents"] li\').length');
      assert.ok(toc >= 14, `contents lists every section (${toc})`);
      // Diagrams are drawn and glossary terms are explained, keyboard-focusable.
      await session.waitUntil('a diagram drawn in review mode', async () =>
        (await session.execute('return document.querySelectorAll(\'[data-testid="review-view"] figure.diagram svg\').length')) > 0);
      const term = await session.execute(`
        const term = document.querySelector('[data-testid="review-view"] .term');
        if (!term) return null;
        const tip = document.getElementById(term.getAttribute('aria-describedby'));
        return { tabIndex: term.tabIndex, tip: tip ? tip.textContent : '' };`);
      assert.ok(term, 'a glossary term is marked');
      assert.equal(term.tabIndex, 0);
      assert.ok(term.tip.length > 20, `the term is explained: ${term.tip}`);

      // Comment on and approve section 1; approve section 2.
      const name = await session.waitFor('[data-testid="reviewer-name"]');
      await session.clear(name);
      await session.type(name, 'Ana Reviewer');
      await session.type(await session.waitFor(`${section(SECTION_1)} [data-testid="comment-text"]`), 'Why Blue/Green for the MVP?');
      await session.click(await session.waitFor(`${section(SECTION_1)} [data-testid="add-comment"]`));
      await session.waitFor(`${section(SECTION_1)} [data-testid="comment"]`);
      assert.match(await session.textOf(`${section(SECTION_1)} [data-testid="comment"]`), /Ana Reviewer[\s\S]*Why Blue\/Green/);
      await session.click(await session.waitFor(`${section(SECTION_1)} [data-testid="approve"]`));
      await session.waitFor(`${section(SECTION_1)} [data-testid="sign-off"]`);
      await session.click(await session.waitFor(`${section(SECTION_2)} [data-testid="approve"]`));
      await session.waitFor(`${section(SECTION_2)} [data-testid="sign-off"]`);
      assert.match((await signOffTexts(session, SECTION_1))[0], /Ana Reviewer\s+approved/);
      assert.equal(await session.execute('return document.querySelectorAll(\'[data-testid="sign-off-voided"]\').length'), 0);
      await session.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" })', [`${section(SECTION_1)} .review-panel`]);
      await saveScreenshot(session, 'review-approved').catch(() => {});

      // The reviews are in a readable sidecar in the project folder.
      const sidecar = path.join(project, 'project_docs/deploymentPlan.review.json');
      const stored = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
      assert.equal(stored.sections[SECTION_1_ID].comments[0].text, 'Why Blue/Green for the MVP?');
      assert.equal(stored.sections[SECTION_1_ID].sign_offs[0].decision, 'approve');
      assert.match(fs.readFileSync(sidecar, 'utf8'), /\n {2}"sections": \{\n/);

      // Edit section 1 in the wizard.
      await session.click(await session.waitFor(`${section(SECTION_1)} [data-testid="edit-section"]`));
      const why = await session.waitFor('[data-testid="field-s1.mvp_pattern_why"]');
      await session.clear(why);
      await session.type(why, 'Edited after review: zero downtime matters most.');
      await openReview(session);

      // Section 1's approval is voided; section 2's still holds.
      await session.waitFor(`${section(SECTION_1)} [data-testid="sign-off-voided"]`);
      assert.equal(
        await session.execute('return document.querySelectorAll(arguments[0] + \' [data-testid="sign-off-voided"]\').length', [section(SECTION_2)]),
        0,
      );
      assert.match((await signOffTexts(session, SECTION_2))[0], /approved/);
      assert.match(await session.textOf(`${section(SECTION_1)} [data-testid="comment"]`), /Why Blue\/Green/, 'comments stay');
      await session.waitUntil('the section\'s review panel in view', async () =>
        session.execute(`
          const panel = document.querySelector(arguments[0]);
          panel.scrollIntoView({ block: 'center' });
          const box = panel.getBoundingClientRect();
          return box.top >= 0 && box.top < innerHeight;`, [`${section(SECTION_1)} .review-panel`]));
      await afterPaint(session);
      await saveScreenshot(session, 'review-voided').catch(() => {});

      // Export as standalone HTML: one file, diagrams as SVG, no scripts.
      await session.click(await session.waitFor('[data-testid="export-html"]'));
      // Wait on the status line and the error, not the whole view: the plan's own text may say "needs".
      const exportEnded = async (done) =>
        done.test(await session.textOf('[data-testid="review-status"]')) ||
        (await session.execute('return document.querySelector(\'[data-testid="review-error"]\') !== null;', []));
      await session.waitUntil('the export to finish', () => exportEnded(/Exported to/), 60_000);
      const file = path.join(exports, 'deploymentPlan.html');
      assert.ok(fs.existsSync(file), `exported ${file}: ${await session.textOf('[data-testid="review-status"]')}`);
      const html = fs.readFileSync(file, 'utf8');
      assert.ok(html.includes('<svg'), 'diagrams drawn as SVG');
      assert.ok(!/<script/i.test(html), 'no script in the export');
      assert.ok(html.includes('Edited after review'), 'the export is of the current answers');

      // And as PDF, on Letter paper.
      await selectOption(session, '[data-testid="export-paper"]', 'letter');
      await session.click(await session.waitFor('[data-testid="export-pdf"]'));
      const pdf = path.join(exports, 'deploymentPlan.pdf');
      await session.waitUntil('the PDF export to finish', () => exportEnded(/Exported to .*\.pdf/), 60_000);
      assert.ok(fs.existsSync(pdf), `exported ${pdf}: ${await session.textOf('[data-testid="review-status"]')}`);
      assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    });
  } finally {
    delete process.env.DEPLOYPLAN_E2E_EXPORT_DIR;
    fs.rmSync(exports, { recursive: true, force: true });
  }
});
