// End to end: suggestions the user accepts or overrides reach the saved plan
// as decisions, and every Mermaid diagram of the plan is drawn in the app's
// real webview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { saveScreenshot, selectOption, withSampleOpen } from './app.mjs';

test('an accepted suggestion and an overridden value reach the saved plan as decisions', async () => {
  await withSampleOpen('suggestions', async (session, project) => {
    // Step 1: the MVP pattern is proposed (from the availability NFR); accept it.
    await session.click(await session.waitFor('[data-testid="step-s1"]'));
    const accept = await session.waitFor('[data-testid="accept-s1.mvp_pattern"]');
    const proposed = await session.execute(
      'return document.querySelector(\'[data-testid="field-s1.mvp_pattern"]\').value');
    assert.ok(proposed, 'the MVP pattern holds a proposed value');
    await session.click(accept);
    await session.waitUntil('the proposal to be accepted', async () =>
      (await session.findAll('[data-testid="accept-s1.mvp_pattern"]')).length === 0);

    // Step 3: the CI service comes from the documents; choose another.
    await session.click(await session.waitFor('[data-testid="step-s3"]'));
    const ciSelect = '[data-testid="field-s3.ci_tool"]';
    await session.waitFor(ciSelect);
    const documented = await session.execute('return document.querySelector(arguments[0]).value', [ciSelect]);
    assert.equal(documented, 'GitHub Actions', 'the sample documents GitHub Actions');
    await selectOption(session, ciSelect, 'GitLab CI');

    await session.click(await session.waitFor('[data-testid="save-plan"]'));
    await session.waitUntil('the save to be confirmed', async () =>
      (await session.textOf('[data-testid="save-status"]')).includes('deploymentPlan.md'));
    const written = fs.readFileSync(path.join(project, 'project_docs/deploymentPlan.md'), 'utf8');
    const lines = written.split('\n');

    const patternLine = lines.find((line) => line.includes('**Pattern for the MVP release:**'));
    assert.ok(patternLine, 'the plan states the MVP pattern');
    assert.ok(patternLine.includes(proposed), `the accepted pattern is written: ${patternLine}`);
    assert.ok(!/proposed/i.test(patternLine), `an accepted value is not marked proposed: ${patternLine}`);

    const ciLine = lines.find((line) => line.includes('**CI service:**'));
    assert.ok(ciLine, 'the plan states the CI service');
    assert.ok(ciLine.includes('GitLab CI'), `the overriding value is written: ${ciLine}`);
    assert.ok(!ciLine.includes('GitHub Actions'), `the documented value it replaced is gone: ${ciLine}`);
  });
});

test('every Mermaid diagram of the plan is drawn as SVG, with no diagram error', async () => {
  await withSampleOpen('diagrams', async (session) => {
    // How many diagrams the Markdown holds, from the preview's Markdown view.
    await session.click(await session.waitFor('[data-testid="preview-mode-markdown"]'));
    const markdown = await session.waitUntil('the Markdown preview', async () => {
      const text = await session.textOf('[data-testid="preview-markdown"]');
      return text.includes('## 11.') ? text : '';
    });
    const expected = (markdown.match(/^```mermaid\s*$/gm) ?? []).length;
    assert.ok(expected >= 5, `the plan has at least 5 diagrams, found ${expected}`);

    await session.click(await session.waitFor('[data-testid="preview-mode-rendered"]'));
    const count = (selector) => session.execute(
      'return document.querySelectorAll(arguments[0]).length', [`[data-testid="preview-content"] ${selector}`]);
    await session.waitUntil(`${expected} diagrams to be drawn`, async () =>
      (await count('figure.diagram > svg')) + (await count('figure.diagram-error')) >= expected
        && (await count('pre > code.language-mermaid')) === 0, 60_000);
    const errors = await session.execute(`return [...document.querySelectorAll(
      '[data-testid="preview-content"] .diagram-error-note')].map((note) => note.textContent)`);
    assert.deepEqual(errors, [], 'no diagram error is shown');
    assert.equal(await count('figure.diagram > svg'), expected, 'one SVG per mermaid block');
    await saveScreenshot(session, 'diagrams').catch(() => {});
  });
});

test('"What the documents say" offers a field its passages, and one click takes a passage into the field', async () => {
  await withSampleOpen('documents-say', async (session) => {
    await session.click(await session.waitFor('[data-testid="step-s8"]'));
    const panel = '[data-testid="documents-say-s8.backup"]';
    await session.waitFor(`${panel} summary`);
    await session.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" })', [`${panel} summary`]);
    await session.click(await session.waitFor(`${panel} summary`));
    const quoted = await session.waitUntil('a passage to be shown', async () =>
      session.execute('const q = document.querySelector(arguments[0]); return q ? q.textContent : ""', [`${panel} blockquote`]));
    assert.match(quoted, /snapshot|backup|restore/i, `the backup field is offered a passage about backups: ${quoted}`);
    const where = await session.textOf(`${panel} .where`);
    assert.match(where, /\.md › .* \(lines? \d+/, `the passage names its file, heading and lines: ${where}`);

    await session.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" })', [`${panel} [data-testid="take-s8.backup"]`]);
    await session.click(await session.waitFor(`${panel} [data-testid="take-s8.backup"]`));
    const expected = quoted.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
    await session.waitUntil('the field to hold the passage', async () =>
      (await session.execute('return document.querySelector(\'[data-testid="field-s8.backup"]\').value')) === expected);
  });
});
