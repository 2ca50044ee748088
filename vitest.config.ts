import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Real HTTP, real SQLite files and the real keychain: give integration tests room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000
        }
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.tsx'],
          testTimeout: 15_000
        }
      }
    ]
  }
})
