export { createHandler } from './handler';
export type { NextFunction, RequestHandler } from './handler';
export type { HandlerOptions } from './options';
export { COMPRESS_MANIFEST } from './manifest';
export { serve } from './cli';
export type { ServeOptions, OutputStream } from './cli';
