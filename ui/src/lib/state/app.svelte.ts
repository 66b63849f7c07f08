// The application's state: the wizard definition, the open project, the
// answers and where the user is. Components read it and call its methods;
// the methods talk to the core through ipc.ts.
import type { Answer } from '../bindings/Answer';
import type { Answers } from '../bindings/Answers';
import type { ProgressStep } from '../bindings/ProgressStep';
import type { PlanDiff } from '../bindings/PlanDiff';
import type { DocumentsRefresh } from '../bindings/DocumentsRefresh';
import type { Role } from '../bindings/Role';
import type { StepDef } from '../bindings/StepDef';
import type { Value } from '../bindings/Value';
import * as ipc from '../ipc';
import {
  REVIEW_STEP,
  type DocumentLocation,
  type IpcError,
  type ProjectView,
  type RecentProject,
  type SavedPlan,
  type WizardDefinition,
} from '../types';
import { debounce } from './debounce';

/** Why a save did not go ahead. */
export type SaveProblem = { kind: 'hand_edited'; diff: PlanDiff } | { kind: 'failed'; error: IpcError };

/** How long after the last change the draft is written. */
export const DRAFT_DELAY_MS = 400;

export class AppState {
  definition = $state<WizardDefinition | null>(null);
  project = $state<ProjectView | null>(null);
  answers = $state<Answers>({ values: {} });
  recent = $state<RecentProject[]>([]);
  /** The last failure, shown in the error alert until dismissed. */
  error = $state<IpcError | null>(null);
  /** What the last save did, for the status line. */
  saveStatus = $state('');
  saving = $state(false);
  /** A project is being opened. */
  opening = $state(false);
  /** How far opening has got (while `opening`). */
  openProgress = $state<ProgressStep | null>(null);
  /** How far an export has got (while one runs). */
  exportProgress = $state<ProgressStep | null>(null);
  /** What the welcome view's status line says after opening ended without a project. */
  openStatus = $state('');
  /** Bumped on every change of a value, so the preview knows to refresh. */
  revision = $state(0);
  /** A field to focus once its step is shown (instead of the step heading). */
  focusField = $state<string | null>(null);
  /** The document (and lines) shown in the read-only viewer, if any. */
  viewing = $state<DocumentLocation | null>(null);
  /** The document whose role is being changed. */
  reassigning = $state<string | null>(null);
  /**
   * Why the last save did not go ahead, shown in the save dialog: the plan on
   * disk was edited by hand (with the diff), or the write failed.
   */
  saveProblem = $state<SaveProblem | null>(null);
  /** What changed when the documents were last read again while open (flagged to the user). */
  documentsChanged = $state<{ documents: string[]; fields: string[] } | null>(null);
  /** Review mode (read-only plan, comments, sign-off, export) is shown over the wizard. */
  reviewing = $state(false);
  /** The glossary dialog is open. */
  glossaryOpen = $state(false);
  /** The "Keyboard shortcuts" dialog is open. */
  shortcutsOpen = $state(false);
  /** The Documents dialog is open. */
  documentsOpen = $state(false);
  /** The About dialog is open. */
  aboutOpen = $state(false);
  /** The find bar over the plan (preview, or the review) is open. */
  findOpen = $state(false);
  /** Export was asked for (menu, Ctrl+E): review mode shows its export choices first. */
  exportRequested = $state(false);

  readonly #saveDraft = debounce(() => void this.#writeDraft(), DRAFT_DELAY_MS);

  get steps(): StepDef[] {
    return this.definition?.steps ?? [];
  }

  /** Step ids in wizard order, Review & Save last. */
  get stepIds(): string[] {
    return [...this.steps.map((step) => step.id), REVIEW_STEP];
  }

  get currentStepId(): string {
    const wanted = this.answers.current_step;
    if (wanted && this.stepIds.includes(wanted)) return wanted;
    return this.stepIds[0];
  }

  /** The current section, or `undefined` on Review & Save. */
  get currentStep(): StepDef | undefined {
    return this.steps.find((step) => step.id === this.currentStepId);
  }

