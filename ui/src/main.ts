import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// In a plain browser during development there is no Rust core; stand one in.
if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
  const { installDevBackend } = await import('./lib/testing/devBackend');
  installDevBackend();
}

export default mount(App, { target });
