import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/runner/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'src/**/*.test.ts',
    ],
    testTimeout: 30_000,
  },
});
