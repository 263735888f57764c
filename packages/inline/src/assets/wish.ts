import type { Module } from 'webpack';
import type { AssetKind } from './options';

/**
 * What the parser measured, kept on `buildInfo` so that it survives webpack's memory and filesystem caches.
 * `buildInfo.dataUrl` itself is rewritten by the budget after chunking and is therefore never trusted.
 */
export interface InlineRecord {
  kind: AssetKind;
  /** Characters of the file's `data:` URI. */
  encodedLength: number;
}

const KEY = 'packwiseInlineAsset';

type BuildInfo = Record<string, unknown>;

function buildInfoOf(module: Module): BuildInfo | undefined {
  return module.buildInfo as BuildInfo | undefined;
}

export function recordOf(module: Module): InlineRecord | undefined {
  return buildInfoOf(module)?.[KEY] as InlineRecord | undefined;
}

export function setRecord(module: Module, record: InlineRecord): void {
  const buildInfo = buildInfoOf(module);
  if (buildInfo) buildInfo[KEY] = record;
}

/** The module's caches of what `buildInfo.dataUrl` decides (webpack internals, absent in other versions). */
interface SourceCaches {
  _sourceTypes?: unknown;
  _sourceSizes?: Map<unknown, number>;
}

/**
 * Sets whether webpack's AssetGenerator inlines the module (`true`) or emits it as a file (`false`), and
 * drops the module's cached source types and sizes, which were computed from the previous value.
 */
export function setDataUrl(module: Module, inline: boolean): void {
  const buildInfo = buildInfoOf(module);
  if (!buildInfo) return;
  buildInfo.dataUrl = inline;
  const caches = module as unknown as SourceCaches;
  if ('_sourceTypes' in caches) caches._sourceTypes = undefined;
  caches._sourceSizes?.clear();
}

/** An asset module a module's build embedded through build-time execution (css-loader's `url()` imports). */
export interface BuildTimeRef {
  identifier: string;
  /** The request that creates the asset module again (its resource). */
  request: string;
}

const REFS_KEY = 'packwiseInlineBuildTimeRefs';

/** The assets a module's build embedded, recorded on its `buildInfo` so cached builds still know them. */
export function refsOf(module: Module): BuildTimeRef[] {
  return (buildInfoOf(module)?.[REFS_KEY] as BuildTimeRef[] | undefined) ?? [];
}

export function setRefs(module: Module, refs: BuildTimeRef[]): void {
  const buildInfo = buildInfoOf(module);
  if (buildInfo) buildInfo[REFS_KEY] = refs;
}
