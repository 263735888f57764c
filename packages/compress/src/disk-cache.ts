import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, sha256 } from '@packwise/core';

/** Bumped when the entry format or the key's parts change: older entries are then simply never read. */
const FORMAT = 'packwise-compress-1';
/** An entry: this magic, the SHA-256 of the payload, the payload. */
const MAGIC = Buffer.from('PWC1');
const HEADER = MAGIC.length + 32;
const ENTRY = /^[0-9a-f]{64}\.bin$/;
const TEMPORARY = /\.tmp$/;
/** A temporary file this old belongs to a build that died before renaming it. */
const STALE_TEMPORARY_MS = 10 * 60_000;

export interface DiskCacheCounts {
  /** Entries read back intact. */
  read: number;
  written: number;
  /** Entries that were unreadable or did not match their checksum: ignored, recomputed and replaced. */
  corrupt: number;
  /** Entries that could not be written (see `failure`). */
  failed: number;
}

/**
 * Encodings on disk, shared by every build (and process) that uses the same folder: one file per entry named by
 * the digest of its key, written to a temporary file and renamed so readers never see half an entry, its mtime
 * the time it was last used. `evict()` removes the least recently used entries above `maxSize` bytes.
 */
export class DiskCache {
  private counts: DiskCacheCounts = { read: 0, written: 0, corrupt: 0, failed: 0 };
  /** The entries this and the previous compilation used: a rebuild gets the very same Buffer (no rewrite). */
  private current = new Map<string, Buffer>();
  private previous = new Map<string, Buffer>();
  private ready?: Promise<unknown>;
  /** Why the last failed write failed. */
  private failure?: string;

  constructor(
    readonly directory: string,
    readonly maxSize: number,
  ) {}

  /** The key of an output: the input's SHA-256 (hex) and every setting that changes the output. */
  static key(parts: unknown[], inputHash: string): string {
    return digestOf([FORMAT, ...parts, inputHash]);
  }

  /** A new compilation: entries the one before did not use leave memory. */
  startCompilation(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The counts since the last call (and why a write failed), then starts counting again. */
  takeCounts(): DiskCacheCounts & { failure?: string } {
    const counts = { ...this.counts, ...(this.failure ? { failure: this.failure } : {}) };
    this.counts = { read: 0, written: 0, corrupt: 0, failed: 0 };
    this.failure = undefined;
    return counts;
  }

  private file(key: string): string {
    return path.join(this.directory, `${key}.bin`);
  }

  /** The entry, or undefined when it is missing or corrupt (a corrupt one is removed). */
  async get(key: string): Promise<Buffer | undefined> {
    const known = this.current.get(key) ?? this.previous.get(key);
    if (known) {
      this.current.set(key, known);
      return known;
    }
    const file = this.file(key);
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return undefined;
    }
    const payload = content.subarray(HEADER);
    if (
      content.length < HEADER ||
      !content.subarray(0, MAGIC.length).equals(MAGIC) ||
      !content.subarray(MAGIC.length, HEADER).equals(sha256(payload))
    ) {
      this.counts.corrupt += 1;
      await rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    this.counts.read += 1;
    // Used now: the last to be evicted. Another build may have just evicted it, which costs nothing here.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    const output = Buffer.from(payload);
    this.current.set(key, output);
    return output;
  }

  /**
   * Stores an entry atomically: two builds writing the same key at once leave one whole entry. A failure (a
   * read-only or full disk) is counted and kept in `failure`, never thrown: the build has its output anyway.
   */
  async put(key: string, output: Buffer): Promise<void> {
    this.current.set(key, output);
    const file = this.file(key);
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      this.ready ??= mkdir(this.directory, { recursive: true });
      await this.ready;
      await writeFile(temporary, Buffer.concat([MAGIC, sha256(output), output]));
      await rename(temporary, file);
      this.counts.written += 1;
    } catch (error) {
      this.ready = undefined;
      this.counts.failed += 1;
      this.failure = error instanceof Error ? error.message : String(error);
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  /** Removes the least recently used entries until the folder holds at most maxSize bytes. */
  async evict(): Promise<{ evicted: number; bytes: number }> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const now = Date.now();
    const entries: { file: string; size: number; used: number }[] = [];
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.directory, name);
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile()) return;
        if (ENTRY.test(name)) entries.push({ file, size: info.size, used: info.mtimeMs });
        else if (TEMPORARY.test(name) && now - info.mtimeMs > STALE_TEMPORARY_MS)
          await rm(file, { force: true }).catch(() => undefined);
      }),
    );
    // Newest first; equal times by name, so two processes evicting at once agree on what to remove.
    entries.sort((a, b) => b.used - a.used || a.file.localeCompare(b.file));
    let bytes = 0;
    let evicted = 0;
    let full = false;
    for (const entry of entries) {
      full ||= bytes + entry.size > this.maxSize;
      if (!full) {
        bytes += entry.size;
        continue;
      }
      await rm(entry.file, { force: true }).catch(() => undefined);
      evicted += 1;
    }
    return { evicted, bytes };
  }
}
