import type { Compilation } from 'webpack';

/**
 * `Promise.all([__webpack_require__.e(id), …])` as Rspack renders an `import()` of a chunk group with several
 * chunks (before minification), in the order of the group's chunks, an optional comment before the list.
 */
const ENSURE_ALL =
  /Promise\.all\((\/\*[\s\S]*?\*\/\s*)?\[((?:__webpack_require__\.e\([^()]*\)(?:,\s*)?)+)\]\)/g;
const ENSURE_ONE = /__webpack_require__\.e\(([^()]*)\)/g;

/** The chunk id in `__webpack_require__.e(<id>)` or `(<id>, "high")`, as `JSON.stringify` wrote it. */
const idOf = (args: string) => {
  const first = args.split(',')[0]?.trim() ?? '';
  try {
    return String(JSON.parse(first));
  } catch {
    return first;
  }
};

/** A range of a file's code to replace (`end` exclusive) and what goes there. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits that put the planned chunks of every `import()` in one chunk's JS in name order, where they already
 * stood. Rspack's split chunks insert chunks into a group in an order that follows their sizes, and its chunk
 * groups cannot be reordered from JavaScript (webpack's can: the plugin sorts them there), so an upgrade would
 * reorder a parent's `Promise.all([...])` and rename it.
 */
export function ensureCallEdits(code: string, nameOfId: ReadonlyMap<string, string>): Edit[] {
  const edits: Edit[] = [];
  for (const match of code.matchAll(ENSURE_ALL)) {
    const [whole, comment, list = ''] = match;
    const calls = [...list.matchAll(ENSURE_ONE)].map((call) => ({
      text: call[0],
      name: nameOfId.get(idOf(call[1] ?? '')),
    }));
    const places = calls.flatMap((call, index) => (call.name === undefined ? [] : [index]));
    const sorted = places
      .map((index) => calls[index]!)
      .sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : 1));
    const ordered = [...calls];
    places.forEach((index, n) => (ordered[index] = sorted[n]!));
    if (ordered.every((call, index) => call === calls[index])) continue;
    const start = match.index ?? 0;
    edits.push({
      start,
      end: start + whole.length,
      text: `Promise.all(${comment ?? ''}[${ordered.map((call) => call.text).join(', ')}])`,
    });
  }
  return edits;
}

/** `ensureCallEdits` applied to a string; undefined when nothing moves. */
export function orderEnsureCalls(code: string, nameOfId: ReadonlyMap<string, string>): string | undefined {
  const edits = ensureCallEdits(code, nameOfId);
  if (edits.length === 0) return undefined;
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + code.slice(at);
}

/**
 * Rspack: puts the planned chunks (`names`) of every `import()` in name order in each emitted JS file, before
 * the minimizer and the real content hash see them (PROCESS_ASSETS_STAGE_OPTIMIZE).
 */
export function orderPlannedChunksInAssets(compilation: Compilation, names: ReadonlySet<string>): void {
  const nameOfId = new Map<string, string>();
  for (const chunk of compilation.chunks)
    if (chunk.name && names.has(chunk.name) && chunk.id !== null) nameOfId.set(String(chunk.id), chunk.name);
  if (nameOfId.size < 2) return;
  const { ReplaceSource } = compilation.compiler.webpack.sources;
  for (const chunk of compilation.chunks) {
    for (const file of chunk.files) {
      if (!/\.[cm]?js(?:$|\?)/.test(file)) continue;
      const asset = compilation.getAsset(file);
      if (!asset) continue;
      const edits = ensureCallEdits(asset.source.source().toString(), nameOfId);
      if (edits.length === 0) continue;
      // A ReplaceSource keeps the file's source map right.
      const source = new ReplaceSource(asset.source);
      for (const { start, end, text } of edits) source.replace(start, end - 1, text);
      compilation.updateAsset(file, source);
    }
  }
}
