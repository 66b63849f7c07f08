// Types of the IPC contract that are not generated from Rust (see bindings/
// for those that are). Keep these in line with src-tauri's commands.
import type { GlossaryEntry } from './bindings/GlossaryEntry';
import type { StepDef } from './bindings/StepDef';

// Generated from the Rust types (ts-rs): re-exported so views import one place.
export type { MissingRole } from './bindings/MissingRole';
export type { ProjectView } from './bindings/ProjectView';
export type { RecentProject } from './bindings/RecentProject';

export type WizardDefinition = { steps: StepDef[]; glossary: GlossaryEntry[] };

/** The rendered plan; `core_ms`: how long the core took to render it. */
export type Preview = { markdown: string; html: string; core_ms: number };

/** A document's text as `document_text` returns it (plain text, never HTML). */
export type { DocumentText } from './bindings/DocumentText';

/** A place in a document to show: the viewer scrolls to and highlights it. */
export type DocumentLocation = { path: string; line_start: number; line_end: number };

export type SavedPlan = { path: string; backup: string | null };

/** How every command fails: a stable code to branch on and a message for people. */
export type IpcError = { code: string; message: string };

/** The id of the last wizard step, after the twelve sections. */
export const REVIEW_STEP = 'review';