  /** Forgets everything; for tests and for closing a project. */
  reset(): void {
    this.#saveDraft.cancel();
    this.project = null;
    this.answers = { values: {} };
    this.error = null;
    this.saveStatus = '';
    this.saving = false;
    this.opening = false;
    this.focusField = null;
    this.viewing = null;
    this.reassigning = null;
    this.saveProblem = null;
    this.documentsChanged = null;
    this.revision = 0;
    this.reviewing = false;
    this.glossaryOpen = false;
    this.documentsOpen = false;
    this.findOpen = false;
    this.exportRequested = false;
    this.openProgress = null;
    this.exportProgress = null;
    this.openStatus = '';
  }

  fail(error: unknown): void {
    this.error = ipc.toIpcError(error);
  }

  dismissError(): void {
    this.error = null;
  }

  /** Loads what the app needs at start; opens the command-line project if any. */
  async start(): Promise<void> {
    const [definition, startup, recent] = await Promise.allSettled([
      ipc.wizardDefinition(),
      ipc.startupProject(),
      ipc.recentProjects(),
    ]);
    if (definition.status === 'fulfilled') this.definition = definition.value;
    else this.fail(definition.reason);
    if (recent.status === 'fulfilled') this.recent = recent.value;
    void ipc.onDocumentsChanged((refresh) => this.applyDocumentsRefresh(refresh));
    void ipc.onProgress((report) => {
      if (report.task === 'open' && this.opening) this.openProgress = report.step;
      if (report.task === 'export') this.exportProgress = report.step;
    });
    if (startup.status === 'fulfilled') {
      if (startup.value) this.#show(startup.value);
    } else this.fail(startup.reason);
  }

