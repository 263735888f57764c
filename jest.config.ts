import type { Config } from 'jest';

// Tests import packages from source (`@packwise/x` -> packages/x/src), so `npm test` needs no build first.
// Type-checking happens in `npm run lint` (tsc --noEmit); ts-jest only transpiles (isolatedModules).
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/fixtures'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@packwise/([^/]+)$': '<rootDir>/packages/$1/src',
  },
  // Real webpack builds take seconds each on 2 cores.
  testTimeout: 120_000,
  maxWorkers: process.env.CI ? 2 : '50%',
};

export default config;
