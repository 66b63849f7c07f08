// Document roles in plain words, for the Documents panel. The core sends the
// label of a missing role; these are the same labels for choosing one.
import type { Role } from './bindings/Role';
import type { MissingRole } from './types';

/** Every role, in the brief's order, with the core's plain-words label. */
export const ROLES: { role: Role; label: string }[] = [
  { role: 'SPEC', label: 'Technical specification' },
  { role: 'BRD', label: 'Business requirements' },
  { role: 'PRD', label: 'Product requirements (MVP scope)' },
  { role: 'UI', label: 'UI specification' },
  { role: 'SECURITY', label: 'Security requirements' },
  { role: 'STORIES', label: 'User stories' },
  { role: 'TEST', label: 'Test strategy' },
];

/** The plain-words name of a role ("Test strategy"). */
export function roleLabel(role: Role): string {
  return ROLES.find((entry) => entry.role === role)?.label ?? role;
}

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
