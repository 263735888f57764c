import path from 'node:path';
import type { Chunk, Compilation } from 'webpack';
import { formatBytes } from '@packwise/core';
import { costByChunk } from './budget';
import type { Decision, DecisionReason } from './budget';
import { emittedFile } from './css';
import type { AssetKind, ResolvedOptions } from './options';
import type { InlineRecord } from './wish';

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

/** One decided asset as the report shows it, whichever bundler decided it. */
export interface ReportEntry {
  resource: string;
  record: InlineRecord;
  inline: boolean;
  reason: DecisionReason;
  file: string | undefined;
  /** Characters its URI adds (or would add) to each chunk, by chunk label. */
  costs: Map<string, number>;
}

/** webpack's decisions as report entries. */
export function webpackReportEntries(compilation: Compilation, decisions: Decision[]): ReportEntry[] {
  const context = compilation.compiler.context;
  return decisions.map((decision) => {
    const costs = new Map<string, number>();
    for (const [chunk, bytes] of costByChunk(decision)) costs.set(chunkLabel(chunk), bytes);
    return {
      resource: path
        .relative(context, decision.module.nameForCondition() ?? decision.module.identifier())
        .split(path.sep)
        .join('/'),
      record: decision.record,
      inline: decision.inline,
      reason: decision.reason,
      file: decision.inline ? undefined : emittedFile(compilation, decision.module),
      costs,
    };
  });
}

export function buildReport(entries: ReportEntry[], options: ResolvedOptions): InlineAssetsReport {
  const chunks = new Map<string, ReportChunk>();
  const entryOf = (label: string) => {
    let entry = chunks.get(label);
    if (!entry) {
      entry = { chunk: label, inlinedBytes: 0, inlined: [], refused: [] };
      chunks.set(label, entry);
    }
    return entry;
  };
  const assets = entries.map(({ resource, record, inline, reason, file, costs }): ReportAsset => {
    for (const [label, bytes] of costs) {
      const entry = entryOf(label);
      if (inline) {
        entry.inlined.push({ resource, bytes });
        entry.inlinedBytes += bytes;
      } else if (reason === 'budget') {
        entry.refused.push({ resource, bytes });
      }
    }
    return {
      resource,
      kind: record.kind,
      bytes: record.encodedLength,
      inlined: inline,
      reason,
      ...(file === undefined ? {} : { file }),
      chunks: [...costs.keys()].sort(),
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
