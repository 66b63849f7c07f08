import { afterEach, describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { PreviewState } from './preview.svelte';
import { MEASURES, afterNextPaint, noteKeystroke } from '../timing';
import type { Answers } from '../bindings/Answers';

function answers(text: string): Answers {
  return { values: { 's0.purpose': { value: text, origin: 'user' } } };
}

function textOf(args: unknown): string {
  return ((args as { answers: Answers }).answers.values['s0.purpose']?.value as string) ?? '';
}

/** A core whose renders wait until the test lets them finish, one by one. */
function heldCore() {
  const requests: { text: string; finish: () => void; fail: () => void }[] = [];
  mockIPC(
    (_command, args) =>
      new Promise((resolve, reject) => {
        const text = textOf(args);
        requests.push({
          text,
          finish: () => resolve({ markdown: text, parts: [`<p>${text}</p>`], core_ms: 2 }),
          fail: () => reject({ code: 'render_failed', message: 'cannot render' }),
        });
      }),
  );
  return requests;
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(async () => {
  // Let a test's last paint be timed before the next test starts counting.
  await afterNextPaint();
  await settle();
  performance.clearMarks();
  performance.clearMeasures();
});

describe('preview', () => {
  it('renders a change at once when nothing is rendering', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    const shown = preview.update(() => answers('a'));
    await settle();
    expect(requests.map((r) => r.text)).toEqual(['a']);
    expect(preview.loading).toBe(true);
    requests[0].finish();
    await shown;
    expect(preview.html).toBe('<p>a</p>');
    expect(preview.loading).toBe(false);
  });

  it('gathers changes made during a render into one follow-up of the latest answers', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    let current = 'a';
    const read = () => answers(current);
    const seen: string[] = [];
    const first = preview.update(read);
    await settle();
    for (const text of ['ab', 'abc', 'abcd']) {
      current = text;
      void preview.update(read);
    }
    await settle();
    expect(requests.map((r) => r.text)).toEqual(['a']); // no overlapping render
    requests[0].finish();
    await settle();
    seen.push(preview.html);
    expect(requests.map((r) => r.text)).toEqual(['a', 'abcd']);
    current = 'abcde'; // typed while the follow-up runs
    void preview.update(read);
    requests[1].finish();
    await settle();
    seen.push(preview.html);
    expect(requests.map((r) => r.text)).toEqual(['a', 'abcd', 'abcde']);
    requests[2].finish();
    await first;
    seen.push(preview.html);
    // Results come in the order the answers changed: never an older one after a newer one.
    expect(seen).toEqual(['<p>a</p>', '<p>abcd</p>', '<p>abcde</p>']);
    expect(requests).toHaveLength(3);
    expect(preview.loading).toBe(false);
  });

  it('renders again at once after an idle pause', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    const first = preview.update(() => answers('one'));
    await settle();
    requests[0].finish();
    await first;
    const second = preview.update(() => answers('two'));
    await settle();
    expect(requests.map((r) => r.text)).toEqual(['one', 'two']);
    requests[1].finish();
    await second;
    expect(preview.html).toBe('<p>two</p>');
  });

  it('keeps the last good preview, reports a failure, and clears it on the next success', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    const first = preview.update(() => answers('a'));
    await settle();
    requests[0].finish();
    await first;
    const second = preview.update(() => answers('b'));
    await settle();
    requests[1].fail();
    await second;
    expect(preview.html).toBe('<p>a</p>');
    expect(preview.error).toEqual({ code: 'render_failed', message: 'cannot render' });
    expect(preview.loading).toBe(false);
    const third = preview.update(() => answers('c'));
    await settle();
    requests[2].finish();
    await third;
    expect(preview.html).toBe('<p>c</p>');
    expect(preview.error).toBeNull();
  });

  it('shows nothing more once disposed', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    const first = preview.update(() => answers('a'));
    await settle();
    void preview.update(() => answers('b'));
    preview.dispose();
    requests[0].finish();
    await first;
    await settle();
    expect(requests).toHaveLength(1);
    expect(preview.html).toBe('');
    void preview.update(() => answers('c'));
    await settle();
    expect(requests).toHaveLength(1);
  });

  it('times each keystroke to its result and to the painted preview, and the core, DOM update and paint per render', async () => {
    const requests = heldCore();
    const preview = new PreviewState();
    noteKeystroke(new Event('input'));
    const shown = preview.update(() => answers('a'));
    await settle();
    // Two keystrokes during the render: both are shown by the one follow-up.
    noteKeystroke(new Event('input'));
    noteKeystroke(new Event('input'));
    void preview.update(() => answers('abc'));
    requests[0].finish();
    await settle();
    requests[1].finish();
    await shown;
    const count = (name: string) => performance.getEntriesByName(name, 'measure').length;
    expect(count(MEASURES.result)).toBe(3);
    expect(count(MEASURES.core)).toBe(2);
    expect(performance.getEntriesByName(MEASURES.core, 'measure')[0].duration).toBe(2);
    await expect.poll(() => count(MEASURES.painted)).toBe(3);
    expect(count(MEASURES.domUpdate)).toBe(2);
    expect(count(MEASURES.paint)).toBe(2);
  });
});
