/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is served by Tauri from ui/dist (relative asset paths) and, in
// development, from a fixed port that tauri.conf.json's devUrl points at.
// Nothing is fetched from a CDN: Mermaid is bundled and loaded on demand.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // Mermaid's lazily loaded chunks are large by nature; they are never on the
    // path to first paint.
    chunkSizeWarningLimit: 1500,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.svelte.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    restoreMocks: true,
  },
});
