import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Served by Hotspot.Api at /admin; `npm run dev` proxies the API so the app can be worked on with hot reload.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is big; it loads only on the explorer screen.
    chunkSizeWarningLimit: 5000,
    sourcemap: false,
    rolldownOptions: {
      // GraphiQL's packages carry React Compiler directives ("use no memo") that a bundle drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': process.env.HOTSPOT_API ?? 'http://127.0.0.1:5080',
      '/portal': process.env.HOTSPOT_API ?? 'http://127.0.0.1:5080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
