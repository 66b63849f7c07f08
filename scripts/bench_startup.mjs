#!/usr/bin/env node
// Start-up benchmark: how long the app takes from launch to an interactive
// window, against an empty Tauri window (src-tauri/examples/empty_window.rs)
// launched the same way. Method and results: BENCHMARKS.md, "Start-up".
//
// Each run starts tauri-driver, asks it for a session (it launches the
// binary, as for every E2E test), and polls the page every 5 ms until the
// thing a user would click is there: the welcome view's "Open folder…", the
// wizard's step title when a project folder is given, the empty window's
// button. Time is from just before the session request to the first poll that
// finds it, so the WebDriver start-up is in every number alike. The resident
// memory of the app process (VmRSS, VmHWM) is read from /proc at that moment.
//
// Usage (under Xvfb, e.g. `xvfb-run -a -s "-screen 0 1280x800x24" node scripts/bench_startup.mjs`):
//   DEPLOYPLAN_APP_BINARY=<target>/release/deployplan-app \
//   DEPLOYPLAN_EMPTY_BINARY=<target>/release/examples/empty_window \
//   node scripts/bench_startup.mjs [runs]
// Build both with
//   cargo build --release -p deployplan-app --features e2e --bin deployplan-app --example empty_window
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Session, startDriver, stopProcess } from '../tests/e2e/webdriver.mjs';
import { repo } from '../tests/e2e/app.mjs';
import { summarise } from '../tests/e2e/stats.mjs';

const runs = Number(process.argv[2] ?? 10);
const app = process.env.DEPLOYPLAN_APP_BINARY;
const empty = process.env.DEPLOYPLAN_EMPTY_BINARY;
if (!app || !empty) {
  console.error('set DEPLOYPLAN_APP_BINARY and DEPLOYPLAN_EMPTY_BINARY (see the top of this file)');
  process.exit(2);
}

const sample = path.join(repo, 'examples/sample-project');
const CASES = [
  { name: 'empty Tauri window', binary: empty, args: [], ready: '#ready' },
  { name: 'DeployPlan, welcome view', binary: app, args: [], ready: '[data-testid="open-folder"]' },
  { name: 'DeployPlan, sample project open in the wizard', binary: app, args: ['SAMPLE'], ready: '[data-testid="step-title"]' },
];

/** The PID of the process running `binary` that was started last (tauri-driver starts it two processes down). */
function pidOf(binary) {
  let found = null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/exe`) === binary && (found === null || Number(entry) > found)) found = Number(entry);
    } catch { /* gone, or not ours */ }
  }
  return found;
}

function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

async function once(testCase) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-startup-'));
  // A copy of the sample, so the run writes nothing into the source tree.
  const args = testCase.args.map((arg) => {
    if (arg !== 'SAMPLE') return arg;
    const copy = path.join(scratch, 'sample');
    fs.cpSync(sample, copy, { recursive: true });
    return copy;
  });
  const { child, url } = await startDriver({ XDG_CONFIG_HOME: path.join(scratch, 'config') });
  let session;
  try {
    const started = performance.now();
    session = await Session.create(url, testCase.binary, args);
    for (;;) {
      if (await session.execute('return !!document.querySelector(arguments[0])', [testCase.ready])) break;
      if (performance.now() - started > 60_000) throw new Error(`${testCase.name}: not ready after 60 s`);
      await delay(5);
    }
    const ms = performance.now() - started;
    const pid = pidOf(fs.realpathSync(testCase.binary));
    return { ms, ...(pid ? memoryOf(pid) : { rss: NaN, hwm: NaN }) };
  } finally {
    if (session) await session.end();
    await stopProcess(child);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function summary(values) {
  const { median, min, max } = summarise(values);
  return `median ${median.toFixed(0)}  min ${min.toFixed(0)}  max ${max.toFixed(0)}`;
}

const results = {};
// Interleaved, so a change in the machine's load touches every case alike.
await once(CASES[0]); // warm the page cache; not counted
for (let run = 0; run < runs; run++) {
  for (const testCase of CASES) (results[testCase.name] ??= []).push(await once(testCase));
}
for (const testCase of CASES) {
  const rows = results[testCase.name];
  console.log(testCase.name);
  console.log(`  to interactive (ms):  ${summary(rows.map((row) => row.ms))}`);
  console.log(`  resident memory (MiB): ${summary(rows.map((row) => row.rss))}  (peak ${summary(rows.map((row) => row.hwm))})`);
}
