import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'webpack';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';

// The app the dictionary-delta tests build in versions (test/dictionaries.test.ts on webpack,
// test/bundlers/dictionaries.test.ts on every bundler), and what they read of its builds.

const sharedCode = Array.from(
  { length: 300 },
  (_, i) => `export function helper${i}(value) { return value * ${i} + ${JSON.stringify(`label ${i}`)}; }`,
).join('\n');

/** An app whose `main` entry changes with `edit`, and a lazy `settings` chunk that never does. */
export async function writeApp(context: string, edit: string): Promise<void> {
  await mkdir(path.join(context, 'src'), { recursive: true });
  await writeFile(
    path.join(context, 'src/shared.js'),
    `${sharedCode}\nexport const edition = ${JSON.stringify(edit)};\n`,
  );
  await writeFile(
    path.join(context, 'src/index.js'),
    `import * as shared from './shared.js';\nconsole.log(shared.edition, shared.helper7(3));\n` +
      `document.body.onclick = () => import(/* webpackChunkName: "settings" */ './settings.js').then((m) => m.open());\n`,
  );
  await writeFile(
    path.join(context, 'src/settings.js'),
    `export function open() { console.log(${JSON.stringify('settings '.repeat(200))}); }\n`,
  );
}

/** The app unminified, hashed names, every file compressed; the disk cache off unless `options` turn it on. */
export function appConfig(context: string, outputDir: string, options: CompressPluginOptions): Configuration {
  return {
    mode: 'production',
    context,
    entry: { main: './src/index.js' },
    output: {
      path: outputDir,
      publicPath: '/',
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
    },
    optimization: { minimize: false },
    infrastructureLogging: { level: 'error' },
    plugins: [new CompressPlugin({ threshold: 0, diskCache: false, ...options })],
  };
}

/** The emitted file of `main` or `settings` (`<name>.<8 hex>.js`). */
export function fileOf(result: BuildResult, chunk: 'main' | 'settings'): string {
  const name = [...result.files.keys()].find((file) =>
    new RegExp(`^${chunk}\\.[0-9a-f]{8}\\.js$`).test(file),
  );
  if (!name) throw new Error(`no ${chunk} chunk in ${[...result.files.keys()].join(', ')}`);
  return name;
}
export const mainOf = (result: BuildResult) => fileOf(result, 'main');
export const settingsOf = (result: BuildResult) => fileOf(result, 'settings');

/** The `.dcz` deltas a build wrote, sorted. */
export const deltasIn = (result: BuildResult) =>
  [...result.files.keys()].filter((name) => name.endsWith('.dcz')).sort();
