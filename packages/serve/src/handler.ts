import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAcceptEncoding, rankByAcceptance } from './accept-encoding';
import { dictionaryAllowed, parseAvailableDictionary } from './dictionary-request';
import { appendVary, contentTypeOf, IMMUTABLE, REVALIDATE, useAsDictionary } from './headers';
import { locateAsset, locatePage } from './locate';
import type { Asset } from './locate';
import type { Manifest } from './manifest';
import { resolveSettings } from './options';
import type { HandlerOptions, Settings } from './options';
import { parseRequestPath } from './request-path';
import { answer, openFirst, sendVariant } from './respond';
import { variantsOf } from './variants';

/** Connect/Express's `next`. */
export type NextFunction = (error?: unknown) => void;

/** An `http.createServer` listener that is also Connect/Express middleware (with `next`). */
export type RequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: NextFunction,
) => void;

/** A navigation to a client-side route: an extension-less last segment, and `Accept` names HTML. */
function wantsPage(request: IncomingMessage, segments: readonly string[]): boolean {
  const last = segments[segments.length - 1] ?? '';
  return (
    !last.includes('.') && /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(request.headers.accept ?? '')
  );
}

/** Sets the headers every response for the asset carries (200, 206, 304, 406, 416 alike). */
function setAssetHeaders(
  settings: Settings,
  response: ServerResponse,
  asset: Asset,
  vary: readonly string[],
): void {
  appendVary(response, vary);
  response.setHeader('Cache-Control', settings.immutable(asset.name) ? IMMUTABLE : REVALIDATE);
  const dictionary = asset.entry?.match && useAsDictionary(asset.entry.match, asset.name, settings.matchDest);
  if (dictionary) response.setHeader('Use-As-Dictionary', dictionary);
  if (asset.identity) response.setHeader('Accept-Ranges', 'bytes');
}

/** Negotiates and sends the asset; false when none of its files could be opened. */
async function sendAsset(
  settings: Settings,
  manifest: Manifest | undefined,
  asset: Asset,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const dictionary =
    asset.entry && asset.entry.deltas.length > 0 && dictionaryAllowed(request, response)
      ? parseAvailableDictionary(request.headers['available-dictionary'])
      : undefined;
  const { variants, vary } = await variantsOf(settings.root, asset, !manifest, dictionary);
  const accept = parseAcceptEncoding(request.headers['accept-encoding']);
  const identity = variants.find((variant) => variant.coding === 'identity');
  let ranked = rankByAcceptance(accept, variants);
  // Nothing acceptable: the file as it is, which is what such a client can most likely read.
  if (ranked.length === 0 && identity) ranked = [identity];
  // A byte range is answered from the identity file whenever the client accepts it.
  if (
    identity &&
    ranked.includes(identity) &&
    request.method === 'GET' &&
    request.headers.range !== undefined
  ) {
    ranked = [identity];
  }
  setAssetHeaders(settings, response, asset, vary);
  if (ranked.length === 0 && variants.length > 0) {
    // Only encodings exist (the original was deleted) and the client accepts none of them.
    response.removeHeader('Use-As-Dictionary');
    answer(request, response, 406, { 'Cache-Control': REVALIDATE });
    return true;
  }
  const file = await openFirst(ranked);
  if (!file) return false;
  await sendVariant(request, response, file, contentTypeOf(asset.name));
  return true;
}

async function serveRequest(
  settings: Settings,
  request: IncomingMessage,
  response: ServerResponse,
  next: NextFunction | undefined,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    if (next) next();
    else answer(request, response, 405, { Allow: 'GET, HEAD' });
    return;
  }
  const target = parseRequestPath(request.url);
  if (!target.ok) {
    answer(request, response, 400);
    return;
  }
  const manifest = await settings.manifest?.current();
  const asset =
    (await locateAsset(settings.root, manifest, target.segments, target.trailingSlash)) ??
    (settings.spa && wantsPage(request, target.segments)
      ? await locatePage(settings.root, manifest, settings.spa)
      : undefined);
  if (asset && (await sendAsset(settings, manifest, asset, request, response))) return;
  if (next) next();
  else answer(request, response, 404);
}

/**
 * A request handler that serves `root` with the best precompressed variant per request: a dictionary delta
 * (dcz, dcb) for the client's `Available-Dictionary`, zstd, brotli, gzip or the file itself, by
 * `Accept-Encoding`. With `next` (Connect/Express), a path it does not serve and methods other than GET/HEAD
 * go to `next()`; without it they are answered 404 and 405.
 */
export function createHandler(options: HandlerOptions): RequestHandler {
  const settings = resolveSettings(options);
  return (request, response, next) => {
    serveRequest(settings, request, response, next).catch((error: unknown) => {
      if (next) next(error);
      else if (!response.headersSent) answer(request, response, 500);
      else response.destroy();
    });
  };
}
