// Shared set-up for the end-to-end tests: a temporary copy of the sample
// project, a temporary config folder, the app started through tauri-driver,
// and everything cleaned up afterwards (with a screenshot and the page text
// when the test failed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYS, startDriver, stopProcess, Session } from './webdriver.mjs';

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

/** Keeps what a failed test saw: a screenshot (`<name>-failure.png`) and the page text. */
export async function reportFailure(session, name) {
  await saveScreenshot(session, `${name}-failure`).catch(() => {});
  const text = await session.execute('return document.body.innerText').catch(() => '');
  console.error(`page text at failure:\n${String(text).slice(0, 2000)}`);
}

/** Whether a modal dialog is open. */
export function dialogOpen(session) {
  return session.execute('return document.querySelector("dialog[open]") !== null');
}

/** Presses Esc and waits until no modal dialog is open (`what` names the dialog in a timeout). */
export async function escapeDialog(session, what) {
  await session.press(KEYS.ESCAPE);
  await session.waitUntil(`${what} to close`, async () => !(await dialogOpen(session)));
}

/**
 * Starts the app through tauri-driver and runs `work(session, context)`;
 * always ends the session, stops the driver and removes the temporary
 * folders, and on failure keeps a screenshot and prints the page text.
 *
 * Options:
 * - `project`: the folder the e2e build's stand-in for the folder dialog hands
 *   over (a temporary copy: it is removed afterwards);
 * - `open`: click "Open folder…" first and wait for the wizard;
 * - `env`: more environment for the app.
 *
 * `context` holds `project` and `choose(id)`, which chooses an item of the
 * app menu (WebDriver cannot reach the native menu bar; the e2e build takes
 * the choice from DEPLOYPLAN_E2E_MENU_FILE and runs the code a click runs).
 */
export async function withApp(name, { project, open = false, env = {} }, work) {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-app-'));
  const config = path.join(scratch, 'config');
  fs.mkdirSync(config);
  const menuFile = path.join(scratch, 'menu-choice');
  const { child: driver, url } = await startDriver({
    XDG_CONFIG_HOME: config,
    DEPLOYPLAN_E2E_MENU_FILE: menuFile,
    ...(project ? { DEPLOYPLAN_E2E_PICK_FOLDER: project } : {}),
    ...env,
  });
  let session;
  try {
    session = await Session.create(url, application);
    const choose = async (id) => {
      // Choices sent before the window listens for them would be lost.
      await session.waitFor('html[data-menu="listening"]');
      const pending = `${menuFile}.tmp`;
      fs.writeFileSync(pending, `${id}\n`);
      fs.renameSync(pending, menuFile);
      await session.waitUntil(`the menu choice ${id} taken`, async () => !fs.existsSync(menuFile), 5_000);
    };
    if (open) {
      await session.click(await session.waitFor('[data-testid="open-folder"]'));
      await session.waitFor('[data-testid="step-title"]');
    } else {
      await session.waitFor('[data-testid="open-folder"]');
    }
    await work(session, { project, choose });
  } catch (error) {
    if (session) await reportFailure(session, name);
    throw error;
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
    if (project) fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Starts the app on a copy of the sample, opens it, and runs
 * `work(session, project)`.
 */
export function withSampleOpen(name, work) {
  return withProjectOpen(name, copySample(), work);
}

/** Like `withSampleOpen`, for a project folder the caller prepared (removed afterwards). */
export function withProjectOpen(name, project, work) {
  return withApp(name, { project, open: true }, (session) => work(session, project));
}

/** Like `withSampleOpen`, but leaves the app on its welcome view. */
export function withSampleAtWelcome(name, work) {
  const project = copySample();
  return withApp(name, { project }, (session) => work(session, project));
}

/** Whether the shared document corpus is beside the repository (CI has it; a fresh clone does not). */
export function corpusAvailable() {
  return fs.existsSync(path.join(repo, '../shared/corpus'));
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

/** Picks `value` in a <select>, as a user would, and waits until it holds. */
export async function selectOption(session, selector, value) {
  const option = await session.waitFor(`${selector} option[value="${value}"]`);
  await session.click(option);
  await session.waitUntil(`${selector} to hold ${value}`, async () =>
    (await session.execute('return document.querySelector(arguments[0]).value', [selector])) === value);
}
