export interface ManifestEncoding {
  file: string;
  size: number;
}

/** A delta of the original against an earlier version (RFC 9842). */
export interface ManifestDelta {
  encoding: 'dcz';
  file: string;
  size: number;
  /** SHA-256 (hex) of the earlier version: the request's `Available-Dictionary` names it (base64). */
  dictionary: string;
  /** The earlier version's file name. */
  previous: string;
}

export interface ManifestEntry {
  /** The original's size in bytes. */
  size: number;
  /** The encodings written for it, by algorithm name; one is missing when its output was above minRatio. */
  encodings: Record<string, ManifestEncoding>;
  /** With `dictionaries`: what a server answers `Use-As-Dictionary: match="…"` with, and this file's SHA-256. */
  dictionary?: { match: string; sha256: string };
  /** With `dictionaries`: deltas against earlier versions, each smaller than the best plain encoding. */
  deltas?: ManifestDelta[];
}

/** What `compress-manifest.json` holds: every compressed original with its encodings. */
export interface Manifest {
  /** `output.publicPath`, when it is a fixed string: the URL prefix of the asset names. */
  publicPath?: string;
  assets: Record<string, ManifestEntry>;
}

export class ManifestCollector {
  private readonly entries = new Map<string, ManifestEntry>();

  constructor(private readonly publicPath?: string) {}

  add(name: string, size: number): ManifestEntry {
    const entry: ManifestEntry = { size, encodings: {} };
    this.entries.set(name, entry);
    return entry;
  }

  toJSON(): Manifest {
    const names = [...this.entries.keys()].sort();
    return {
      ...(this.publicPath === undefined ? {} : { publicPath: this.publicPath }),
      assets: Object.fromEntries(names.map((name) => [name, this.entries.get(name) as ManifestEntry])),
    };
  }
}
