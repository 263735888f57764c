export { CompressPlugin, PLUGIN_NAME } from './plugin';
export { DEFAULT_FILENAMES, DEFAULT_SKIPPED_EXTENSIONS } from './options';
export type {
  AlgorithmName,
  BrotliOptions,
  CompressPluginOptions,
  FilenameTemplate,
  GzipOptions,
} from './options';
export type { Manifest, ManifestEncoding, ManifestEntry } from './manifest';
export { optionsSchema } from './options-schema';

import { CompressPlugin } from './plugin';
export default CompressPlugin;
