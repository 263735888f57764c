import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from './commands';

/** `packwise --help`: the commands and their packages, from the table (no command is loaded). */
export function usage(commands: Readonly<Record<string, Command>>): string {
  const entries = Object.entries(commands);
  const width = Math.max(...entries.map(([name]) => name.length));
  const lines = entries.map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  const synopses = entries.map(([, command]) => `  packwise ${command.usage}`);
  return `Usage: packwise <command> [options]

Commands:
${lines.join('\n')}

${synopses.join('\n')}

packwise <command> --help shows the options of a command.

Options:
  -h, --help   show this help
  --version    show the version of @packwise/cli

Exit codes: 0 success, 1 a budget failed (check) or the command failed, 2 a usage or input error.
`;
}

/** This package's version (package.json is one level up from both src and dist). */
export function version(): string {
  const manifest = readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
