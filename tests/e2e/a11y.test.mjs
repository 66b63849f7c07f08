// Accessibility end to end: axe-core (WCAG 2.1 A and AA, and best practices)
// runs on every view of the real app — the welcome view with and without a
// recent project, every wizard step and Review & Save, the Documents dialog
// and a role reassignment, the read-only document viewer, the Glossary and
// Keyboard shortcuts dialogs, review mode with a comment and a sign-off, and
// the dialog for a plan edited by hand — in the light and the dark theme, as
// contrast differs. Long columns (the form, the preview, the review) are
// scrolled through for contrast, as axe cannot judge text scrolled out of
// view, and Tab walks every form and dialog checking that focus is drawn. Any
// serious or critical violation, or a control focused without an outline,
// fails the test, listed with its view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dialogOpen, saveScreenshot, selectOption, withSampleAtWelcome } from './app.mjs';
import { AccessibilityAudit, describeViolation, runAxe } from './axe.mjs';
import { KEYS } from './webdriver.mjs';

const STEPS = Array.from({ length: 12 }, (_, index) => `s${index}`);
const SECTION_1 = '1. Overall Deployment Strategy & Workflow';
const SECTION_1_PANEL = `[data-testid="review-section"][data-heading="${SECTION_1}"]`;

async function closeDialog(session) {
  await session.click(await session.waitFor('dialog[open] button[aria-label="Close"]'));
  await session.waitUntil('the dialog to close', async () => !(await dialogOpen(session)));
}

/** Waits until the browser has painted twice, so styles and transitions have settled. */
async function afterPaint(session) {
  await session.execute('window.__painted = false; requestAnimationFrame(() => requestAnimationFrame(() => (window.__painted = true)));');
  await session.waitUntil('a paint', async () => session.execute('return window.__painted === true'));
}

/** The welcome view's theme can only be chosen before opening: set it as the switch would, and reload. */
async function welcomeInTheme(session, theme) {
  await session.execute('localStorage.setItem("deployplan.theme", arguments[0]); location.reload();', [theme]);
  await session.waitUntil(`the welcome view in the ${theme} theme`, async () =>
    (await session.execute('return document.documentElement.dataset.theme')) === theme
    && (await session.findAll('[data-testid="open-folder"]')).length > 0);
  await afterPaint(session);
}

async function wizardInTheme(session, theme) {
  await selectOption(session, '[data-testid="theme-switch"]', theme);
  await session.waitUntil(`the ${theme} theme`, async () =>
    (await session.execute('return document.documentElement.dataset.theme')) === theme);
  await afterPaint(session);
}

async function goToStep(session, id) {
  await session.click(await session.waitFor(`[data-testid="step-${id}"]`));
  await session.waitFor(`[data-testid="step-${id}"][aria-current="step"]`);
  // The preview follows the step; let it settle so axe sees a still page.
  await session.waitUntil('the preview to render', async () =>
    session.execute('const p = document.getElementById("plan-preview"); return p !== null && p.getAttribute("aria-busy") !== "true" && p.textContent.trim().length > 0'));
  await afterPaint(session);
}

/**
 * The focused element, and whether a focus outline is drawn for it (on it, or
 * on the label around a checkbox) at least 2px wide in the theme's focus
 * colour, which contrast.test.ts holds to 3:1 against every surface.
 */
const FOCUS_SHOWN = `
  const e = document.activeElement;
  if (!e || e === document.body) return { name: 'body', shown: false };
  const probe = document.createElement('span');
  probe.style.color = 'var(--focus)';
  document.body.append(probe);
  const focus = getComputedStyle(probe).color;
  probe.remove();
  let shown = false;
  let colour = '';
  for (let el = e, i = 0; el && i < 3 && !shown; el = el.parentElement, i++) {
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
      colour = style.outlineColor;
      shown = colour === focus;
    }
  }
  const name = e.dataset.testid || e.getAttribute('aria-label') || e.id || (e.textContent || '').trim().slice(0, 40) || e.tagName;
  const again = window.__focusSeen.has(e);
  window.__focusSeen.add(e);
  return { name: e.tagName.toLowerCase() + ' ' + name, shown, colour, focus, again, inside: !!e.closest(arguments[0]) };`;

