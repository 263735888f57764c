import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

/** Reads a JSON file named by an option, as a UsageError naming the option and file when it cannot. */
export async function readJsonFile(cwd: string, file: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`${option} ${file}: ${(code && REASONS[code]) ?? message}`);
  }
  if (text.trim() === '') throw new UsageError(`${option} ${file}: the file is empty`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError(`${option} ${file}: not valid JSON (${(error as Error).message})`);
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
