// Both themes keep WCAG 2.1 AA contrast (4.5:1 for text) for the colour pairs
// the UI draws text with, read from app.css itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest runs from ui/ (package.json's `npm test`).
const css = readFileSync(join(process.cwd(), 'src/app.css'), 'utf8');

function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background colour, as the components use them. */
const PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-2'],
  ['text', 'surface-3'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-2'],
  ['accent-text', 'surface'],
  ['accent-text', 'accent-soft'],
  ['on-accent', 'accent'],
  ['danger', 'surface'],
  ['danger', 'danger-soft'],
  ['success', 'surface'],
  ['success', 'success-soft'],
  ['warning', 'surface'],
  ['warning', 'warning-soft'],
  ['mvp', 'mvp-soft'],
  ['post-mvp', 'post-mvp-soft'],
];

/**
 * The focus outline (app.css :focus-visible, 2px, drawn just outside the
 * control) against every surface a control sits on: 3:1 for non-text
 * contrast (WCAG 1.4.11), so keyboard focus is visible in both themes.
 */
const FOCUS_ON: string[] = ['bg', 'surface', 'surface-2', 'surface-3', 'accent-soft', 'warning-soft', 'danger-soft'];

describe('theme contrast', () => {
  const light = palette(':root');
  const dark = { ...light, ...palette(":root[data-theme='dark']") };
  for (const [name, colours] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`the ${name} theme meets AA for text`, () => {
      const failures = PAIRS.filter(([fg, bg]) => contrast(colours[fg], colours[bg]) < 4.5).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(colours[fg], colours[bg]).toFixed(2)}`,
      );
      expect(failures).toEqual([]);
    });
  }

  for (const [name, colours] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`the ${name} theme's focus outline stands out from every surface`, () => {
      const failures = FOCUS_ON.filter((bg) => contrast(colours.focus, colours[bg]) < 3).map(
        (bg) => `focus on ${bg}: ${contrast(colours.focus, colours[bg]).toFixed(2)}`,
      );
      expect(failures).toEqual([]);
    });
  }

  it('reads both palettes', () => {
    expect(Object.keys(light).length).toBeGreaterThan(20);
    expect(palette(":root[data-theme='dark']")['bg']).toBe('#131519');
  });
});
