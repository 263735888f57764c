import type { Config } from 'jest';

// Tests import packages from source (`@packwise/x` -> packages/x/src), so `npm test` needs no build first.
// Type-checking happens in `npm run lint` (tsc --noEmit); ts-jest only transpiles (isolatedModules).
const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/fixtures'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // @rspack/core 2.x is ESM only, which jest cannot require on Node 20 (jest/esm-to-cjs.cjs).
    '/node_modules/@rspack/core/dist/.+\\.js$': '<rootDir>/jest/esm-to-cjs.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!@rspack/core/dist/)'],
  moduleNameMapper: {
    '^@packwise/([^/]+)$': '<rootDir>/packages/$1/src',
    '^@packwise/preset/rspack$': '<rootDir>/packages/preset/src/rspack',
  },
} satisfies Config;

/**
 * Every test runs on webpack; the cross-bundler suites (`test/bundlers/`) run again on Rspack 2.x and 1.7
 * (PACKWISE_BUNDLER, read by @packwise/test-utils' `bundler()`). `--selectProjects rspack` runs one.
 */
const rspackProject = (displayName: string, bundler: string) => ({
  ...project,
  displayName,
  testMatch: ['**/test/bundlers/**/*.test.ts'],
  setupFiles: [`<rootDir>/jest/bundler-${bundler}.cjs`],
});

const config: Config = {
  projects: [
    { ...project, displayName: 'webpack' },
    rspackProject('rspack', 'rspack'),
    rspackProject('rspack-1', 'rspack-1'),
  ],
  // Real builds take seconds each on 2 cores.
  testTimeout: 120_000,
  maxWorkers: process.env.CI ? 2 : '50%',
};

export default config;
