import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { interceptLinks } from './lib/links';
// Applies the light or dark theme before anything is drawn.
import './lib/state/theme.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// No link anywhere (rendered plan, review mode, documents) navigates the
// window: web links open in the system browser on a click, others do nothing.
interceptLinks(document.documentElement);

export default mount(App, { target });
