// End to end: the keyboard shortcuts run the same actions as the buttons, the
// "Keyboard shortcuts" sheet lists them, and focus lands on the step heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeDialog, saveScreenshot, withSampleOpen } from './app.mjs';
import { KEYS } from './webdriver.mjs';

const { CONTROL, ALT, ESCAPE, PAGE_DOWN, LEFT, RIGHT, F1 } = KEYS;


test('shortcuts move between steps, open review, find, the sheet, save and open', async () => {
  await withSampleOpen('shortcuts', async (session) => {
    const press = (value, modifier) => session.press(value, modifier);
    const title = async () => (await session.textOf('[data-testid="step-title"]')).trim();
    const focusedId = () => session.execute('return document.activeElement.id || document.activeElement.dataset.testid || document.activeElement.tagName');
    const waitForStep = (prefix) => session.waitUntil(`step ${prefix}`, async () => (await title()).startsWith(prefix));

    // Next / previous step; the step heading takes focus each time.
    await press(RIGHT, ALT);
    await waitForStep('1.');
    assert.equal(await focusedId(), 'step-title', 'Alt+Right focuses the new step heading');
    await press(PAGE_DOWN, CONTROL);
    await waitForStep('2.');
    await press(LEFT, ALT);
    await waitForStep('1.');
    assert.equal(await focusedId(), 'step-title');

    // F1 opens the sheet listing every shortcut; Esc closes it.
    await press(F1);
    await session.waitFor('[data-testid="shortcuts-sheet"]');
    const actions = await session.execute('return [...document.querySelectorAll("[data-testid=shortcuts-sheet] tbody tr")].map((row) => row.dataset.action)');
    assert.deepEqual(actions, ['open', 'save', 'save_as', 'export', 'next', 'previous', 'review', 'documents', 'find', 'shortcuts', 'quit']);
    // While the sheet is open, step shortcuts do nothing.
    await press(RIGHT, ALT);
    assert.ok((await title()).startsWith('1.'), 'no step change behind a dialog');
    await saveScreenshot(session, 'shortcuts-sheet').catch(() => {});
    await press(ESCAPE);
    await session.waitUntil('the sheet to close', async () => (await session.findAll('[data-testid="shortcuts-sheet"]')).length === 0);

    // The header button opens it too, and Esc gives focus back to the button.
    await session.click(await session.find('[data-testid="open-shortcuts"]'));
    await session.waitFor('[data-testid="shortcuts-sheet"]');
    await press(ESCAPE);
    await session.waitUntil('focus back on the button', async () => (await focusedId()) === 'open-shortcuts');

    // Ctrl+/ opens it as well.
    await press('/', CONTROL);
    await session.waitFor('[data-testid="shortcuts-sheet"]');
    await press(ESCAPE);
    await session.waitUntil('the sheet to close', async () => (await session.findAll('[data-testid="shortcuts-sheet"]')).length === 0);

    // Ctrl+R opens review mode and, again, goes back to the step heading.
    await press('r', CONTROL);
    await session.waitFor('[data-testid="review-view"]');
    await press('r', CONTROL);
    await session.waitUntil('review to close', async () => (await session.findAll('[data-testid="review-view"]')).length === 0);
    await session.waitUntil('focus on the step heading', async () => (await focusedId()) === 'step-title');

    // Ctrl+F opens Find in the plan with its box focused; Esc closes it.
    await press('f', CONTROL);
    await session.waitUntil('the find box to have focus', async () =>
      session.execute('return document.activeElement?.dataset.testid === "find-input"'));
    await press(ESCAPE);
    await session.waitUntil('the find bar to close', async () => (await session.findAll('[data-testid="find-bar"]')).length === 0);

    // In the glossary, Ctrl+F goes to its filter instead.
    await session.click(await session.find('[data-testid="open-glossary"]'));
    await session.waitFor('dialog[open] input[type="search"]');
    await press('f', CONTROL);
    await session.waitUntil('the glossary filter to have focus', async () =>
      session.execute('const e = document.activeElement; return e.type === "search" && !!e.closest("dialog[open]")'));
    await escapeDialog(session, 'the glossary');

    // Ctrl+D shows the documents; Ctrl+E goes to review mode with the export choices focused.
    await press('d', CONTROL);
    await session.waitFor('[data-testid="documents-panel"]');
    await escapeDialog(session, 'the documents');
    await press('e', CONTROL);
    await session.waitUntil('an export button focused', async () =>
      (await session.execute('return document.activeElement?.dataset.testid ?? ""')).startsWith('export-'));
    await press('r', CONTROL);
    await session.waitUntil('review to close', async () => (await session.findAll('[data-testid="review-view"]')).length === 0);

    // Ctrl+S saves the plan.
    await press('s', CONTROL);
    await session.waitUntil('the plan to be saved', async () => (await session.textOf('[data-testid="save-status"]')).includes('Saved to'));

    // Back on the welcome view, Ctrl+O opens a folder (the e2e stand-in for the dialog picks the sample copy).
    await session.click(await session.find('.back'));
    await session.waitFor('[data-testid="open-folder"]');
    await press('o', CONTROL);
    await session.waitFor('[data-testid="step-title"]');
  });
});
