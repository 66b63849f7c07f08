// Shared set-up for the end-to-end tests: a temporary copy of the sample
// project, a temporary config folder, the app started through tauri-driver,
// and everything cleaned up afterwards (with a screenshot and the page text
// when the test failed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDriver, stopProcess, Session } from './webdriver.mjs';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const application = process.env.DEPLOYPLAN_APP_BINARY
  || path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'debug/deployplan-app');
const screenshots = path.join(repo, 'tests/e2e/screenshots');

/** A fresh copy of the sample project, without a plan, draft or role choices. */
export function copySample() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-e2e-'));
  fs.cpSync(path.join(repo, 'examples/sample-project'), dir, { recursive: true });
  for (const leftover of ['project_docs/deploymentPlan.md', 'project_docs/deploymentPlan.draft.json', '.deployplan']) {
    fs.rmSync(path.join(dir, leftover), { recursive: true, force: true });
  }
  return dir;
}

export async function saveScreenshot(session, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  const png = await session.screenshot();
  fs.writeFileSync(path.join(screenshots, `${name}.png`), Buffer.from(png, 'base64'));
}

/**
 * Starts the app on a copy of the sample (the e2e build's stand-in for the
 * folder dialog hands it over), opens it, and runs `work(session, project)`.
 */
export async function withSampleOpen(name, work) {
  return withProjectOpen(name, copySample(), work);
}

/**
 * A fresh copy of a set of the shared document corpus (`../shared/corpus`
 * beside the repository); fails with a clear message when it is not there.
 */
export function copyCorpusSet(set) {
  const source = path.join(repo, '../shared/corpus', set);
  assert.ok(fs.existsSync(source), `corpus set missing: ${source} (the shared corpus is expected beside the repository)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-e2e-corpus-'));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * Like `withSampleOpen`, for a project folder the caller prepared (a
 * temporary copy: it is removed afterwards).
 */
export async function withProjectOpen(name, project, work) {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-config-'));
  const { child: driver, url } = await startDriver({
    DEPLOYPLAN_E2E_PICK_FOLDER: project,
    XDG_CONFIG_HOME: config,
  });
  let session;
  try {
    session = await Session.create(url, application);
    await session.click(await session.waitFor('[data-testid="open-folder"]'));
    await session.waitFor('[data-testid="step-title"]');
    await work(session, project);
  } catch (error) {
    if (session) {
      await saveScreenshot(session, `${name}-failure`).catch(() => {});
      const text = await session.execute('return document.body.innerText').catch(() => '');
      console.error(`page text at failure:\n${String(text).slice(0, 2000)}`);
    }
    throw error;
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(config, { recursive: true, force: true });
  }
}

/** Picks `value` in a <select>, as a user would, and waits until it holds. */
export async function selectOption(session, selector, value) {
  const option = await session.waitFor(`${selector} option[value="${value}"]`);
  await session.click(option);
  await session.waitUntil(`${selector} to hold ${value}`, async () =>
    (await session.execute('return document.querySelector(arguments[0]).value', [selector])) === value);
}

/**
 * Like `withSampleOpen`, but hands over the app still on its welcome view:
 * `work(session, project)` opens the project itself (with
 * [data-testid="open-folder"]) when it wants to.
 */
export async function withSampleAtWelcome(name, work) {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const project = copySample();
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-config-'));
  const { child: driver, url } = await startDriver({
    DEPLOYPLAN_E2E_PICK_FOLDER: project,
    XDG_CONFIG_HOME: config,
  });
  let session;
  try {
    session = await Session.create(url, application);
    await session.waitFor('[data-testid="open-folder"]');
    await work(session, project);
  } catch (error) {
    if (session) {
      await saveScreenshot(session, `${name}-failure`).catch(() => {});
      const text = await session.execute('return document.body.innerText').catch(() => '');
      console.error(`page text at failure:\n${String(text).slice(0, 2000)}`);
    }
    throw error;
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(config, { recursive: true, force: true });
  }
}
