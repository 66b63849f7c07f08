// The only module that talks to the Rust side. Every command has a typed
// wrapper here; everything else imports these, never `invoke` itself.
import { invoke } from '@tauri-apps/api/core';
import type { Answers } from './bindings/Answers';
import type { AboutApp } from './bindings/AboutApp';
import type { DrawnDiagram } from './bindings/DrawnDiagram';
import type { ExportFormat } from './bindings/ExportFormat';
import type { MenuAction } from './bindings/MenuAction';
import type { Paper } from './bindings/Paper';
import type { PlanDiff } from './bindings/PlanDiff';
import type { DocumentsRefresh } from './bindings/DocumentsRefresh';
import type { PlanReview } from './bindings/PlanReview';
import type { Decision } from './bindings/Decision';
import type { Role } from './bindings/Role';
import type { Task } from './bindings/Task';
import type { TaskProgress } from './bindings/TaskProgress';
import type {
  DocumentText,
  IpcError,
  Preview,
  ProjectView,
  RecentProject,
  SavedPlan,
  WizardDefinition,
} from './types';

/** Export formats and paper sizes, as the core names them. */
export type { ExportFormat, Paper };
export type { AboutApp } from './bindings/AboutApp';
export type { Drawing } from './bindings/Drawing';
export type { MenuAction } from './bindings/MenuAction';

/**
 * Whether a thrown value is the `{ code, message }` shape commands reject
 * with (`CommandError`; the code is passed on as it is).
 */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IpcError).code === 'string' &&
    typeof (value as IpcError).message === 'string'
  );
}

/**
 * Turns anything a command (or the IPC bridge itself) rejected with into an
 * `IpcError`, so callers can always branch on `code` and show `message`.
 */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) return { code: value.code, message: value.message };
  if (value instanceof Error) return { code: 'ipc_failed', message: value.message };
  if (typeof value === 'string') return { code: 'ipc_failed', message: value };
  return { code: 'ipc_failed', message: 'Something went wrong talking to the DeployPlan core.' };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toIpcError(error);
  }
}

/** The project passed on the command line, if any. */
export function startupProject(): Promise<ProjectView | null> {
  return call('startup_project');
}

export function openProject(path: string): Promise<ProjectView> {
  return call('open_project', { path });
}

export function openSampleProject(): Promise<ProjectView> {
  return call('open_sample_project');
}

/** Shows the native folder dialog; `null` when the user cancels. */
export function pickFolder(): Promise<string | null> {
  return call('pick_folder');
}

export function recentProjects(): Promise<RecentProject[]> {
  return call('recent_projects');
}

/** Removes one project from the recent list (the folder is not touched); returns the list left. */
export function forgetRecentProject(path: string): Promise<RecentProject[]> {
  return call('forget_recent_project', { path });
}

/** Empties the recent list. */
export function clearRecentProjects(): Promise<void> {
  return call('clear_recent_projects');
}

/** The wizard's steps, fields and glossary, as declared in the core. */
export function wizardDefinition(): Promise<WizardDefinition> {
  return call('wizard_definition');
}

export function renderPreview(answers: Answers): Promise<Preview> {
  return call('render_preview', { answers });
}

export function saveDraft(answers: Answers): Promise<null> {
  return call('save_draft', { answers });
}

export function savePlan(answers: Answers): Promise<SavedPlan> {
  return call('save_plan', { answers });
}

/** The hand-edited plan on disk compared with the plan for `answers`; `null` when not edited. */
export function planDiff(answers: Answers): Promise<PlanDiff | null> {
  return call('plan_diff', { answers });
}

/** Overwrites the hand-edited plan the user reviewed; refused if it changed since (`hand_edited`). */
export function overwritePlan(answers: Answers, reviewedHash: string): Promise<SavedPlan> {
  return call('overwrite_plan', { answers, reviewedHash });
}

/** Keeps the hand-edited plan as it is (nothing written); resolves to its path. */
export function keepPlanOnDisk(): Promise<string> {
  return call('keep_plan_on_disk');
}

/** Starts watching the open project's documents; changes arrive through `onDocumentsChanged`. */
export function watchDocuments(): Promise<null> {
  return call('watch_documents');
}

/**
 * Calls `handler` with the payload of each `event` the app sends. Resolves to
 * a function that stops listening. Outside Tauri (tests, a plain browser) it
 * does nothing.
 */
async function listenFor<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  try {
    const { listen } = await import('@tauri-apps/api/event');
    return await listen<T>(event, (received) => handler(received.payload));
  } catch {
    return () => {};
  }
}

