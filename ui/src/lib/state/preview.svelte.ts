// The live preview: the core renders the answers to Markdown and HTML. A
// change is rendered at once when no render is running; changes made while
// one runs are gathered into a single follow-up render of the latest answers.
// Renders never overlap, so an older result can never replace a newer one.
import { tick } from 'svelte';
import type { Answers } from '../bindings/Answers';
import * as ipc from '../ipc';
import { afterNextPaint, dropKeystrokes, recordPainted, recordResult, recordUpdated, takeKeystrokes } from '../timing';
import type { IpcError } from '../types';

export class PreviewState {
  /** The plan's HTML in the parts the core cut it into (sections, sub-sections). */
  parts = $state<string[]>([]);
  /** The whole HTML: the parts joined. */
  html = $derived(this.parts.join(''));
  markdown = $state('');
  error = $state<IpcError | null>(null);
  loading = $state(false);

  /** How to read the latest answers, when a change is waiting for its render. */
  #pending: (() => Answers) | null = null;
  /** The running renders (the first and its follow-ups), until none is left. */
  #running: Promise<void> | null = null;
  #disposed = false;

  /**
   * Shows `read()` in the preview: now if nothing is rendering, else right
   * after the render that is running (reading the answers only then, so a
   * burst of changes costs one follow-up render). Resolves once the preview
   * shows these answers or newer ones.
   */
  update(read: () => Answers): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    this.#pending = read;
    this.#running ??= this.#renderPending();
    return this.#running;
  }

  async #renderPending(): Promise<void> {
    this.loading = true;
    // Yield once, so that `#running` is set before this can finish.
    await Promise.resolve();
    try {
      while (this.#pending && !this.#disposed) {
        const answers = this.#pending();
        this.#pending = null;
        await this.#render(answers);
      }
    } finally {
      this.#running = null;
      this.loading = false;
    }
  }

  async #render(answers: Answers): Promise<void> {
    const keystrokes = takeKeystrokes();
    try {
      const preview = await ipc.renderPreview(answers);
      if (this.#disposed) return;
      const arrived = recordResult(keystrokes, preview.core_ms);
      this.parts = preview.parts;
      this.markdown = preview.markdown;
      this.error = null;
      void tick().then(async () => {
        const updated = recordUpdated(arrived);
        await afterNextPaint();
        recordPainted(keystrokes, updated);
      });
    } catch (error) {
      dropKeystrokes(keystrokes);
      if (!this.#disposed) this.error = ipc.toIpcError(error);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#pending = null;
  }
}
