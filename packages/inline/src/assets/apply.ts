import type { Compilation } from 'webpack';
import type { Decision } from './budget';
import { setDataUrl } from './wish';

/** The source type of the file an asset module emits. */
const ASSET_SOURCE_TYPE = 'asset';

/**
 * Makes webpack's AssetGenerator follow the decisions: `buildInfo.dataUrl` is set on every module, every
 * build (the cached value may be last build's). Runs after the chunks are final and before module
 * concatenation, ids, hashing and code generation, which all read it.
 *
 * A module whose value changed is reconnected to its chunks, dropping the chunks' cached per-source-type
 * module lists and sizes. A refused module that no chunk contains (only CSS references it) is added to the
 * first chunk of that CSS as an asset-only module, so webpack emits its file once, under its usual name.
 */
export function applyDecisions(compilation: Compilation, decisions: Decision[]): void {
  const { chunkGraph } = compilation;
  for (const decision of decisions) {
    const { module, inline } = decision;
    const changed = (module.buildInfo as { dataUrl?: boolean } | undefined)?.dataUrl !== inline;
    setDataUrl(module, inline);
    if (changed) {
      for (const chunk of decision.chunks) {
        chunkGraph.disconnectChunkAndModule(chunk, module);
        chunkGraph.connectChunkAndModule(chunk, module);
      }
    }
    const host = decision.buildTimeChunks[0];
    if (!inline && decision.reason === 'budget' && decision.chunks.length === 0 && host) {
      chunkGraph.connectChunkAndModule(host, module);
      chunkGraph.setChunkModuleSourceTypes(host, module, new Set([ASSET_SOURCE_TYPE]));
    }
  }
}
