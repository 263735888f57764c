export { run } from './run';
export { COMMANDS } from './commands';
export type { Command } from './commands';
export { commandOf } from './load';
export { EXIT, UsageError } from './io';
export type { OutputStream, RunOptions } from './io';
