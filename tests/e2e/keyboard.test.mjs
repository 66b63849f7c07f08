// End to end: the wizard and its dialogs work from the keyboard alone, with
// the focused control always visible and outlined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, withSampleOpen } from './app.mjs';
import { KEYS } from './webdriver.mjs';

const { TAB, SHIFT, ENTER, ESCAPE } = KEYS;

/** The focused element: its test id or name, and whether it is visibly focused. */
const FOCUSED = `const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  return {
    name: e.dataset.testid || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40) || e.tagName,
    outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };`;

test('Tab walks the wizard and the Documents panel with visible focus; Esc closes and returns focus', async () => {
  await withSampleOpen('keyboard', async (session) => {
    const press = (value, modifier) => session.press(value, modifier);
    const focused = () => session.execute(FOCUSED);

    // Forward through the step's form, then back up into the side list.
    for (let i = 0; i < 12; i++) {
      await press(TAB);
      const now = await focused();
      assert.ok(now.outlined && now.onScreen, `Tab ${i + 1}: ${JSON.stringify(now)}`);
    }
    const back = [];
    for (let i = 0; i < 40; i++) {
      await press(TAB, SHIFT);
      const now = await focused();
      assert.ok(now.outlined && now.onScreen, `Shift+Tab ${i + 1}: ${JSON.stringify(now)}`);
      back.push(now.name);
      if (now.name === 'open-documents') break;
    }
    assert.ok(back.includes('step-s0'), `the step list is reached: ${back.join(', ')}`);
    assert.equal(back.at(-1), 'open-documents', `the Documents button is reached: ${back.join(', ')}`);

    // The Documents panel opens from the keyboard, keeps focus inside, and Esc closes it.
    await press(ENTER);
    await session.waitFor('[data-testid="documents-panel"]');
    const inside = [];
    for (let i = 0; i < 6; i++) {
      await press(TAB);
      const now = await focused();
      assert.ok(now.outlined && now.onScreen, `Tab in the panel ${i + 1}: ${JSON.stringify(now)}`);
      inside.push(now.name);
    }
    assert.ok(inside.some((name) => name.startsWith('role-')), `a role select is reachable: ${inside.join(', ')}`);
    assert.ok(await session.execute('return !!document.activeElement.closest("dialog[open]")'), 'focus stays in the panel');
    await saveScreenshot(session, 'keyboard-documents').catch(() => {});
    await press(ESCAPE);
    await session.waitUntil('the panel to close', async () =>
      (await session.findAll('[data-testid="documents-panel"]')).length === 0);
    assert.equal((await focused()).name, 'open-documents', 'focus returns to the Documents button');
  });
});
