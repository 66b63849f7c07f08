// The application's state: the wizard definition, the open project, the
// answers and where the user is. Components read it and call its methods;
// the methods talk to the core through ipc.ts.
import type { Answers } from '../bindings/Answers';
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
  type WizardDefinition,
} from '../types';
import { debounce } from './debounce';

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
  /** Bumped on every change of a value, so the preview knows to refresh. */
  revision = $state(0);
  /** A field to focus once its step is shown (instead of the step heading). */
  focusField = $state<string | null>(null);
  /** The document (and lines) shown in the read-only viewer, if any. */
  viewing = $state<DocumentLocation | null>(null);
  /** The document whose role is being changed. */
  reassigning = $state<string | null>(null);

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
    this.revision = 0;
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
    if (startup.status === 'fulfilled') {
      if (startup.value) this.#show(startup.value);
    } else this.fail(startup.reason);
  }

  async openFolder(): Promise<void> {
    let path: string | null;
    try {
      path = await ipc.pickFolder();
    } catch (error) {
      this.fail(error);
      return;
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
    this.opening = true;
    this.error = null;
    try {
      const project = await load();
      if (!this.definition) this.definition = await ipc.wizardDefinition();
      this.#show(project);
    } catch (error) {
      this.fail(error);
    } finally {
      this.opening = false;
    }
  }

  #show(project: ProjectView): void {
    this.#saveDraft.cancel();
    this.project = project;
    this.answers = { values: { ...project.answers.values }, current_step: project.answers.current_step };
    this.viewing = null;
    this.saveStatus = '';
    this.error = null;
    this.revision++;
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
    answer.origin = 'user';
    this.#changed();
  }

  #changed(): void {
    this.revision++;
    this.saveStatus = '';
    this.#saveDraft();
  }

  /** A plain copy of the answers, for sending to the core. */
  snapshot(): Answers {
    return $state.snapshot(this.answers) as Answers;
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
      const failure = ipc.toIpcError(error);
      if (failure.code === 'hand_edited') {
        failure.message = `${failure.message}. Nothing was overwritten.`;
      }
      this.error = failure;
    } finally {
      this.saving = false;
    }
  }
}

export const app = new AppState();
