export { InlineAssetsPlugin, ASSETS_PLUGIN_NAME } from './plugin';
export { DEFAULT_ASSET_TESTS, DEFAULT_MAX_INLINED_BYTES_PER_CHUNK, DEFAULT_MAX_SIZE } from './options';
export type { AssetFilename, AssetKind, InlineAssetsPluginOptions } from './options';
export type { InlineAssetsReport, ReportAsset, ReportChunk } from './report';
export type { DecisionReason } from './budget';
export { optionsSchema as inlineAssetsOptionsSchema } from './options-schema';
