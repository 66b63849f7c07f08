// The only module that talks to the Rust side. Every command has a typed
// wrapper here; everything else imports these, never `invoke` itself.
import { invoke } from '@tauri-apps/api/core';
import type { Answers } from './bindings/Answers';
import type { Role } from './bindings/Role';
import type {
  DocumentText,
  IpcError,
  Preview,
  ProjectView,
  RecentProject,
  SavedPlan,
  WizardDefinition,
} from './types';

/** Whether a thrown value is the `{ code, message }` shape commands reject with. */
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
