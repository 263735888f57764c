import { readFile } from 'node:fs/promises';
import type { BaselineInput } from './build';
import { readModelFromHtml } from './render';

/** A file that cannot be read or is not what it should be; the message names it. */
export class InputError extends Error {}

export async function readJson<T>(file: string, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(`cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InputError(`${what} ${file} is not JSON`);
  }
}

/** A baseline file: an earlier packwise-report.html (its embedded model), packwise-report.json or stats JSON. */
export async function readBaseline(file: string, what = 'baseline'): Promise<BaselineInput> {
  if (!/\.html?$/.test(file)) return readJson<BaselineInput>(file, what);
  const html = await readFile(file, 'utf8').catch(() => {
    throw new InputError(`cannot read ${what} ${file}`);
  });
  const model = readModelFromHtml(html);
  if (!model) throw new InputError(`${what} ${file} is not a packwise report page`);
  return model;
}