/**
 * Calls `handler` whenever the open project's documents changed on disk and
 * were read again. Resolves to a function that stops listening. Outside Tauri
 * (tests, a plain browser) it does nothing.
 */
export function onDocumentsChanged(handler: (refresh: DocumentsRefresh) => void): Promise<() => void> {
  return listenFor<DocumentsRefresh>('documents-changed', handler);
}

/** Asks where to save (native dialog) and writes the plan there; `null` when cancelled. */
export function savePlanAs(answers: Answers): Promise<SavedPlan | null> {
  return call('save_plan_as', { answers });
}

/**
 * The text of one of the open project's documents (`path` relative to the
 * project folder); the core refuses anything else (`outside_project`).
 */
export function documentText(path: string): Promise<DocumentText> {
  return call('document_text', { path });
}

/** Gives a document another role (`null`: none); resolves to the project read again. */
export function setDocumentRole(path: string, role: Role | null): Promise<ProjectView> {
  return call('set_document_role', { path, role });
}

/**
 * Opens a link the user clicked in the system browser (http, https) or mail
 * client (mailto). The core refuses other schemes (`scheme_not_allowed`).
 */
export function openExternal(url: string): Promise<null> {
  return call('open_external', { url });
}

/** The plan for `answers` prepared for review: sections, summary, open items, sign-offs. */
export function reviewPlan(answers: Answers): Promise<PlanReview> {
  return call('review_plan', { answers });
}

/** Adds a reviewer's comment to a section (by its step id); resolves to the review again. */
export function addReviewComment(answers: Answers, stepId: string, author: string, text: string): Promise<PlanReview> {
  return call('add_review_comment', { answers, stepId, author, text });
}

/** Records Approve / Request changes on a section as it is now; resolves to the review again. */
export function signOffSection(answers: Answers, stepId: string, reviewer: string, decision: Decision): Promise<PlanReview> {
  return call('sign_off_section', { answers, stepId, reviewer, decision });
}

/**
 * Asks where to export (native save dialog) and writes the plan there as
 * Markdown, standalone HTML or PDF; `null` when cancelled. `diagrams` are the
 * plan's diagrams drawn by this window's Mermaid (inlined as SVG); the app
 * prints PDF with its own web engine, so no browser is needed.
 */
export function exportPlanAs(
  answers: Answers,
  format: ExportFormat,
  paper: Paper = 'a4',
  diagrams: DrawnDiagram[] = [],
): Promise<string | null> {
  return call('export_plan_as', { answers, format, paper, diagrams });
}

/**
 * Calls `ondrop` with the first path dropped on the window, and `onhover`
 * while something is dragged over it. Resolves to a function that stops
 * listening. Outside Tauri (tests, a plain browser) it does nothing.
 */
export async function listenForDrops(
  ondrop: (path: string) => void,
  onhover: (hovering: boolean) => void,
): Promise<() => void> {
  try {
    const { getCurrentWebview } = await import('@tauri-apps/api/webview');
    return await getCurrentWebview().onDragDropEvent(({ payload }) => {
      if (payload.type === 'enter' || payload.type === 'over') onhover(true);
      else if (payload.type === 'leave') onhover(false);
      else if (payload.type === 'drop') {
        onhover(false);
        if (payload.paths.length > 0) ondrop(payload.paths[0]);
      }
    });
  } catch {
    return () => {};
  }
}

/** Stops the running task of this kind; it ends with a `cancelled` error and nothing half-done. */
export function cancelTask(task: Task): Promise<null> {
  return call('cancel_task', { task });
}

/**
 * Calls `handler` with each progress report of a long task (opening a
 * project, exporting). Resolves to a function that stops listening. Outside
 * Tauri (tests, a plain browser) it does nothing.
 */
export function onProgress(handler: (report: TaskProgress) => void): Promise<() => void> {
  return listenFor<TaskProgress>('progress', handler);
}

/**
 * Calls `handler` for each menu item chosen: the action to run (and the
 * folder, for a recent project). Outside Tauri it does nothing.
 */
export function onMenu(handler: (choice: MenuAction) => void): Promise<() => void> {
  return listenFor<MenuAction>('menu', handler);
}

/** Tells the app menu what applies now, so it greys out what cannot work. */
export function syncMenu(projectOpen: boolean, reviewing: boolean): Promise<null> {
  return call('sync_menu', { projectOpen, reviewing });
}

/** The app's name and version, and how the webview draws, for Help › About. */
export function aboutApp(): Promise<AboutApp> {
  return call('about_app');
}
