export { CompressPlugin, PLUGIN_NAME } from './plugin';
export { BUILTIN_ALGORITHMS, DEFAULT_FILENAMES, DEFAULT_SKIPPED_EXTENSIONS, SUFFIXES } from './options';
export type {
  AlgorithmCallback,
  AlgorithmFunction,
  AlgorithmSpec,
  BrotliOptions,
  BuiltinAlgorithm,
  CompressPluginOptions,
  CustomAlgorithm,
  FilenameTemplate,
  GzipOptions,
  ZlibOptions,
  ZstdOptions,
} from './options';
export type { Manifest, ManifestEncoding, ManifestEntry } from './manifest';
export { optionsSchema } from './options-schema';

import { CompressPlugin } from './plugin';
export default CompressPlugin;
