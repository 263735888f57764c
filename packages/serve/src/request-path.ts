/** A request target split into decoded path segments, or why it cannot name a file under the root. */
export type RequestPath =
  { ok: true; segments: string[]; trailingSlash: boolean } | { ok: false; reason: string };

const bad = (reason: string): RequestPath => ({ ok: false, reason });

/** The path of an origin-form (`/a/b?q`) or absolute-form (`http://host/a/b`) request target. */
function rawPath(url: string): string | undefined {
  const end = url.search(/[?#]/);
  const target = end === -1 ? url : url.slice(0, end);
  if (target.startsWith('/')) return target;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(target);
  if (!absolute) return undefined;
  return target.slice(absolute[0].length) || '/';
}

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the request target into path segments. Refused (400): a target that is not a path, a backslash, a
 * percent-encoding that is not UTF-8, a NUL, an encoded `/` or `\` inside a segment, and any `.` or `..`
 * segment, encoded or not. Browsers resolve dot segments before they send a URL, so only crafted requests
 * carry them. Empty segments (`//`) are skipped.
 */
export function parseRequestPath(url: string | undefined): RequestPath {
  const raw = rawPath(url ?? '/');
  if (raw === undefined) return bad('not a path');
  if (raw.includes('\\')) return bad('a backslash');
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '') continue;
    const segment = decodeSegment(part);
    if (segment === undefined) return bad('a malformed percent-encoding');
    if (segment.includes('\0')) return bad('a NUL byte');
    if (/[/\\]/.test(segment)) return bad('an encoded slash');
    if (segment === '.' || segment === '..') return bad('a dot segment');
    segments.push(segment);
  }
  return { ok: true, segments, trailingSlash: segments.length > 0 && raw.endsWith('/') };
}

/** Names starting with a dot (`.env`, `.git/`) are not served, except under `/.well-known/`. */
export function isHiddenPath(segments: readonly string[]): boolean {
  return segments.some(
    (segment, index) => segment.startsWith('.') && !(index === 0 && segment === '.well-known'),
  );
}