  /** Removes one project from the recent list. */
  async forgetRecent(path: string): Promise<void> {
    try {
      this.recent = await ipc.forgetRecentProject(path);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Empties the recent list. */
  async clearRecent(): Promise<void> {
    try {
      await ipc.clearRecentProjects();
      this.recent = [];
    } catch (error) {
      this.fail(error);
    }
  }

  /** The folder dialog is showing. */
  #picking = false;

  async openFolder(): Promise<void> {
    if (this.#picking || this.opening) return;
    this.#picking = true;
    let path: string | null;
    try {
      path = await ipc.pickFolder();
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.#picking = false;
    }
    if (path) await this.openPath(path);
  }

  openPath(path: string): Promise<void> {
    return this.#open(() => ipc.openProject(path));
  }

  openSample(): Promise<void> {
    return this.#open(() => ipc.openSampleProject());
  }

  async #open(load: () => Promise<ProjectView>): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    this.openProgress = null;
    this.openStatus = '';
    this.error = null;
    try {
      // Opening another project from the wizard: the last edits of this one
      // are written to its draft first.
      if (this.project) {
        this.#saveDraft.cancel();
        await this.#writeDraft();
      }
      const project = await load();
      if (!this.definition) this.definition = await ipc.wizardDefinition();
      this.#show(project);
    } catch (error) {
      const failure = ipc.toIpcError(error);
      if (failure.code === 'cancelled') this.openStatus = 'Opening cancelled. Nothing was changed.';
      else this.fail(failure);
    } finally {
      this.opening = false;
      this.openProgress = null;
    }
  }

  /** Stops opening a project (the folder is left as it was). */
  cancelOpen(): void {
    if (this.opening) ipc.cancelTask('open').catch((error) => this.fail(error));
  }

  /** Stops a running export (nothing is written). */
  cancelExport(): void {
    ipc.cancelTask('export').catch((error) => this.fail(error));
  }

  #show(project: ProjectView): void {
    this.#saveDraft.cancel();
    this.reviewing = false;
    this.documentsOpen = false;
    this.findOpen = false;
    this.project = project;
    this.answers = { values: { ...project.answers.values }, current_step: project.answers.current_step };
    this.viewing = null;
    this.saveStatus = '';
    this.error = null;
    this.documentsChanged = null;
    this.revision++;
    // Watching is a convenience: the project works without it.
    ipc.watchDocuments().catch(() => {});
  }

  /**
   * The documents changed on disk and were read again: the documents, facts
   * and suggestions follow; the user's own answers (also those not yet in the
   * draft) stay exactly as they are.
   */
  applyDocumentsRefresh(refresh: DocumentsRefresh): void {
    if (!this.project || refresh.view.root !== this.project.root) return;
    const values = { ...refresh.view.answers.values };
    for (const [id, answer] of Object.entries(this.snapshot().values)) {
      if (answer.origin === 'user') values[id] = answer;
    }
    this.project = refresh.view;
    this.answers = { values, current_step: this.answers.current_step };
    this.documentsChanged = { documents: refresh.changed_documents, fields: refresh.changed_fields };
    this.revision++;
  }

  dismissDocumentsChanged(): void {
    this.documentsChanged = null;
  }

  /** Writes a pending draft now (the window is closing or being hidden). */
  flushDraft(): void {
    this.#saveDraft.flush();
  }

  /** Opens the read-only viewer on a document, at the given lines. */
  showSource(location: DocumentLocation): void {
    this.viewing = { path: location.path, line_start: location.line_start, line_end: location.line_end };
  }

  closeSource(): void {
    this.viewing = null;
  }

  /**
   * Gives a document another role (`null`: none). The core remembers the
   * choice for the project and reads it again; the user's own answers are
   * kept, every other field takes the fresh suggestions.
   */
  async setDocumentRole(path: string, role: Role | null): Promise<boolean> {
    if (!this.project || this.reassigning) return false;
    this.reassigning = path;
    try {
      // The core keeps the answers it last saw: make sure those are the latest.
      this.#saveDraft.cancel();
      await ipc.saveDraft(this.snapshot());
      const project = await ipc.setDocumentRole(path, role);
      const step = this.answers.current_step;
      this.project = project;
      this.answers = { values: { ...project.answers.values }, current_step: step ?? project.answers.current_step };
      this.error = null;
      this.revision++;
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.reassigning = null;
    }
  }

  /** Back to the welcome view; a pending draft is written first. */
  async closeProject(): Promise<void> {
    this.#saveDraft.flush();
    this.project = null;
    this.viewing = null;
    this.saveStatus = '';
    this.reviewing = false;
    this.documentsOpen = false;
    this.findOpen = false;
    this.glossaryOpen = false;
    try {
      this.recent = await ipc.recentProjects();
    } catch {
      // The list is a convenience; the welcome view still works without it.
    }
  }

  /** Shows a step; `fieldId` is focused instead of the step heading. */
  goTo(stepId: string, fieldId: string | null = null): void {
    if (!this.stepIds.includes(stepId)) return;
    this.focusField = fieldId;
    this.answers.current_step = stepId;
    this.#saveDraft();
  }

  /** Moves `offset` steps forward (or back), staying within the wizard. */
  move(offset: number): void {
    const ids = this.stepIds;
    const index = ids.indexOf(this.currentStepId) + offset;
    if (index >= 0 && index < ids.length) this.goTo(ids[index]);
  }

  /** Sets a field as the user's own answer (any edit confirms it). */
  setValue(fieldId: string, value: Value): void {
    this.answers.values[fieldId] = { value, origin: 'user' };
    this.#changed();
  }

  /** Confirms a proposed answer as it is. */
  accept(fieldId: string): void {
    const answer = this.answers.values[fieldId];
    if (!answer) return;
    // A new object, never a change in place: `snapshot` reuses the copy of
    // an answer object it has already made.
    this.answers.values[fieldId] = { ...answer, origin: 'user' };
    this.#changed();
  }

  #changed(): void {
    this.revision++;
    this.saveStatus = '';
    this.#saveDraft();
  }

  /** Plain copies of the answer objects, by the state's object: each is copied once. */
  #copies = new WeakMap<object, Answer>();

