// A scriptable stand-in for the Rust core in unit tests, on top of
// @tauri-apps/api/mocks. Records every call so tests can assert on them.
import { mockIPC } from '@tauri-apps/api/mocks';
import { definition, sampleProject } from './fixtures';

export type Call = { command: string; args: Record<string, unknown> };
export type Handler = (args: Record<string, unknown>) => unknown;

export function mockCore(overrides: Record<string, Handler> = {}): Call[] {
  const calls: Call[] = [];
  const handlers: Record<string, Handler> = {
    startup_project: () => null,
    wizard_definition: () => definition,
    recent_projects: () => [],
    pick_folder: () => null,
    open_sample_project: () => sampleProject(),
    open_project: () => sampleProject(),
    render_preview: () => ({ markdown: '# Plan', parts: ['<h1>Plan</h1>'], core_ms: 1 }),
    save_draft: () => null,
    save_plan: () => ({ path: '/home/me/shop/project_docs/deploymentPlan.md', backup: null }),
    sync_menu: () => null,
    cancel_task: () => null,
    about_app: () => ({ name: 'deployplan-app', version: '0.1.0', license: 'MIT', drawing: 'no_gpu_found' }),
    ...overrides,
  };
  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ command, args });
    const handler = handlers[command];
    if (!handler) throw { code: 'unknown_command', message: `no mock for ${command}` };
    return handler(args);
  });
  return calls;
}

/** The calls of one command. */
export function callsOf(calls: Call[], command: string): Call[] {
  return calls.filter((call) => call.command === command);
}
