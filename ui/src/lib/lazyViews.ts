// Views a user does not see first are loaded when needed, as their own
// chunks, so the welcome view starts without them (BENCHMARKS.md, "Start-up").
// Each is imported once; every caller gets the same promise.
import type WizardViewType from './views/WizardView.svelte';

let wizard: Promise<typeof WizardViewType> | undefined;

/** The wizard view (with the review view, the preview and their styles). */
export function loadWizardView(): Promise<typeof WizardViewType> {
  wizard ??= import('./views/WizardView.svelte').then((module) => module.default);
  return wizard;
}
