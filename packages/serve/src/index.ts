export { createHandler } from './handler';
export type { NextFunction, RequestHandler } from './handler';
export type { HandlerOptions } from './options';
export { COMPRESS_MANIFEST, parseManifest } from './manifest';
export type { Manifest } from './manifest';
export { caddyDictionaryRoutes, nginxDictionaryMaps } from './server-config';
export { serve } from './cli';
export type { ServeOptions, OutputStream } from './cli';
