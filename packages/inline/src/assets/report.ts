import path from 'node:path';
import type { Chunk, Compilation } from 'webpack';
import { formatBytes } from '@packwise/core';
import { costByChunk } from './budget';
import type { Decision, DecisionReason } from './budget';
import { emittedFile } from './css';
import type { AssetKind, ResolvedOptions } from './options';

export interface ReportAsset {
  /** The source file, relative to webpack's context, with `/` separators. */
  resource: string;
  kind: AssetKind;
  /** Characters of its `data:` URI. */
  bytes: number;
  inlined: boolean;
  reason: DecisionReason;
  /** The emitted file, when not inlined. */
  file?: string;
  /** Chunks whose code or CSS references it. */
  chunks: string[];
}

export interface ReportChunk {
  chunk: string;
  /** Characters of `data:` URIs inlined into the chunk's JS and CSS (what the budget counts). */
  inlinedBytes: number;
  /** Each with the characters it adds to this chunk: twice its URI when both JS and CSS hold it. */
  inlined: { resource: string; bytes: number }[];
  /** Assets that fit `maxSize` but not the chunk's budget, emitted as files. */
  refused: { resource: string; bytes: number }[];
}

/** What the emitted JSON report holds. */
export interface InlineAssetsReport {
  maxSize: Record<AssetKind, number>;
  /** null when the budget is off. */
  maxInlinedBytesPerChunk: number | null;
  chunks: ReportChunk[];
  assets: ReportAsset[];
}

function chunkLabel(chunk: Chunk): string {
  return chunk.name ?? String(chunk.id);
}

export function buildReport(
  compilation: Compilation,
  decisions: Decision[],
  options: ResolvedOptions,
): InlineAssetsReport {
  const context = compilation.compiler.context;
  const chunks = new Map<Chunk, ReportChunk>();
  const entryOf = (chunk: Chunk) => {
    let entry = chunks.get(chunk);
    if (!entry) {
      entry = { chunk: chunkLabel(chunk), inlinedBytes: 0, inlined: [], refused: [] };
      chunks.set(chunk, entry);
    }
    return entry;
  };
  const assets = decisions.map((decision): ReportAsset => {
    const { module, record, inline, reason } = decision;
    const resource = path
      .relative(context, module.nameForCondition() ?? module.identifier())
      .split(path.sep)
      .join('/');
    const costs = costByChunk(decision);
    for (const [chunk, bytes] of costs) {
      const entry = entryOf(chunk);
      if (inline) {
        entry.inlined.push({ resource, bytes });
        entry.inlinedBytes += bytes;
      } else if (reason === 'budget') {
        entry.refused.push({ resource, bytes });
      }
    }
    const file = inline ? undefined : emittedFile(compilation, module);
    return {
      resource,
      kind: record.kind,
      bytes: record.encodedLength,
      inlined: inline,
      reason,
      ...(file === undefined ? {} : { file }),
      chunks: [...costs.keys()].map(chunkLabel).sort(),
    };
  });
  const budget = options.maxInlinedBytesPerChunk;
  return {
    maxSize: { ...options.maxSize },
    maxInlinedBytesPerChunk: Number.isFinite(budget) ? budget : null,
    chunks: [...chunks.values()].sort((a, b) => a.chunk.localeCompare(b.chunk)),
    assets: assets.sort((a, b) => a.resource.localeCompare(b.resource)),
  };
}

/** The report as log lines: a summary, then one line per chunk and per asset in it. */
export function reportLines(report: InlineAssetsReport): string[] {
  const inlined = report.assets.filter((asset) => asset.inlined).length;
  const refused = report.assets.filter((asset) => asset.reason === 'budget').length;
  const tooLarge = report.assets.filter((asset) => asset.reason === 'maxSize').length;
  const budget = report.maxInlinedBytesPerChunk;
  const lines = [
    `${report.assets.length} assets: ${inlined} inlined, ${refused} refused by the budget, ${tooLarge} above maxSize`,
  ];
  for (const chunk of report.chunks) {
    const limit = budget === null ? 'no budget' : `budget ${formatBytes(budget)}`;
    lines.push(
      `chunk ${chunk.chunk}: ${formatBytes(chunk.inlinedBytes)} inlined (${limit}), ` +
        `${chunk.inlined.length} inlined, ${chunk.refused.length} refused`,
    );
    for (const asset of chunk.inlined)
      lines.push(`  inlined  ${formatBytes(asset.bytes).padStart(8)}  ${asset.resource}`);
    for (const asset of chunk.refused)
      lines.push(`  refused  ${formatBytes(asset.bytes).padStart(8)}  ${asset.resource}`);
  }
  return lines;
}
