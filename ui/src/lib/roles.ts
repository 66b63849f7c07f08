// Document roles in words, for the Documents panel. The labels themselves
// come from the core (the wizard definition's `roles`, a missing role's `label`).
import type { MissingRole } from './types';

/** Lower-cases the first letter unless the word is an acronym ("UI"). */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/**
 * What a missing role means for the plan, in a sentence:
 * "No test strategy found — test environments, MVP exit criteria, test roles
 * will be left for you (TBD)."
 */
export function missingRoleText(missing: MissingRole): string {
  return `No ${inSentence(missing.label)} found — ${missing.feeds} will be left for you (TBD).`;
}

/** "2.0 KB" and the like. */
export function documentSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}
