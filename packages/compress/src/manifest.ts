export interface ManifestEncoding {
  file: string;
  size: number;
}

export interface ManifestEntry {
  /** The original's size in bytes. */
  size: number;
  /** The encodings written for it, by algorithm name; one is missing when its output was above minRatio. */
  encodings: Record<string, ManifestEncoding>;
}

/** What `compress-manifest.json` holds: every compressed original with its encodings. */
export interface Manifest {
  assets: Record<string, ManifestEntry>;
}

export class ManifestCollector {
  private readonly entries = new Map<string, ManifestEntry>();

  add(name: string, size: number): ManifestEntry {
    const entry: ManifestEntry = { size, encodings: {} };
    this.entries.set(name, entry);
    return entry;
  }

  toJSON(): Manifest {
    const names = [...this.entries.keys()].sort();
    return {
      assets: Object.fromEntries(names.map((name) => [name, this.entries.get(name) as ManifestEntry])),
    };
  }
}