/**
 * Tabs from the element `start` selects through the controls inside `within`
 * (at most `limit` stops), and records every control whose focus is not shown.
 */
async function walkFocus(session, audit, viewName, start, within, limit = 200) {
  await session.execute('window.__focusSeen = new WeakSet(); document.querySelector(arguments[0]).focus()', [start]);
  let reached = 0;
  for (let i = 0; i < limit; i++) {
    await session.press(KEYS.TAB);
    const now = await session.execute(FOCUS_SHOWN, [within]);
    // Out of the view, or round again (a dialog keeps focus inside).
    if (!now.inside || now.again) break;
    reached += 1;
    if (!now.shown) audit.fail(viewName, `focus not visible on ${now.name} (outline ${now.colour || 'none'}, focus colour ${now.focus})`);
  }
  if (reached === 0) audit.fail(viewName, `Tab reached no control inside ${within}`);
  else audit.report(`${viewName}: focus checked on ${reached} control(s) reached with Tab`);
  return reached;
}

/** Every view of an open project, in the theme in effect. */
async function auditWizard(session, audit, project, theme, round) {
  for (const id of STEPS) {
    await goToStep(session, id);
    await audit.check(`wizard step ${id} (${theme})`);
    await audit.checkScrolling('main.form-column', `wizard step ${id} (${theme})`);
    // Where focus is drawn does not depend on the theme (its colour is held
    // to 3:1 in both by contrast.test.ts): one walk through the forms is enough.
    if (round === 1) await walkFocus(session, audit, `wizard step ${id} (${theme})`, '#step-title', 'main.form-column');
    if (id === 's6') {
      await walkFocus(session, audit, `wizard step ${id} (${theme})`, '#step-title', 'main.form-column', 3);
      await saveScreenshot(session, `a11y-step-s6-focus-${theme}`).catch(() => {});
    }
  }
  await audit.checkScrolling('#plan-preview .scroll', `plan preview (${theme})`);
  await goToStep(session, 'review');
  await session.waitFor('[data-testid="step-review"][aria-current="step"]');
  await audit.check(`Review & Save step (${theme})`);

  // Documents, then a role reassigned and put back.
  await session.click(await session.waitFor('[data-testid="open-documents"]'));
  await session.waitFor('[data-testid="documents-panel"]');
  await afterPaint(session);
  await audit.check(`Documents dialog (${theme})`);
  await saveScreenshot(session, `a11y-documents-${theme}`).catch(() => {});
  await walkFocus(session, audit, `Documents dialog (${theme})`, 'dialog[open] button[aria-label="Close"]', 'dialog[open]', 40);
  const role = '[data-testid="role-project_docs/testStrategy.md"]';
  const original = await session.execute('return document.querySelector(arguments[0]).value', [role]);
  assert.notEqual(original, '', 'the test strategy fills a role to begin with');
  await selectOption(session, role, '');
  await session.waitUntil('the reassignment to be announced', async () =>
    (await session.textOf('[data-testid="documents-status"]')).includes('fills no role'));
  await audit.check(`Documents dialog after a role change (${theme})`);
  await selectOption(session, role, original);
  await session.waitUntil('the role to be put back', async () =>
    (await session.textOf('[data-testid="documents-status"]')).includes('now fills'));
  await closeDialog(session);

  // The read-only viewer, opened from a "From: file › heading" source.
  await goToStep(session, 's3');
  await session.click(await session.waitFor('[data-testid="source-s3.ci_tool"]'));
  await session.waitFor('[data-testid="document-text"] .hit');
  await afterPaint(session);
  await audit.check(`document viewer (${theme})`);
  await walkFocus(session, audit, `document viewer (${theme})`, 'dialog[open] button[aria-label="Close"]', 'dialog[open]', 40);
  await closeDialog(session);

  await session.click(await session.waitFor('[data-testid="open-glossary"]'));
  await session.waitFor('dialog[open] dl');
  await afterPaint(session);
  await audit.check(`Glossary dialog (${theme})`);
  await walkFocus(session, audit, `Glossary dialog (${theme})`, 'dialog[open] button[aria-label="Close"]', 'dialog[open]', 40);
  await closeDialog(session);

  // Find in the plan, with matches highlighted.
  await session.press('f', KEYS.CONTROL);
  await session.type(await session.waitFor('[data-testid="find-input"]'), 'rollback');
  await session.waitUntil('matches counted', async () => /^1 of \d+$/.test(await session.textOf('[data-testid="find-count"]')));
  await afterPaint(session);
  await audit.check(`find bar over the preview (${theme})`);
  await session.click(await session.find('[data-testid="find-close"]'));
  await session.waitUntil('the find bar closed', async () => (await session.findAll('[data-testid="find-bar"]')).length === 0);

  await session.click(await session.waitFor('[data-testid="open-shortcuts"]'));
  await session.waitFor('[data-testid="shortcuts-sheet"]');
  await afterPaint(session);
  await audit.check(`Keyboard shortcuts dialog (${theme})`);
  await walkFocus(session, audit, `Keyboard shortcuts dialog (${theme})`, 'dialog[open] button[aria-label="Close"]', 'dialog[open]', 40);
  await closeDialog(session);

  // The plan edited by hand after a save: the save-problem dialog.
  const plan = path.join(project, 'project_docs/deploymentPlan.md');
  await session.click(await session.waitFor('[data-testid="save-plan"]'));
  await session.waitUntil('the save', async () => /^Saved to|previous version kept/.test(await session.textOf('[data-testid="save-status"]')));
  fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('## 1.', `A note written by hand (${round}).\n\n## 1.`));
  await session.click(await session.waitFor('[data-testid="save-plan"]'));
  await session.waitFor('[data-testid="hand-edit-dialog"]');
  await afterPaint(session);
  await audit.check(`save-problem dialog, plan edited by hand (${theme})`);
  await walkFocus(session, audit, `save-problem dialog, plan edited by hand (${theme})`, 'dialog[open] button[aria-label="Close"]', 'dialog[open]', 40);
  await session.click(await session.waitFor('[data-testid="overwrite-plan"]'));
  await session.waitUntil('the overwrite', async () => (await session.textOf('[data-testid="save-status"]')).includes('previous version kept'));

  // Review mode, then with a comment and a sign-off.
  await session.click(await session.waitFor('[data-testid="open-review"]'));
  await session.waitFor(`${SECTION_1_PANEL} [data-testid="approve"]`);
  await session.waitUntil('the diagrams in review mode', async () =>
    (await session.execute('return document.querySelectorAll(\'[data-testid="review-view"] figure.diagram svg\').length')) > 0);
  await afterPaint(session);
  await audit.check(`review mode (${theme})`);
  await audit.checkScrolling('[data-testid="review-view"] main', `review mode (${theme})`);
  await walkFocus(session, audit, `review mode (${theme})`, '[data-testid="review-close"]', '[data-testid="review-view"]', 150);
  const name = await session.waitFor('[data-testid="reviewer-name"]');
  await session.clear(name);
  await session.type(name, `Reviewer ${round}`);
  await session.type(await session.waitFor(`${SECTION_1_PANEL} [data-testid="comment-text"]`), `A comment (${round}).`);
  await session.click(await session.waitFor(`${SECTION_1_PANEL} [data-testid="add-comment"]`));
  await session.waitUntil('the comment', async () => (await session.textOf(SECTION_1_PANEL)).includes(`A comment (${round}).`));
  await session.click(await session.waitFor(`${SECTION_1_PANEL} [data-testid="approve"]`));
  await session.waitUntil('the sign-off', async () => session.execute(
    'return [...document.querySelectorAll(arguments[0])].some((li) => li.textContent.includes(arguments[1]))',
    [`${SECTION_1_PANEL} [data-testid="sign-off"]`, `Reviewer ${round}`]));
  // A glossary term's explanation, shown on focus.
  await session.execute('document.querySelector(\'[data-testid="review-view"] .term\')?.focus()');
  await afterPaint(session);
  await audit.check(`review mode with a comment, a sign-off and a term explained (${theme})`);
  await saveScreenshot(session, `a11y-review-${theme}`).catch(() => {});
  await session.click(await session.waitFor('[data-testid="review-close"]'));
  await session.waitFor('[data-testid="step-title"]');
}

