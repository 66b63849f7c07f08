// End to end: the Documents panel and the read-only document viewer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { saveScreenshot, withSampleOpen } from './app.mjs';
import { KEYS } from './webdriver.mjs';

test('a value’s source opens the document at the cited line, and a role choice is remembered', async () => {
  await withSampleOpen('documents', async (session, project) => {
    // The CI service cites its document; its source opens the viewer there.
    await session.click(await session.waitFor('[data-testid="step-s3"]'));
    const source = await session.waitFor('[data-testid="source-s3.ci_tool"]');
    const cited = await session.text(source);
    const line = Number(/\(lines? (\d+)/.exec(cited)?.[1]);
    assert.ok(line > 0, `the source names a line: ${cited}`);
    await session.click(source);
    await session.waitFor('[data-testid="document-text"]');
    const highlighted = await session.execute(`return [...document.querySelectorAll(
      '[data-testid="document-text"] .hit')].map((row) => Number(row.dataset.line))`);
    assert.equal(highlighted[0], line, 'the cited line is highlighted');
    const inView = await session.execute(`const row = document.querySelector('[data-testid="document-text"] .hit');
      const box = row.getBoundingClientRect(); const frame = row.closest('[data-testid="document-text"]').getBoundingClientRect();
      return box.top >= frame.top && box.bottom <= frame.bottom;`);
    assert.ok(inView, 'the viewer is scrolled to the cited line');
    await saveScreenshot(session, 'document-viewer').catch(() => {});
    await session.press(KEYS.ESCAPE);
    await session.waitUntil('the viewer to close', async () =>
      (await session.findAll('[data-testid="document-viewer"]')).length === 0);
    const focused = await session.execute('return document.activeElement?.dataset.testid ?? ""');
    assert.equal(focused, 'source-s3.ci_tool', 'focus returns to the source');

    // The Documents panel: reassign the test strategy to no role.
    await session.click(await session.waitFor('[data-testid="open-documents"]'));
    const role = '[data-testid="role-project_docs/testStrategy.md"]';
    await session.waitFor(role);
    await saveScreenshot(session, 'documents').catch(() => {});
    await session.click(await session.waitFor(`${role} option[value=""]`));
    await session.waitUntil('the missing test strategy to be named', async () =>
      (await session.textOf('[data-testid="missing-roles"]')).includes('No test strategy found'));
    const saved = JSON.parse(fs.readFileSync(path.join(project, '.deployplan/roles.json'), 'utf8'));
    assert.deepEqual(saved, { 'project_docs/testStrategy.md': null });
    await saveScreenshot(session, 'documents-missing').catch(() => {});
  });
});
