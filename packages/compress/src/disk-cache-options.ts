import path from 'node:path';
import type { Compiler } from 'webpack';
import { isRspack, parseBytes, rspackPersistentCacheDirectory } from '@packwise/core';
import type { ByteSize } from '@packwise/core';
import { DiskCache } from './disk-cache';

export interface DiskCacheOptions {
  /**
   * The folder (absolute, or relative to the compiler's context). @default `packwise-compress` beside Rspack's
   * persistent cache directory when that cache is on, else `node_modules/.cache/packwise-compress`
   */
  directory?: string;
  /** At most this many bytes on disk (`"256 MiB"`); the least recently used entries go first. @default '256 MiB' */
  maxSize?: ByteSize;
}

/**
 * `'auto'`: on Rspack, whose `compilation.getCache` keeps nothing across processes; on webpack, its own cache
 * (persistent with `cache.type: 'filesystem'`). `true` or an object: on every bundler. `false`: off.
 */
export type DiskCacheOption = 'auto' | boolean | DiskCacheOptions;

export const DEFAULT_DISK_CACHE_SIZE = 256 * 2 ** 20;
export const DEFAULT_DISK_CACHE_DIRECTORY = 'node_modules/.cache/packwise-compress';

/** The disk cache this compiler uses, or undefined when the option leaves it off for this bundler. */
export function createDiskCache(option: DiskCacheOption, compiler: Compiler): DiskCache | undefined {
  if (option === false || (option === 'auto' && !isRspack(compiler))) return undefined;
  const { directory, maxSize } = typeof option === 'object' ? option : {};
  const rspack = rspackPersistentCacheDirectory(compiler);
  let folder = path.join(compiler.context, DEFAULT_DISK_CACHE_DIRECTORY);
  if (directory) folder = path.resolve(compiler.context, directory);
  // Beside Rspack's folder, not in it: Rspack 1.7 removes what it did not write there when the compiler closes.
  else if (rspack) folder = path.join(path.dirname(rspack), 'packwise-compress');
  return new DiskCache(folder, maxSize === undefined ? DEFAULT_DISK_CACHE_SIZE : parseBytes(maxSize));
}
