// Documents change while the app is open: the app reads them again, says
// which fields' sources changed, and never touches the user's own answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withSampleOpen, saveScreenshot } from './app.mjs';

test('a document changed on disk refreshes the project and keeps what the user typed', async () => {
  await withSampleOpen('watch', async (session, project) => {
    await session.click(await session.waitFor('[data-testid="step-s0"]'));
    const purpose = await session.waitFor('[data-testid="field-s0.purpose"]');
    const mine = `My own purpose ${Date.now()}`;
    await session.clear(purpose);
    await session.type(purpose, mine);

    const spec = path.join(project, 'project_docs/technicalSpecification.md');
    fs.appendFileSync(spec, '\n\n## Hosting change\n\nWe now also run on Google Cloud (GCP).\n');

    await session.waitFor('[data-testid="documents-changed"]');
    const notice = await session.textOf('[data-testid="documents-changed"]');
    assert.ok(notice.includes('project_docs/technicalSpecification.md'), notice);
    const value = await session.execute(
      'return document.querySelector(\'[data-testid="field-s0.purpose"]\').value');
    assert.equal(value, mine, "the user's own answer is kept");

    // A flagged field is one click away and carries its mark.
    const flagged = await session.waitFor('[data-testid="changed-field"] button');
    const fieldId = await session.execute(
      'return document.querySelector(\'[data-testid="changed-field"]\').dataset.field');
    await session.click(flagged);
    await session.waitFor(`[data-field="${fieldId}"] [data-testid="source-changed"]`);
    await saveScreenshot(session, 'documents-changed');
  });
});
