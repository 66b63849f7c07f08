// A small W3C WebDriver client over fetch, enough to drive the real app through
// tauri-driver. No dependencies: Node's fetch and child_process only.
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Starts tauri-driver on a free port and resolves once it accepts connections. */
export async function startDriver(env = {}) {
  // A test that gives the app its own config folder gives it its own data and
  // cache folders too (the webview keeps localStorage there), so no test sees
  // another's theme or storage, and none touches the user's.
  if (env.XDG_CONFIG_HOME) {
    env = {
      XDG_DATA_HOME: `${env.XDG_CONFIG_HOME}/data`,
      XDG_CACHE_HOME: `${env.XDG_CONFIG_HOME}/cache`,
      ...env,
    };
  }
  const port = await freePort();
  const nativePort = await freePort();
  // Its own process group, so that stopping it also stops WebKitWebDriver and
  // the app it started, even when a session did not end cleanly.
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return { child, url: `http://127.0.0.1:${port}` };
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    await delay(100);
  }
  child.kill('SIGKILL');
  throw new Error('tauri-driver did not start within 30 s');
}

/**
 * Stops a process started by `startDriver` and what it started (its process
 * group, by the driver's PID), waiting for the driver to exit.
 */
export async function stopProcess(child) {
  if (!child) return;
  const signal = (name) => {
    try { process.kill(-child.pid, name); } catch { /* the group is gone */ }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signal('SIGTERM');
    await Promise.race([exited, delay(5_000)]);
  }
  // Whatever is left of the group (the app, WebKitWebDriver) goes too.
  signal('SIGKILL');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function call(url, method, path, body) {
  const response = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || (json.value && json.value.error)) {
    const error = json.value || {};
    throw new Error(`${method} ${path}: ${error.error || response.status} ${error.message || ''}`);
  }
  return json.value;
}

/** A WebDriver session against the app. */
/** WebDriver's codes for the keys the tests press. */
export const KEYS = {
  TAB: '\uE004',
  ENTER: '\uE007',
  SHIFT: '\uE008',
  CONTROL: '\uE009',
  ALT: '\uE00A',
  ESCAPE: '\uE00C',
  PAGE_UP: '\uE00E',
  PAGE_DOWN: '\uE00F',
  LEFT: '\uE012',
  RIGHT: '\uE014',
  F1: '\uE031',
};

export class Session {
  /**
   * Starts the app in a new session. A refused or reset connection (tauri-driver
   * still bringing up WebKitWebDriver) is retried a few times; an answer from
   * the driver, even an error, is not.
   */
  static async create(driverUrl, application, args = []) {
    const body = { capabilities: { alwaysMatch: { 'tauri:options': { application, args } } } };
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await call(driverUrl, 'POST', '/session', body);
        return new Session(driverUrl, value.sessionId);
      } catch (error) {
        const unreachable = error instanceof TypeError; // fetch failed: no HTTP answer at all
        if (!unreachable || attempt >= 5) throw error;
        await delay(500 * attempt);
      }
    }
  }

  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
    this.driverUrl = driverUrl;
    this.id = id;
  }


  async send(method, path, body) {
    return call(this.driverUrl, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    try { await call(this.driverUrl, 'DELETE', `/session/${this.id}`); } catch { /* already gone */ }
  }

  async find(selector) {
    const value = await this.send('POST', '/element', { using: 'css selector', value: selector });
    return value[ELEMENT];
  }

  async findAll(selector) {
    const values = await this.send('POST', '/elements', { using: 'css selector', value: selector });
    return values.map((v) => v[ELEMENT]);
  }

  /** Waits until `selector` matches an element, and returns it. */
  async waitFor(selector, timeout = 20_000) {
    let lastError;
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      try { return await this.find(selector); } catch (error) { lastError = error; }
      await delay(100);
    }
    throw new Error(`no element matches ${selector} after ${timeout} ms (${lastError?.message})`);
  }

  /** Waits until `predicate()` resolves truthy, and returns its value. */
  async waitUntil(what, predicate, timeout = 20_000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await predicate().catch(() => undefined);
      if (last) return last;
      await delay(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** The textContent of the first element matching `selector` ('' when none). */
  textOf(selector) {
    return this.execute('const e = document.querySelector(arguments[0]); return e ? e.textContent : "";', [selector]);
  }

  /** Presses `value` (a character or a `KEYS` entry), holding `modifier` if given, as a user would. */
  press(value, modifier) {
    const keys = modifier
      ? [{ type: 'keyDown', value: modifier }, { type: 'keyDown', value }, { type: 'keyUp', value }, { type: 'keyUp', value: modifier }]
      : [{ type: 'keyDown', value }, { type: 'keyUp', value }];
    return this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
  }

  click(element) { return this.send('POST', `/element/${element}/click`, {}); }
  clear(element) { return this.send('POST', `/element/${element}/clear`, {}); }
  type(element, text) { return this.send('POST', `/element/${element}/value`, { text }); }
  text(element) { return this.send('GET', `/element/${element}/text`); }
  attribute(element, name) { return this.send('GET', `/element/${element}/attribute/${name}`); }
  execute(script, args = []) { return this.send('POST', '/execute/sync', { script, args }); }

  /**
   * A PNG (base64) of the window. WebKitGTK drawing without GPU compositing
   * (the app's choice where there is no GPU, as under Xvfb: see
   * src-tauri/src/rendering.rs) answers a screenshot only after its next
   * paint, and a page where nothing changes never paints again: the command
   * would wait for ever. So one pixel in a corner changes shade (by 1 %, not
   * visible) every frame while the screenshot is taken.
   */
  async screenshot() {
    await this.execute(KEEP_PAINTING, [true]);
    try {
      return await this.send('GET', '/screenshot');
    } finally {
      await this.execute(KEEP_PAINTING, [false]).catch(() => {});
    }
  }
}

/** Starts (true) or stops (false) a one-pixel element that repaints every frame; see `screenshot`. */
const KEEP_PAINTING = `
  const start = arguments[0];
  const running = window.__e2eKeepPainting;
  if (running) {
    cancelAnimationFrame(running.frame);
    running.pixel.remove();
    window.__e2eKeepPainting = undefined;
  }
  if (!start) return;
  const pixel = document.createElement('div');
  pixel.setAttribute('aria-hidden', 'true');
  pixel.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
  document.documentElement.append(pixel);
  const state = { pixel, frame: 0, shade: false };
  const repaint = () => {
    state.shade = !state.shade;
    pixel.style.background = state.shade ? 'rgba(128,128,128,0.01)' : 'rgba(128,128,128,0.02)';
    state.frame = requestAnimationFrame(repaint);
  };
  repaint();
  window.__e2eKeepPainting = state;`;
