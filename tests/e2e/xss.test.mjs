// End to end: documents we did not write, and answers the user pastes, are
// shown inert. An XSS corpus is planted in a copy of the sample project (a
// story line, a heading, a link, a file name, a Mermaid click callback) and
// typed into fields and review comments; nothing may run in the preview,
// review mode, the Documents panel or the document viewer (the HTML export:
// tests/xss_export.rs). Also checks the shell around it: the CSP really
// applies (no inline script, no eval; inline styles allowed for Mermaid), the
// window cannot navigate away, links open outside only on a click and only
// for http(s)/mailto, and the main window is refused what it was not granted.
// The Rust twin of the corpus is tests/xss_render.rs. See SECURITY.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { application, copySample, reportFailure, saveScreenshot } from './app.mjs';
import { startDriver, stopProcess, Session } from './webdriver.mjs';

const HOSTILE_FILE = '<svg onload=window.__xss=1>.md';
const MERMAID = [
  '```mermaid',
  'graph TD',
  '  A[Start] --> B[End]',
  '  click A call alert()',
  '  click B href "javascript:window.__xss=1"',
  '```',
].join('\n');

/** Plants the corpus in the copy of the sample project. */
function plantCorpus(project) {
  const docs = path.join(project, 'project_docs');
  const stories = path.join(docs, 'userStories.md');
  fs.writeFileSync(stories, fs.readFileSync(stories, 'utf8').replace('\n## ', [
    '',
    '## MVP stories <script>window.__xss=1</script>',
    '',
    '- US-990: As a buyer <img src=x onerror="window.__xss=1"> I can pay by card',
    '- US-991: As a buyer I can read [the terms](javascript:window.__xss=1) <svg onload=window.__xss=1>',
    '',
    '| Story | Note |',
    '|---|---|',
    '| US-992 <img src=x onerror=alert(1)> | <script>alert(1)</script> |',
    '',
    '## ',
  ].join('\n')));
  const spec = path.join(docs, 'technicalSpecification.md');
  fs.appendFileSync(spec, [
    '',
    '## Tech Stack <img src=x onerror="window.__xss=1">',
    '',
    '**CI/CD:** GitHub Actions <a href="javascript:window.__xss=1">docs</a>',
    '',
    MERMAID,
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(project, HOSTILE_FILE),
    `# <script>window.__xss=1</script> Notes\n\n<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>\n\n${MERMAID}\n`);
}

/** Makes every way script could announce itself set `window.__xss`. */
const INSTALL_SENTINEL = `
  window.__xss = undefined;
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = () => { window.__xss = name; };
  }
  return true;`;

async function assertInert(session, where) {
  const value = await session.execute('return window.__xss === undefined ? null : String(window.__xss)');
  assert.equal(value, null, `script ran in ${where}`);
  const live = await session.execute(`return [...document.querySelectorAll('[data-testid="preview-content"] *, [data-testid="document-viewer"] *, [data-testid="documents-panel"] *, [data-testid="review-view"] *')]
    .flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)).map((a) => e.tagName + ' ' + a.name))
    .concat([...document.querySelectorAll('[data-testid="preview-content"] script, [data-testid="preview-content"] iframe, [data-testid="document-viewer"] script, [data-testid="document-viewer"] iframe, [data-testid="review-view"] script, [data-testid="review-view"] iframe')].map((e) => e.tagName))`);
  assert.deepEqual(live, [], `live markup in ${where}`);
}

async function typeInto(session, fieldId, text) {
  const field = await session.waitFor(`[data-testid="field-${fieldId}"]`);
  await session.clear(field);
  await session.type(field, text);
}

test('planted and typed payloads never run, and the shell keeps the app in its window', async () => {
  assert.ok(fs.existsSync(application), `app binary missing: ${application}`);
  const project = copySample();
  plantCorpus(project);
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'deployplan-config-'));
  const opened = path.join(config, 'opened-links.txt');
  const { child: driver, url } = await startDriver({
    DEPLOYPLAN_E2E_PICK_FOLDER: project,
    DEPLOYPLAN_E2E_OPEN_EXTERNAL_LOG: opened,
    XDG_CONFIG_HOME: config,
  });
  let session;
  try {
    session = await Session.create(url, application);
    await session.waitFor('[data-testid="open-folder"]');
    assert.equal(await session.execute(INSTALL_SENTINEL), true);
    const start = await session.execute('return location.href');
    assert.match(start, /^(tauri:\/\/localhost|http:\/\/tauri\.localhost)(\/|$)/);

    // --- The CSP really applies (Tauri did not loosen or nonce it).
    const csp = await session.execute(`
      const script = document.createElement('script');
      script.textContent = 'window.__inline_script_ran = 1';
      document.head.append(script);
      let evalRan = false;
      try { evalRan = (0, eval)('1 + 1') === 2; } catch { evalRan = false; }
      const box = document.createElement('div');
      box.setAttribute('style', 'position:absolute; width:123px; height:7px');
      document.body.append(box);
      const width = box.getBoundingClientRect().width;
      box.remove();
      return { inline: window.__inline_script_ran === 1, evalRan, width };`);
    assert.equal(csp.inline, false, 'an inline <script> ran: script-src is not strict');
    assert.equal(csp.evalRan, false, 'eval ran: unsafe-eval is allowed');
    assert.equal(csp.width, 123, 'inline styles are blocked, Mermaid would lose its styles');

    // --- Open the planted project: the preview shows the corpus as text.
    await session.click(await session.waitFor('[data-testid="open-folder"]'));
    await session.waitFor('[data-testid="step-title"]');
    await session.waitFor('[data-testid="preview-content"] h2');
    await assertInert(session, 'the preview of the planted project');

    // --- Payloads typed into fields, including a Mermaid click callback and links.
    await session.click(await session.waitFor('[data-testid="step-s0"]'));
    const typed = [
      'Purpose <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>',
      '[inert](javascript:window.__xss=1) [docs](https://example.com/xss-docs) <svg onload=window.__xss=1>',
      '',
      MERMAID,
      '',
    ].join('\n');
    await typeInto(session, 's0.purpose', typed);
    await session.waitUntil('the preview to show the typed payload as text', async () =>
      (await session.textOf('[data-testid="preview-content"]')).includes('<script>window.__xss=1</script>'));
    await session.waitUntil('the typed links to be rendered', async () =>
      (await session.findAll('[data-testid="preview-content"] a[href="https://example.com/xss-docs"]')).length === 1);
    await assertInert(session, 'the preview with typed payloads');

    // The typed Mermaid diagram is drawn without its click callbacks
    // (securityLevel 'strict'): clicking its nodes runs nothing.
    await session.waitUntil('the typed Mermaid block to be drawn', async () =>
      (await session.findAll('[data-testid="preview-content"] figure.diagram g.node')).length >= 2);
    const nodes = await session.findAll('[data-testid="preview-content"] figure.diagram g.node');
    for (const node of nodes.slice(0, 4)) await session.click(node).catch(() => {});
    const clickable = await session.execute(
      'return document.querySelectorAll(\'[data-testid="preview-content"] figure.diagram .clickable, [data-testid="preview-content"] figure.diagram a[href^="javascript"]\').length');
    assert.equal(clickable, 0, 'Mermaid bound click callbacks');
    await assertInert(session, 'the preview after clicking diagram nodes');

    // --- Links: javascript: is inert, https opens outside only on a click,
    // and the window itself never leaves the app.
    await session.execute('window.__still_here = true; return 1');
    // The javascript: link (comrak drops its target) is clicked like the user would.
    const inert = await session.execute(`const link = [...document.querySelectorAll('[data-testid="preview-content"] a')]
      .find((a) => a.textContent === 'inert'); link?.scrollIntoView({ block: 'center' });
      return link ? link.getAttribute('href') : null;`);
    assert.equal(inert, '', 'the javascript: link is rendered without its target');
    await session.click(await session.waitFor('[data-testid="preview-content"] a[href=""]'));
    await session.execute("location.href = 'https://example.com/navigated'; return 1").catch(() => {});
    await session.execute("return String(window.open('https://example.com/popup'))").catch(() => {});
    assert.equal(fs.existsSync(opened), false, 'nothing was opened before a click on a web link');
    await session.execute(`document.querySelector('[data-testid="preview-content"] a[href="https://example.com/xss-docs"]')
      .scrollIntoView({ block: 'center' }); return 1`);
    await session.click(await session.waitFor('[data-testid="preview-content"] a[href="https://example.com/xss-docs"]'));
    await session.waitUntil('the clicked link to be handed to the system browser', async () =>
      fs.existsSync(opened) && fs.readFileSync(opened, 'utf8').includes('https://example.com/xss-docs'));
    assert.deepEqual(fs.readFileSync(opened, 'utf8').trim().split('\n'), ['https://example.com/xss-docs'],
      'only the clicked web link went to the browser');
    const where = await session.execute('return { href: location.href, here: window.__still_here === true }');
    assert.equal(where.here, true, 'the page was replaced: navigation was not blocked');
    assert.ok(where.href.startsWith(start), `the window navigated to ${where.href}`);
    const handles = await session.send('GET', '/window/handles');
    assert.equal(handles.length, 1, 'a second window was opened');
    await assertInert(session, 'the preview after clicking links');

    // --- Review mode: the same plan, a reviewer name and a comment with payloads.
    await session.click(await session.waitFor('[data-testid="open-review"]'));
    await session.waitFor('[data-testid="review-section"] [data-testid="approve"]');
    await session.waitUntil('review mode to show the typed payload as text', async () =>
      (await session.textOf('[data-testid="review-view"]')).includes('<script>window.__xss=1</script>'));
    await assertInert(session, 'review mode');
    const name = await session.waitFor('[data-testid="reviewer-name"]');
    await session.clear(name);
    await session.type(name, '<img src=x onerror="window.__xss=1">');
    await session.type(await session.waitFor('[data-testid="review-section"] [data-testid="comment-text"]'),
      '<script>window.__xss=1</script> [x](javascript:window.__xss=1) <svg onload=window.__xss=1>');
    await session.click(await session.waitFor('[data-testid="review-section"] [data-testid="add-comment"]'));
    await session.waitUntil('the comment to be shown as text', async () =>
      (await session.textOf('[data-testid="review-section"] [data-testid="comment"]')).includes('<script>window.__xss=1</script>'));
    await assertInert(session, 'review mode with a hostile comment');
    // A web link in review mode also goes to the browser, not the window.
    await session.execute(`document.querySelector('[data-testid="review-view"] a[href="https://example.com/xss-docs"]')
      .scrollIntoView({ block: 'center' }); return 1`);
    await session.click(await session.waitFor('[data-testid="review-view"] a[href="https://example.com/xss-docs"]'));
    await session.waitUntil('the review link to be handed to the system browser', async () =>
      fs.readFileSync(opened, 'utf8').trim().split('\n').length === 2);
    assert.ok((await session.execute('return location.href')).startsWith(start), 'review mode navigated away');
    await session.click(await session.waitFor('[data-testid="review-close"]'));
    await session.waitFor('[data-testid="open-documents"]');

    // --- The Documents panel (a file named like markup) and the viewer.
    await session.click(await session.waitFor('[data-testid="open-documents"]'));
    await session.waitFor('[data-testid="documents-panel"]');
    const listed = await session.textOf('[data-testid="documents-panel"]');
    assert.ok(listed.includes(HOSTILE_FILE), `the hostile file name is listed as text:\n${listed}`);
    await assertInert(session, 'the Documents panel');
    const openHostile = await session.execute(`return [...document.querySelectorAll('[data-testid="documents-panel"] button')]
      .find((b) => b.getAttribute('aria-label') === 'Open ' + arguments[0]) ? true : false`, [HOSTILE_FILE]);
    assert.equal(openHostile, true, 'the hostile file can be opened');
    await session.execute(`[...document.querySelectorAll('[data-testid="documents-panel"] button')]
      .find((b) => b.getAttribute('aria-label') === 'Open ' + arguments[0]).click(); return 1`, [HOSTILE_FILE]);
    await session.waitUntil('the viewer to show the hostile document as text', async () =>
      (await session.textOf('[data-testid="document-text"]')).includes('<script>window.__xss=1</script> Notes'));
    await assertInert(session, 'the viewer of the hostile file');
    await saveScreenshot(session, 'xss-viewer').catch(() => {});

    // --- What the window was not granted is refused by Tauri's ACL.
    const refused = await session.execute(`
      const call = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args).then(() => 'allowed', (e) => String(e));
      return Promise.all([
        call('plugin:window|set_title', { label: 'main', value: 'owned' }),
        call('plugin:webview|create_webview_window', { options: { label: 'evil', url: 'https://example.com' } }),
        call('plugin:app|version', {}),
        call('plugin:event|emit', { event: 'x', payload: null }),
        call('no_such_command', {}),
      ]);`);
    for (const answer of refused) assert.notEqual(answer, 'allowed', `granted: ${JSON.stringify(refused)}`);
    // ...while what the UI needs for drag and drop (listenForDrops) is granted.
    const drops = await session.execute(`
      const internals = window.__TAURI_INTERNALS__;
      const handler = internals.transformCallback(() => {});
      return internals.invoke('plugin:event|listen', { event: 'tauri://drag-drop', target: { kind: 'Webview', label: 'main' }, handler })
        .then((id) => internals.invoke('plugin:event|unlisten', { event: 'tauri://drag-drop', eventId: id }))
        .then(() => 'allowed', (e) => String(e));`);
    assert.equal(drops, 'allowed', 'listening for drops is refused: the minimal core permissions are too small');
    assert.equal(await session.execute('return document.title'), 'DeployPlan');
    await assertInert(session, 'the end');
  } catch (error) {
    if (session) await reportFailure(session, 'xss');
    throw error;
  } finally {
    if (session) await session.end();
    await stopProcess(driver);
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(config, { recursive: true, force: true });
  }
});
