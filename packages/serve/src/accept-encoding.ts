/** The content codings this handler can send, `identity` being none. */
export type Coding = 'dcz' | 'dcb' | 'zstd' | 'br' | 'gzip' | 'identity';

/** At equal q and size: a dictionary-compressed delta first, then zstd, brotli, gzip, and no coding last. */
export const PREFERENCE: readonly Coding[] = ['dcz', 'dcb', 'zstd', 'br', 'gzip', 'identity'];

/** Dictionary codings are sent only when named: `*` never stands for them. */
const NAMED_ONLY: ReadonlySet<Coding> = new Set(['dcz', 'dcb']);

/** An unlisted `identity` is acceptable (RFC 9110 §12.5.3) but ranks below every listed coding. */
const DEFAULT_IDENTITY_Q = 0.001;

export interface AcceptEncoding {
  /** Whether the request had the header at all. */
  present: boolean;
  /** q-value per lower-case coding name; the first entry of a name wins. */
  listed: ReadonlyMap<string, number>;
  /** q-value of `*`, when listed. */
  star?: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** One `coding;q=0.5` entry; `undefined` when it is malformed (then it is ignored, never an error). */
function parseEntry(entry: string): [string, number] | undefined {
  const [name = '', ...params] = entry.split(';').map((part) => part.trim());
  if (!TOKEN.test(name)) return undefined;
  let q = 1;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1) return undefined;
    if (param.slice(0, eq).trim().toLowerCase() !== 'q') continue;
    const value = param.slice(eq + 1).trim();
    if (!QVALUE.test(value)) return undefined;
    q = Number(value);
  }
  return [name.toLowerCase(), q];
}

/** Parses `Accept-Encoding` (RFC 9110 §12.5.3): names are case-insensitive, whitespace is optional. */
export function parseAcceptEncoding(header: string | string[] | undefined): AcceptEncoding {
  if (header === undefined) return { present: false, listed: new Map() };
  const listed = new Map<string, number>();
  let star: number | undefined;
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const parsed = parseEntry(entry);
    if (!parsed) continue;
    const [name, q] = parsed;
    if (name === '*') star ??= q;
    else if (!listed.has(name)) listed.set(name, q);
  }
  return { present: true, listed, ...(star === undefined ? {} : { star }) };
}

/**
 * How much the client wants `coding`, 0 meaning not at all. Without the header every coding but the
 * dictionary ones is acceptable and `identity` preferred; with it, a listed coding has its q, `*` gives its q
 * to every unlisted one (not to dcz/dcb), and an unlisted `identity` stays acceptable at the lowest q unless
 * `*;q=0` excludes it.
 */
export function qualityOf(accept: AcceptEncoding, coding: Coding): number {
  if (!accept.present) {
    if (coding === 'identity') return 1;
    return NAMED_ONLY.has(coding) ? 0 : DEFAULT_IDENTITY_Q;
  }
  const q = accept.listed.get(coding);
  if (q !== undefined) return q;
  if (NAMED_ONLY.has(coding)) return 0;
  if (accept.star !== undefined) return accept.star;
  return coding === 'identity' ? DEFAULT_IDENTITY_Q : 0;
}

const isDelta = (coding: Coding) => NAMED_ONLY.has(coding);

/**
 * The acceptable items, highest q first; at equal q a delta first, then the smaller file (brotli often beats
 * zstd on small scripts), then `PREFERENCE` order.
 */
export function rankByAcceptance<T extends { coding: Coding; size?: number }>(
  accept: AcceptEncoding,
  items: readonly T[],
): T[] {
  const bySize = (a: T, b: T) => (a.size !== undefined && b.size !== undefined ? a.size - b.size : 0);
  return items
    .map((item) => ({ item, q: qualityOf(accept, item.coding), rank: PREFERENCE.indexOf(item.coding) }))
    .filter(({ q }) => q > 0)
    .sort(
      (a, b) =>
        b.q - a.q ||
        Number(isDelta(b.item.coding)) - Number(isDelta(a.item.coding)) ||
        bySize(a.item, b.item) ||
        a.rank - b.rank,
    )
    .map(({ item }) => item);
}
