import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const serverOrigin = process.env.BANSO_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Every browser the desks use supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    // GraphiQL is a development tool and one large chunk on purpose.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // react-compiler-runtime (inside GraphiQL) opens with "use no memo", meant for the React
      // compiler; the bundle does not need it, so the notice about dropping it is noise.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
      output: {
        // What both pages use (React, the endpoint, the locale choice) goes into one chunk named for that.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/](graphql[\\/]endpoint|i18n[\\/]locale)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: serverOrigin, changeOrigin: false },
      '/locales': { target: serverOrigin, changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
