// Types of the IPC contract that are not generated from Rust (see bindings/
// for those that are). Keep these in line with src-tauri's commands.
import type { Answers } from './bindings/Answers';
import type { Document } from './bindings/Document';
import type { Fact } from './bindings/Fact';
import type { Passage } from './bindings/Passage';
import type { GlossaryEntry } from './bindings/GlossaryEntry';
import type { Role } from './bindings/Role';
import type { StepDef } from './bindings/StepDef';

/** A role no document fills, and what the plan would have taken from it. */
export type MissingRole = { role: Role; label: string; feeds: string };

/** An opened project, as `open_project` and friends return it. */
export type ProjectView = {
  root: string;
  name: string;
  documents: Document[];
  missing_roles: MissingRole[];
  facts: Fact[];
  answers: Answers;
  draft_restored: boolean;
  plan_path: string;
  warnings: string[];
  /** "What the documents say": per field id, the passages that speak to it, best first. */
  passages: Record<string, Passage[]>;
};

export type RecentProject = { path: string; name: string };

export type WizardDefinition = { steps: StepDef[]; glossary: GlossaryEntry[] };

/** The rendered plan; `core_ms`: how long the core took to render it. */
export type Preview = { markdown: string; html: string; core_ms: number };

/** A document's text as `document_text` returns it (plain text, never HTML). */
export type DocumentText = { path: string; text: string; lines: number };

/** A place in a document to show: the viewer scrolls to and highlights it. */
export type DocumentLocation = { path: string; line_start: number; line_end: number };

export type SavedPlan = { path: string; backup: string | null };

/** How every command fails: a stable code to branch on and a message for people. */
export type IpcError = { code: string; message: string };

/** The id of the last wizard step, after the twelve sections. */
export const REVIEW_STEP = 'review';
