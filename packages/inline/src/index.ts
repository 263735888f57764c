export * from './assets';
export { InlineHtmlPlugin, HTML_PLUGIN_NAME } from './html/plugin';
export type { InlineHtmlPluginOptions, CspOptions, ChunkSelection, ChunkNamePattern } from './html/options';
export type { InlineHtmlReport, PageReport } from './html/report';
export type { InlinedFile } from './html/page';
export type { PageCsp } from './html/csp-meta';
