// Vitest projects: `node` for the simulation core and lesson models, `jsdom` for React views.
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default defineConfig({
  ...viteConfig,
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/sim/**/*.test.ts',
            'src/lessons/*/model/**/*.test.ts',
            'src/cli/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          globals: true,
          // Every test file outside the node project's folders runs here, so none is skipped.
          include: [
            'src/**/*.test.tsx',
            'src/state/**/*.test.ts',
            'src/url/**/*.test.ts',
            'src/components/**/*.test.ts',
            'src/pages/**/*.test.ts',
            'src/lessons/*/view/**/*.test.ts',
          ],
          setupFiles: ['./src/test/setup.ts'],
        },
      },
    ],
  },
});
