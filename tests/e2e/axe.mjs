// Accessibility checks for the end-to-end tests: axe-core (a dev dependency of
// ui/, never part of the app bundle) is read from disk and injected into the
// running app with WebDriver's execute, then run against what is on screen.
//
// WebDriver's execute runs the script as the automation, not as a page
// <script>, so the app's CSP (script-src 'self', no eval) does not block it and
// the shipped CSP stays as it is.
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './app.mjs';

const AXE_PATH = path.join(repo, 'ui/node_modules/axe-core/axe.min.js');

/** The WCAG 2.1 A and AA rules, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The impacts that fail a check; lesser ones are reported only. */
export const FAILING_IMPACTS = ['serious', 'critical'];

let axeSource;

/** Puts axe-core into the page, once per page load. */
export async function injectAxe(session) {
  if (await session.execute('return typeof window.axe === "object" && typeof window.axe.run === "function"')) return;
  axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
  // axe.min.js attaches itself to `window` when run as a function body.
  await session.execute(`${axeSource}\n;return typeof window.axe;`);
  const ready = await session.execute('return typeof window.axe === "object" && typeof window.axe.run === "function"');
  if (!ready) throw new Error(`axe-core could not be injected from ${AXE_PATH}`);
}

// Starts axe.run on the whole document and leaves the result (or the error) on
// window, to be polled: no async script, no script timeout to tune.
const START_RUN = `
  window.__deployplanAxe = { done: false };
  const context = arguments[1] ? document.querySelector(arguments[1]) : document;
  window.axe.run(context, {
    runOnly: arguments[2] ? { type: 'rule', values: arguments[2] } : { type: 'tag', values: arguments[0] },
    resultTypes: ['violations', 'incomplete'],
  }).then(
    (results) => {
      window.__deployplanAxe = {
        done: true,
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          tags: v.tags,
          nodes: v.nodes.map((n) => ({
            target: n.target.map(String).join(' '),
            html: n.html,
            summary: n.failureSummary,
          })),
        })),
        // Nodes axe could not decide on (for contrast: text over an image or
        // a gradient), for a person to look at.
        undecided: results.incomplete.map((v) => ({ id: v.id, count: v.nodes.length })),
      };
    },
    (error) => { window.__deployplanAxe = { done: true, error: String(error && error.stack || error) }; },
  );
  return true;`;

/**
 * Runs axe on the current page (or only within the element `within` selects,
 * and only `rules` when given) and returns its violations, split into those
 * that fail (serious or critical) and the rest.
 */
export async function runAxe(session, { within = null, rules = null } = {}) {
  await injectAxe(session);
  await session.execute(START_RUN, [AXE_TAGS, within, rules]);
  const outcome = await session.waitUntil('axe to finish', async () => {
    const state = await session.execute('return window.__deployplanAxe');
    return state && state.done ? state : null;
  }, 60_000);
  if (outcome.error) throw new Error(`axe failed: ${outcome.error}`);
  const failing = outcome.violations.filter((v) => FAILING_IMPACTS.includes(v.impact));
  const other = outcome.violations.filter((v) => !FAILING_IMPACTS.includes(v.impact));
  return { failing, other, undecided: outcome.undecided };
}

