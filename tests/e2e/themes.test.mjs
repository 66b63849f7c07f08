// End to end: the theme switch (System / Light / Dark) recolours the app,
// redraws the preview's diagrams in the matching Mermaid theme, and is
// remembered across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, selectOption, withSampleOpen } from './app.mjs';

const LOOK = `const figure = document.querySelector('#plan-preview figure.diagram svg');
  return {
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    diagramStyle: figure ? (figure.querySelector('style')?.textContent ?? '').slice(0, 4000) : null,
  };`;

test('the theme switch recolours the app and its diagrams, and is remembered', async () => {
  await withSampleOpen('themes', async (session) => {
    // Step 1 has the workflow diagram in the preview.
    await session.click(await session.find('[data-testid="step-s1"]'));
    await session.waitFor('#plan-preview figure.diagram svg');

    await selectOption(session, '[data-testid="theme-switch"]', 'light');
    await session.waitUntil('the light theme', async () => (await session.execute(LOOK)).theme === 'light');
    await session.waitFor('#plan-preview figure.diagram svg');
    const light = await session.execute(LOOK);
    await saveScreenshot(session, 'theme-light').catch(() => {});

    await selectOption(session, '[data-testid="theme-switch"]', 'dark');
    const dark = await session.waitUntil('the dark theme with its diagram redrawn', async () => {
      const look = await session.execute(LOOK);
      return look.theme === 'dark' && look.diagramStyle && look.diagramStyle !== light.diagramStyle ? look : null;
    });
    assert.notEqual(dark.background, light.background, 'the page background changes');
    await saveScreenshot(session, 'theme-dark').catch(() => {});

    // Remembered: after a reload the app comes back dark.
    assert.equal(await session.execute('return localStorage.getItem("deployplan.theme")'), 'dark');
    await session.execute('location.reload()');
    await session.waitUntil('the app to come back dark', async () =>
      (await session.execute('return document.documentElement.dataset.theme')) === 'dark'
      && (await session.findAll('[data-testid="theme-switch"], [data-testid="open-folder"]')).length > 0);
  });
});
