// The live preview: the core renders the answers to Markdown and HTML; only
// the newest request's response is shown.
import type { Answers } from '../bindings/Answers';
import * as ipc from '../ipc';
import type { IpcError } from '../types';

/** How long after the last change the preview is rendered. */
export const PREVIEW_DELAY_MS = 150;

export class PreviewState {
  html = $state('');
  markdown = $state('');
  error = $state<IpcError | null>(null);
  loading = $state(false);

  #latest = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Renders `read()` after a pause in changes (or now, with `delay` 0). */
  schedule(read: () => Answers, delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.render(read()), delay);
  }

  async render(answers: Answers): Promise<void> {
    const request = ++this.#latest;
    this.loading = true;
    try {
      const preview = await ipc.renderPreview(answers);
      if (request !== this.#latest) return; // a newer request is on its way
      this.html = preview.html;
      this.markdown = preview.markdown;
      this.error = null;
    } catch (error) {
      if (request !== this.#latest) return;
      this.error = ipc.toIpcError(error);
    } finally {
      if (request === this.#latest) this.loading = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#latest++;
  }
}
