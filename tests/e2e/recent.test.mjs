// End to end: recent projects can be removed one by one or cleared, and the
// list stays as left after the app reads it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, withSampleOpen } from './app.mjs';

test('a recent project is removed from the list, and Clear all empties it', async () => {
  await withSampleOpen('recent', async (session) => {
    // Open the bundled sample too, so the list holds two projects.
    await session.click(await session.find('.back'));
    await session.click(await session.waitFor('[data-testid="open-sample"]'));
    await session.waitFor('[data-testid="step-title"]');
    await session.click(await session.find('.back'));
    await session.waitUntil('two recent projects', async () => (await session.findAll('[data-testid="forget-recent"]')).length === 2);

    await saveScreenshot(session, 'recent-projects').catch(() => {});
    await session.click((await session.findAll('[data-testid="forget-recent"]'))[0]);
    await session.waitUntil('one recent project left', async () => (await session.findAll('[data-testid="forget-recent"]')).length === 1);
    // The core kept the removal: reading the list again gives the same one entry.
    await session.execute('location.reload()');
    await session.waitFor('[data-testid="open-folder"]');
    await session.waitUntil('the list read again', async () => (await session.findAll('[data-testid="forget-recent"]')).length === 1);

    await session.click(await session.find('[data-testid="clear-recent"]'));
    await session.waitUntil('the empty list', async () => (await session.textOf('.recent')).includes('No recent projects yet'));
    await session.execute('location.reload()');
    await session.waitFor('[data-testid="open-folder"]');
    await session.waitUntil('still empty after reading it again', async () =>
      (await session.textOf('.recent')).includes('No recent projects yet'));
    assert.equal((await session.findAll('[data-testid="forget-recent"]')).length, 0);
  });
});