/**
 * The check can fail: a nameless button and grey-on-grey text put into the
 * page are found (contrast included, which WebKit must compute), then removed.
 */
async function assertAxeCatchesProblems(session) {
  await session.execute(`
    const probe = document.createElement('div');
    probe.id = 'axe-probe';
    probe.innerHTML = '<button type="button"></button><p style="color:#999;background:#aaa">Hard to read</p>'
      + '<button type="button" id="axe-probe-start">Start</button><button type="button" style="outline:none">No outline</button>';
    document.body.append(probe);`);
  try {
    const { failing } = await runAxe(session);
    const found = failing.map((violation) => violation.id);
    assert.ok(found.includes('button-name'), `a nameless button is found: ${found.join(', ')}`);
    assert.ok(found.includes('color-contrast'), `low contrast is found: ${found.join(', ')}`);
    const message = describeViolation(failing.find((violation) => violation.id === 'button-name'));
    assert.match(message, /button-name \(critical\).*\n.*#axe-probe/);
    // And a control drawn without a focus outline is caught by the focus walk.
    const found2 = new AccessibilityAudit(session, () => {});
    await walkFocus(session, found2, 'probe', '#axe-probe-start', '#axe-probe', 2);
    assert.match(found2.problems.join('\n'), /focus not visible on button No outline/);
  } finally {
    await session.execute('document.getElementById("axe-probe")?.remove()');
  }
}

test('every view passes axe (WCAG 2.1 AA) in the light and the dark theme', async (t) => {
  await withSampleAtWelcome('a11y', async (session, project) => {
    const audit = new AccessibilityAudit(session, (line) => t.diagnostic(line));

    await welcomeInTheme(session, 'light');
    await assertAxeCatchesProblems(session);
    await audit.check('welcome, no recent projects (light)');
    await welcomeInTheme(session, 'dark');
    await audit.check('welcome, no recent projects (dark)');

    await session.click(await session.waitFor('[data-testid="open-folder"]'));
    await session.waitFor('[data-testid="step-title"]');
    await wizardInTheme(session, 'light');
    await auditWizard(session, audit, project, 'light', 1);
    await wizardInTheme(session, 'dark');
    await auditWizard(session, audit, project, 'dark', 2);

    // Back on the welcome view, the project is in the recent list.
    await session.click(await session.waitFor('.back'));
    await session.waitFor('[data-testid="forget-recent"]');
    await afterPaint(session);
    await audit.check('welcome with a recent project (dark)');
    await saveScreenshot(session, 'a11y-welcome-dark').catch(() => {});
    await welcomeInTheme(session, 'light');
    await session.waitFor('[data-testid="forget-recent"]');
    await audit.check('welcome with a recent project (light)');
    await saveScreenshot(session, 'a11y-welcome-light').catch(() => {});
    await session.click(await session.waitFor('[data-testid="welcome-about"]'));
    await session.waitFor('[data-testid="about-version"]');
    await afterPaint(session);
    await audit.check('About dialog (light)');
    await closeDialog(session);

    assert.ok(audit.checked.length >= 2 * 23 + 1, `every view checked (${audit.checked.length})`);
    audit.assertClean();
  });
});
