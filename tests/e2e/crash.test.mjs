// Never lose work: kill the app with SIGKILL a moment after typing, open the
// same project again, and find the text and the step as they were. The e2e
// build writes its PID to DEPLOYPLAN_E2E_PID_FILE (tauri-driver starts the app
// two processes down, so the test could not tell it apart otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { application, copySample, reportFailure, saveScreenshot } from './app.mjs';
import { startDriver, stopProcess, Session } from './webdriver.mjs';

/** Whether a process with this PID is still alive (a zombie counts as gone). */
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function openProject(session) {
  await session.click(await session.waitFor('[data-testid="open-folder"]'));
  await session.waitFor('[data-testid="step-title"]');
}

test('an edit typed a second before the app is killed is there when the project is opened again', async () => {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const project = copySample();
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-config-'));
  const pidFile = path.join(config, 'app.pid');
  const { child: driver, url } = await startDriver({
    DEPLOYPLAN_E2E_PICK_FOLDER: project,
    DEPLOYPLAN_E2E_PID_FILE: pidFile,
    XDG_CONFIG_HOME: config,
  });
  let session;
  try {
    session = await Session.create(url, application);
    await openProject(session);
    await session.click(await session.waitFor('[data-testid="step-s3"]'));
    await session.waitFor('[data-testid="step-s3"][aria-current="step"]');
    const field = await session.waitFor('[data-testid="field-s3.versioning"]');
    const marker = `typed before the crash ${Date.now()}`;
    await session.clear(field);
    await session.type(field, marker);
    const typedAt = Date.now();

    // The promise under test: within a second of the last keystroke the
    // draft is on disk. Give it 1.2 s, then kill the app without warning.
    await delay(1_200 - (Date.now() - typedAt));
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(pid > 1 && alive(pid), `the app (PID ${pid}) is running`);
    process.kill(pid, 'SIGKILL');
    const killedBy = Date.now() + 10_000;
    while (alive(pid) && Date.now() < killedBy) await delay(50);
    assert.ok(!alive(pid), 'the app is gone');
    await session.end();
    session = undefined;

    // A new session on the same project.
    fs.rmSync(pidFile, { force: true });
    session = await Session.create(url, application);
    await openProject(session);
    await session.waitFor('[data-testid="step-s3"][aria-current="step"]');
    const restored = await session.waitFor('[data-testid="field-s3.versioning"]');
    const value = await session.execute('return arguments[0].value', [{ 'element-6066-11e4-a52e-4f735466cecf': restored }]);
    assert.equal(value, marker, 'the field holds what was typed before the crash');
    await saveScreenshot(session, 'crash-restored').catch(() => {});
  } catch (error) {
    if (session) await reportFailure(session, 'crash');
    throw error;
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(config, { recursive: true, force: true });
  }
});
