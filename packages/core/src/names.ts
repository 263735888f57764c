/** Content hashes webpack writes into names: 8 or more hex digits between dots or dashes. */
const CONTENT_HASH = /([.-])[0-9a-f]{8,}(?=[.-])/g;

/** An asset name without its content hash (`main.3fa76445bb2847ba8c57.js` → `main.js`): what stays across builds. */
export function withoutHash(name: string): string {
  return name.replace(CONTENT_HASH, '');
}
