import type { Compiler, Configuration, MultiStats, Stats } from 'webpack';
import { normalisePaths, readOutputFiles } from './output';
import { bundler } from './bundler';
import { makeTempDir, repoRoot } from './paths';

export interface BuildResult {
  stats: Stats;
  /** Where webpack wrote the build. */
  outputDir: string;
  /** Every emitted file, keyed by POSIX path relative to `outputDir`. */
  files: Map<string, Buffer>;
  /** Error messages, absolute paths replaced by `<output>`, `<context>` and `<root>`. */
  errors: string[];
  warnings: string[];
  /** An emitted file's bytes; throws listing what was emitted when it is missing. */
  read(name: string): Buffer;
  /** An emitted file as UTF-8 text. */
  text(name: string): string;
}

export interface CompilerOptions {
  /** Output directory; a fresh temp dir by default. */
  outputDir?: string;
}

/** A compiler of the bundler under test (webpack unless PACKWISE_BUNDLER says) writing to a temp dir (or `outputDir`). */
export async function createCompiler(
  config: Configuration,
  options: CompilerOptions = {},
): Promise<{ compiler: Compiler; outputDir: string }> {
  const outputDir = options.outputDir ?? (await makeTempDir('packwise-out-'));
  const compiler = bundler().create({ ...config, output: { ...config.output, path: outputDir } });
  return { compiler, outputDir };
}

/**
 * A problem's message without terminal decoration: where colours are on (`CI=true` turns them on), Rspack renders
 * each diagnostic with ANSI codes, a leading `⚠`/`×` and a trailing newline; webpack and Rspack without colours
 * give the bare message.
 */
const plainMessage = (message: string) =>
  message
    // eslint-disable-next-line no-control-regex -- the escape character is what is removed
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/^\s*[×⚠]\s+/, '')
    .replace(/\n+$/, '');

/** Collects what a finished build emitted and reported. */
export async function collectBuild(stats: Stats, outputDir: string): Promise<BuildResult> {
  const replacements = {
    [outputDir]: '<output>',
    [stats.compilation.compiler.context]: '<context>',
    [repoRoot]: '<root>',
  };
  const json = stats.toJson({ all: false, errors: true, warnings: true, errorDetails: false });
  const messages = (list: { message: string }[] = []) =>
    list.map((problem) => normalisePaths(plainMessage(problem.message), replacements));
  const files = await readOutputFiles(outputDir);
  const read = (name: string): Buffer => {
    const content = files.get(name);
    if (content) return content;
    throw new Error(`No emitted file "${name}"; emitted: ${[...files.keys()].join(', ') || 'nothing'}`);
  };
  return {
    stats,
    outputDir,
    files,
    errors: messages(json.errors),
    warnings: messages(json.warnings),
    read,
    text: (name) => read(name).toString('utf8'),
  };
}

/** Runs one build with an existing compiler (run it twice to test caching), without closing it. */
export function runCompiler(compiler: Compiler): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      if (error || !stats) return reject(error ?? new Error('webpack returned no stats'));
      collectBuild(stats, compiler.outputPath).then(resolve, reject);
    });
  });
}

/** Closes a compiler, which also stores its persistent cache. */
export function closeCompiler(compiler: Compiler): Promise<void> {
  return new Promise((resolve, reject) => compiler.close((error) => (error ? reject(error) : resolve())));
}

/** Builds `config` once with real webpack into a temp dir and returns what was emitted. */
export async function compile(config: Configuration, options: CompilerOptions = {}): Promise<BuildResult> {
  const { compiler } = await createCompiler(config, options);
  try {
    return await runCompiler(compiler);
  } finally {
    await closeCompiler(compiler);
  }
}

/** Builds `configs` as one webpack MultiCompiler, each into its own temp dir, and closes it. */
export async function compileMulti(configs: Configuration[]): Promise<BuildResult[]> {
  const outputDirs = await Promise.all(configs.map(() => makeTempDir('packwise-out-')));
  const compiler = bundler().createMulti(
    configs.map((config, index) => ({ ...config, output: { ...config.output, path: outputDirs[index] } })),
  );
  try {
    const multiStats = await new Promise<MultiStats>((resolve, reject) =>
      compiler.run((error, stats) =>
        error || !stats ? reject(error ?? new Error('no stats')) : resolve(stats),
      ),
    );
    return await Promise.all(
      multiStats.stats.map((stats, index) => collectBuild(stats, outputDirs[index] as string)),
    );
  } finally {
    await new Promise<void>((resolve, reject) =>
      compiler.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
