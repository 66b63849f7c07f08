// End to end: typing in a long-text field updates the preview, and every
// keystroke is timed (the UI's User Timing measures, see ui/src/lib/timing.ts)
// from its input event to the core's result and to the painted preview, with
// the core's own time per render. On the sample project and on the largest
// corpus set; the numbers go to tests/e2e/reports/typing.json and stdout, and
// from there into BENCHMARKS.md. Timing is measured here, never asserted: the
// test fails only when the preview misses the text or a keystroke went untimed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { application, copyCorpusSet, corpusAvailable, copySample, repo, withProjectOpen } from './app.mjs';
import { summarise } from './stats.mjs';

const FIELD = '[data-testid="field-s0.purpose"]';
/** 40 characters of plain words, so the rendered preview holds them verbatim. */
const BURST = ' Rolled out in waves to every region now';
const MEASURES = {
  result: 'preview:keystroke-to-result',
  painted: 'preview:keystroke-to-painted',
  core: 'preview:core',
  domUpdate: 'preview:dom-update',
  paint: 'preview:paint',
};
const report = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  build: application.includes(`${path.sep}release${path.sep}`) ? 'release' : 'debug',
  application,
  runs: [],
};

/**
 * Types BURST into the field, one character per WebDriver command (about a
 * fast typist's spacing) or all in one command (as fast as the driver types),
 * and returns the timings of the burst.
 */
async function typeBurst(session, project, mode) {
  await session.click(await session.waitFor('[data-testid="step-s0"]'));
  const field = await session.waitFor(FIELD);
  await session.click(field);
  // Type at the end of what is there (the click put the caret where it landed).
  await session.execute('const e = document.querySelector(arguments[0]); e.setSelectionRange(e.value.length, e.value.length)', [FIELD]);
  // Start from a settled preview with no timings of its own.
  await waitForIdlePreview(session);
  await session.execute('performance.clearMeasures()');
  const before = await session.execute('return document.querySelector(arguments[0]).value', [FIELD]);

  if (mode === 'per-key') {
    for (const character of BURST) await session.type(field, character);
  } else {
    await session.type(field, BURST);
  }

  const after = await session.execute('return document.querySelector(arguments[0]).value', [FIELD]);
  assert.equal(after, before + BURST, 'the field holds the typed text after what was there');
  const typed = BURST.trim();
  await session.waitUntil('the preview to show the typed text', async () =>
    (await session.textOf('[data-testid="preview-content"]')).includes(typed));
  await session.waitUntil('every keystroke to be timed up to the painted preview', async () =>
    (await readMeasures(session)).filter((entry) => entry.name === MEASURES.painted).length >= BURST.length);
  // Renders still running when the last keystroke was painted add core entries: read once more when idle.
  await waitForIdlePreview(session);
  const settled = await readMeasures(session);
  const byName = (name) => settled.filter((entry) => entry.name === name);
  assert.equal(byName(MEASURES.result).length, BURST.length, 'every keystroke was timed to the core result');
  assert.equal(byName(MEASURES.painted).length, BURST.length, 'every keystroke was timed to the painted preview');
  assert.ok(byName(MEASURES.core).length >= 1, 'the core reported its time');

  const starts = byName(MEASURES.painted).map((entry) => entry.startTime).sort((a, b) => a - b);
  const intervals = starts.slice(1).map((start, index) => start - starts[index]);
  const preview = await session.execute(
    'return document.querySelector(\'[data-testid="preview-content"]\').innerHTML.length');
  return {
    project,
    mode,
    keystrokes: BURST.length,
    renders: byName(MEASURES.core).length,
    preview_html_bytes: preview,
    typing_interval_ms: summarise(intervals),
    keystroke_to_result_ms: summarise(byName(MEASURES.result).map((entry) => entry.duration)),
    core_ms: summarise(byName(MEASURES.core).map((entry) => entry.duration)),
    dom_update_ms: summarise(byName(MEASURES.domUpdate).map((entry) => entry.duration)),
    paint_ms: summarise(byName(MEASURES.paint).map((entry) => entry.duration)),
    keystroke_to_painted_ms: summarise(byName(MEASURES.painted).map((entry) => entry.duration)),
  };
}

function readMeasures(session) {
  return session.execute(`return performance.getEntriesByType('measure')
    .filter((entry) => entry.name.startsWith('preview:'))
    .map((entry) => ({ name: entry.name, startTime: entry.startTime, duration: entry.duration }))`);
}

function waitForIdlePreview(session) {
  return session.waitUntil('the preview to be up to date', async () =>
    (await session.execute(
      'const p = document.querySelector(\'[data-testid="preview"]\'); return !!p && p.getAttribute("aria-busy") !== "true" && !!document.querySelector(\'[data-testid="preview-content"] h1\')')));
}

function printRun(run) {
  const line = (label, s) => `  ${label.padEnd(22)} n=${String(s.count).padStart(3)}  median ${s.median.toFixed(2).padStart(7)}  p95 ${s.p95.toFixed(2).padStart(7)}  max ${s.max.toFixed(2).padStart(7)} ms`;
  console.log(`${run.project} — ${run.mode} (${report.build} build, ${run.renders} renders, preview ${Math.round(run.preview_html_bytes / 1024)} KB HTML)`);
  console.log(line('typing interval', run.typing_interval_ms));
  console.log(line('keystroke → result', run.keystroke_to_result_ms));
  console.log(line('core only', run.core_ms));
  console.log(line('DOM update (render)', run.dom_update_ms));
  console.log(line('paint (render)', run.paint_ms));
  console.log(line('keystroke → painted', run.keystroke_to_painted_ms));
}

async function measureProject(label, folder) {
  await withProjectOpen(`typing-${label}`, folder, async (session) => {
    for (const mode of ['per-key', 'one-command']) {
      const run = await typeBurst(session, label, mode);
      report.runs.push(run);
      printRun(run);
    }
  });
}

test('typing in a field updates the preview, every keystroke timed (sample project)', async () => {
  await measureProject('sample project', copySample());
});

test('typing in a field updates the preview, every keystroke timed (largest corpus set)', async (t) => {
  if (!corpusAvailable()) {
    t.skip('NOT RUN: ../shared/corpus is not beside the repository');
    return;
  }
  await measureProject('corpus: Permamind', copyCorpusSet('ALLiDoizCode__Permamind'));
});

after(() => {
  const out = path.join(repo, 'tests/e2e/reports');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'typing.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${path.join(out, 'typing.json')}`);
});
