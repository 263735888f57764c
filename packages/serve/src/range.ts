export type ByteRange =
  { kind: 'none' } | { kind: 'single'; start: number; end: number } | { kind: 'unsatisfiable' };

const NONE: ByteRange = { kind: 'none' };

/**
 * A `Range: bytes=…` header (RFC 9110 §14.2) against a file of `size` bytes. One range is answered (206), an
 * unsatisfiable one refused (416); several ranges, another unit or a malformed header are ignored (a full
 * 200), which RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return NONE;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return NONE;
  const ranges = (match[1] as string)
    .split(',')
    .map((range) => range.trim())
    .filter(Boolean);
  if (ranges.length !== 1) return NONE;
  const bounds = /^(\d*)\s*-\s*(\d*)$/.exec(ranges[0] as string);
  if (!bounds) return NONE;
  const [, first = '', last = ''] = bounds;
  if (first === '' && last === '') return NONE;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'single', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return NONE;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'single', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** `If-Range`: the range applies only when it names the identity file's current entity tag (strong match). */
export function rangeStillValid(ifRange: string | undefined, etag: string): boolean {
  return ifRange === undefined || ifRange.trim() === etag;
}
