import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { PreviewState } from './preview.svelte';
import type { Answers } from '../bindings/Answers';

function answers(text: string): Answers {
  return { values: { 's0.purpose': { value: text, origin: 'user' } } };
}

describe('preview', () => {
  it('shows only the newest response when an older one arrives late', async () => {
    const pending: Array<(html: string) => void> = [];
    mockIPC(
      (_command, args) =>
        new Promise((resolve) => {
          const text = ((args as { answers: Answers }).answers.values['s0.purpose']?.value as string) ?? '';
          pending.push(() => resolve({ markdown: text, html: `<p>${text}</p>` }));
        }),
    );
    const preview = new PreviewState();
    const first = preview.render(answers('old'));
    const second = preview.render(answers('new'));
    pending[1]('');
    await second;
    pending[0]('');
    await first;
    expect(preview.html).toBe('<p>new</p>');
    expect(preview.loading).toBe(false);
  });

  it('keeps the last good preview and reports a failure', async () => {
    let fail = false;
    mockIPC(() => {
      if (fail) throw { code: 'render_failed', message: 'cannot render' };
      return { markdown: 'ok', html: '<p>ok</p>' };
    });
    const preview = new PreviewState();
    await preview.render(answers('a'));
    fail = true;
    await preview.render(answers('b'));
    expect(preview.html).toBe('<p>ok</p>');
    expect(preview.error).toEqual({ code: 'render_failed', message: 'cannot render' });
  });
});