  /**
   * A plain copy of the answers, for sending to the core. Answer objects are
   * replaced, never changed in place (`setValue`, `accept`), so the copy of
   * one that has not changed is reused: copying all of them on every
   * keystroke cost 8–20 ms in the webview (their sources are most of the
   * 280 KB), copying the one edited costs nothing worth measuring.
   */
  snapshot(): Answers {
    const values: Record<string, Answer> = {};
    for (const [id, answer] of Object.entries(this.answers.values)) {
      if (!answer) continue;
      let copy = this.#copies.get(answer);
      if (!copy) {
        copy = $state.snapshot(answer) as Answer;
        this.#copies.set(answer, copy);
      }
      values[id] = copy;
    }
    const current = this.answers.current_step;
    return current === undefined ? { values } : { values, current_step: current };
  }

  async #writeDraft(): Promise<void> {
    if (!this.project) return;
    try {
      await ipc.saveDraft(this.snapshot());
    } catch (error) {
      this.fail(error);
    }
  }

  /** Writes the plan; the status line says where. */
  async save(): Promise<void> {
    if (!this.project || this.saving) return;
    this.saving = true;
    this.saveStatus = 'Saving…';
    this.#saveDraft.cancel();
    try {
      const saved = await ipc.savePlan(this.snapshot());
      this.saveStatus = saved.backup
        ? `Saved to ${saved.path} (previous version kept as ${saved.backup})`
        : `Saved to ${saved.path}`;
      this.error = null;
    } catch (error) {
      this.saveStatus = 'Not saved.';
      await this.#explainFailedSave(ipc.toIpcError(error));
    } finally {
      this.saving = false;
    }
  }

  /** A save that did not go ahead: the dialog shows why and what can be done. */
  async #explainFailedSave(failure: IpcError): Promise<void> {
    if (failure.code === 'hand_edited') {
      try {
        const diff = await ipc.planDiff(this.snapshot());
        if (diff) {
          this.saveProblem = { kind: 'hand_edited', diff };
          return;
        }
      } catch {
        // Fall through: the plain message still says what happened.
      }
      failure.message = `${failure.message}. Nothing was overwritten.`;
      this.error = failure;
    } else if (failure.code === 'write_failed' || failure.code === 'target_is_folder') {
      this.saveProblem = { kind: 'failed', error: failure };
    } else {
      this.error = failure;
    }
  }

  dismissSaveProblem(): void {
    this.saveProblem = null;
  }

  /** Overwrites the hand-edited plan the user has just reviewed (a backup is kept). */
  async overwriteReviewed(): Promise<void> {
    const problem = this.saveProblem;
    if (problem?.kind !== 'hand_edited' || this.saving) return;
    await this.#saveWith(() => ipc.overwritePlan(this.snapshot(), problem.diff.disk_hash));
  }

  /** Keeps the hand-edited plan as it is: nothing is written. */
  async keepTheirs(): Promise<void> {
    if (this.saveProblem?.kind !== 'hand_edited') return;
    try {
      const path = await ipc.keepPlanOnDisk();
      this.saveProblem = null;
      this.saveStatus = `Kept your edited ${path}; nothing was overwritten. Your answers are in the draft.`;
    } catch (error) {
      this.saveProblem = null;
      this.fail(error);
    }
  }

  /** Saves the plan somewhere else, chosen in the native dialog. */
  async saveAs(): Promise<void> {
    if (this.saving) return;
    await this.#saveWith(() => ipc.savePlanAs(this.snapshot()));
  }

  async #saveWith(write: () => Promise<SavedPlan | null>): Promise<void> {
    this.saving = true;
    this.#saveDraft.cancel();
    try {
      const saved = await write();
      if (!saved) return;
      this.saveProblem = null;
      this.error = null;
      this.saveStatus = saved.backup
        ? `Saved to ${saved.path} (previous version kept as ${saved.backup})`
        : `Saved to ${saved.path}`;
    } catch (error) {
      this.saveProblem = null;
      this.saveStatus = 'Not saved.';
      await this.#explainFailedSave(ipc.toIpcError(error));
    } finally {
      this.saving = false;
    }
  }
}

export const app = new AppState();
