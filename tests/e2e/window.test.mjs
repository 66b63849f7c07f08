// End to end: the window's size is remembered. Resize it, close it, start the
// app again with the same config folder, and find it at that size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { application } from './app.mjs';
import { startDriver, stopProcess, Session } from './webdriver.mjs';

async function runApp(config, work) {
  const { child: driver, url } = await startDriver({ XDG_CONFIG_HOME: config });
  let session;
  try {
    session = await Session.create(url, application);
    await session.waitFor('[data-testid="open-folder"]');
    await work(session);
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
  }
}

test('the window comes back at the size it was closed at', async () => {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-config-'));
  const saved = path.join(config, 'deployplan/window.json');
  try {
    await runApp(config, async (session) => {
      await session.send('POST', '/window/rect', { width: 1000, height: 700 });
      await session.waitUntil('the window to be resized', async () =>
        (await session.execute('return innerWidth')) <= 1000);
      await session.send('DELETE', '/window').catch(() => {});
      await session.waitUntil('the geometry to be saved', async () => fs.existsSync(saved));
    });
    const geometry = JSON.parse(fs.readFileSync(saved, 'utf8'));
    assert.ok(Math.abs(geometry.width - 1000) <= 40 && Math.abs(geometry.height - 700) <= 60, JSON.stringify(geometry));

    await runApp(config, async (session) => {
      const size = await session.waitUntil('the remembered size', async () => {
        const now = await session.execute('return { width: innerWidth, height: innerHeight }');
        return Math.abs(now.width - geometry.width) <= 40 && Math.abs(now.height - geometry.height) <= 60 ? now : null;
      }, 10_000);
      assert.ok(size.width < 1200, `the window is not at its default width: ${JSON.stringify(size)}`);
    });
  } finally {
    fs.rmSync(config, { recursive: true, force: true });
  }
});
