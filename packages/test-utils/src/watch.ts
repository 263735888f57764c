import type { Configuration } from 'webpack';
import { collectBuild, createCompiler } from './compile';
import type { BuildResult, CompilerOptions } from './compile';

export interface WatchSession {
  /** The next finished build (the first call gives the initial build). Rejects on a fatal webpack error. */
  next(): Promise<BuildResult>;
  /** Stops watching and closes the compiler. */
  close(): Promise<void>;
}

/**
 * Starts webpack in watch mode. Edit a watched file after `next()` resolved, then `await next()` again to
 * get the rebuild — the way a developer's save triggers an incremental build.
 */
export async function startWatch(
  config: Configuration,
  options: CompilerOptions = {},
): Promise<WatchSession> {
  const { compiler, outputDir } = await createCompiler(config, options);
  const finished: Promise<BuildResult>[] = [];
  const waiting: ((build: Promise<BuildResult>) => void)[] = [];

  const watching = compiler.watch({ aggregateTimeout: 20 }, (error, stats) => {
    const build =
      error || !stats
        ? Promise.reject(error ?? new Error('webpack returned no stats'))
        : collectBuild(stats, outputDir);
    build.catch(() => undefined); // handled by whoever calls next()
    const waiter = waiting.shift();
    if (waiter) waiter(build);
    else finished.push(build);
  });

  if (!watching) throw new Error('webpack did not start watching');
  return {
    next: () => finished.shift() ?? new Promise<BuildResult>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        watching.close((closeError) => {
          if (closeError) return reject(closeError);
          compiler.close((error) => (error ? reject(error) : resolve()));
        });
      }),
  };
}
