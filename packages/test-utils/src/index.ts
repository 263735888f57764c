export { compile, compileMulti, createCompiler, runCompiler, closeCompiler, collectBuild } from './compile';
export type { BuildResult, CompilerOptions } from './compile';
export { startWatch } from './watch';
export type { WatchSession } from './watch';
export { decompress } from './decompress';
export { readOutputFiles, normalisePaths } from './output';
export { fixturePath, makeTempDir, repoRoot, toPosix } from './paths';