/** One violation as text: rule, impact, help, and the first few nodes. */
export function describeViolation(violation, nodes = 4) {
  const lines = [`  ${violation.id} (${violation.impact}): ${violation.help}  <${violation.helpUrl}>`];
  for (const node of violation.nodes.slice(0, nodes)) {
    lines.push(`    at ${node.target}`);
    lines.push(`       ${node.html.replace(/\s+/g, ' ').slice(0, 300)}`);
    if (node.summary) lines.push(`       ${node.summary.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  if (violation.nodes.length > nodes) lines.push(`    … and ${violation.nodes.length - nodes} more`);
  return lines.join('\n');
}

/**
 * Checks the view on screen: throws, listing every serious or critical
 * violation, when there is one. Lesser ones go to `report` (a function taking
 * a line of text; console.log when not given).
 */
export async function checkAccessibility(session, viewName, report = console.log) {
  const { failing, other, undecided } = await runAxe(session);
  if (undecided.length) {
    report(`${viewName}: axe could not decide on ${undecided.map((u) => `${u.id} (${u.count})`).join(', ')}`);
  }
  if (other.length) {
    const text = `${viewName}: ${other.length} minor or moderate axe finding(s):\n${other.map((v) => describeViolation(v, 2)).join('\n')}`;
    for (const line of text.split('\n')) report(line);
  }
  if (failing.length) {
    throw new Error(`${viewName}: ${failing.length} serious or critical accessibility violation(s):\n${failing.map((v) => describeViolation(v)).join('\n')}`);
  }
}

/**
 * Checks the colour contrast of everything in a scrolling container, a page at
 * a time: axe cannot tell the background of text scrolled out of view, so a
 * check from the top alone would leave most of a long column unchecked.
 * Throws like `checkAccessibility`; the container is scrolled back to the top.
 */
export async function checkContrastWhileScrolling(session, scroller, viewName) {
  const pages = await session.execute(`
    const s = document.querySelector(arguments[0]);
    return s ? Math.max(1, Math.ceil(s.scrollHeight / (s.clientHeight * 0.8))) : 0;`, [scroller]);
  if (!pages) throw new Error(`${viewName}: nothing matches ${scroller}`);
  const failing = new Map();
  for (let page = 0; page < pages; page++) {
    await session.execute(`
      const s = document.querySelector(arguments[0]);
      s.scrollTop = arguments[1] * s.clientHeight * 0.8;
      window.__scrolled = false;
      requestAnimationFrame(() => requestAnimationFrame(() => (window.__scrolled = true)));`, [scroller, page]);
    await session.waitUntil('the scroll to be painted', async () => session.execute('return window.__scrolled === true'));
    const found = await runAxe(session, { within: scroller, rules: ['color-contrast'] });
    for (const violation of found.failing) {
      const known = failing.get(violation.id);
      if (!known) failing.set(violation.id, violation);
      else {
        const targets = new Set(known.nodes.map((node) => node.target));
        known.nodes.push(...violation.nodes.filter((node) => !targets.has(node.target)));
      }
    }
  }
  await session.execute('document.querySelector(arguments[0]).scrollTop = 0', [scroller]);
  if (failing.size) {
    const all = [...failing.values()];
    throw new Error(`${viewName}, scrolled through ${scroller} (${pages} pages): ${all.length} serious or critical contrast violation(s):\n${all.map((v) => describeViolation(v)).join('\n')}`);
  }
}

/**
 * Checks many views and fails once, at the end, with every view's violations,
 * so that one run shows all there is to fix.
 */
export class AccessibilityAudit {
  constructor(session, report = console.log) {
    this.session = session;
    this.report = report;
    this.problems = [];
    this.checked = [];
  }

  async check(viewName) {
    this.checked.push(viewName);
    try {
      await checkAccessibility(this.session, viewName, this.report);
    } catch (error) {
      this.problems.push(error.message);
    }
  }

  async checkScrolling(scroller, viewName) {
    this.checked.push(`${viewName}, scrolled`);
    try {
      await checkContrastWhileScrolling(this.session, scroller, viewName);
    } catch (error) {
      this.problems.push(error.message);
    }
  }

  /** Records a problem found by other means than axe (e.g. focus not shown). */
  fail(viewName, message) {
    this.problems.push(`${viewName}: ${message}`);
  }

  /** Throws when any view checked so far had a serious or critical violation. */
  assertClean() {
    if (this.problems.length) {
      throw new Error(`accessibility violations in ${this.problems.length} of ${this.checked.length} views:\n\n${this.problems.join('\n\n')}`);
    }
  }
}
