import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The web app is its own Vite root; the build goes to web/dist, which `storyline serve` serves.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data URLs: the server's Content-Security-Policy allows only same-origin files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
