// One production build of a project with CompressPlugin, run by disk-cache.test.ts in a process of its own
// (`node -r ts-node/register/transpile-only -r tsconfig-paths/register`, PACKWISE_BUNDLER naming the bundler):
// what a separate `webpack`/`rspack` run does. Prints the build's outcome as one JSON line.
import zlib from 'node:zlib';
import { CompressPlugin, PLUGIN_NAME } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { bundler, compile } from '@packwise/test-utils';
import { compressConfig, compressCounts } from '../helpers';

export interface ChildRequest {
  context: string;
  outputDir: string;
  /** The plugin's options; `custom: true` adds a custom compressor (functions do not cross processes). */
  options: CompressPluginOptions & { custom?: boolean };
}

export interface ChildResult {
  bundler: string;
  errors: string[];
  warnings: string[];
  counts: ReturnType<typeof compressCounts>;
  /** The plugin's `disk cache …` log lines. */
  disk: string[];
}

async function main(): Promise<void> {
  const { context, outputDir, options } = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
  const { custom, ...ours } = options;
  const algorithms = [
    ...(ours.algorithms ?? ['gzip', 'brotli']),
    ...(custom
      ? [
          {
            name: 'raw',
            algorithm: (input: Buffer, _: unknown, done: zlib.CompressCallback) =>
              zlib.deflateRaw(input, done),
          },
        ]
      : []),
  ];
  const build = await compile(
    compressConfig({ context, plugins: [new CompressPlugin({ ...ours, algorithms })] }),
    { outputDir },
  );
  const logging = build.stats.toJson({ all: false, logging: 'log' }).logging ?? {};
  const disk = (logging[PLUGIN_NAME]?.entries ?? [])
    .map((entry) => entry.message ?? '')
    .filter((message) => message.startsWith('disk cache '));
  const result: ChildResult = {
    bundler: `${bundler().name} ${bundler().version}`,
    errors: build.errors,
    warnings: build.warnings,
    counts: compressCounts(build),
    disk,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
