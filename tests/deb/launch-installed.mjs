// Launches the installed app (from the .deb) once through tauri-driver and
// checks that it reaches the welcome view. Run under Xvfb by .ci/check_deb.sh.
import assert from 'node:assert/strict';
import { startDriver, stopProcess, Session } from '../e2e/webdriver.mjs';

const application = process.argv[2] || '/usr/bin/deployplan-app';
const { child: driver, url } = await startDriver({});
let session;
try {
  session = await Session.create(url, application);
  const open = await session.waitFor('[data-testid="open-folder"]', 30_000);
  assert.ok(open, 'the welcome view shows Open folder…');
  const title = await session.textOf('h1');
  assert.equal(title.trim(), 'DeployPlan');
  console.log(`ok: ${application} reached the welcome view`);
} finally {
  if (session) await session.end();
  await stopProcess(driver);
}
