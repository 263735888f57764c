export { VendorChunksPlugin, PLUGIN_NAME } from './plugin';
export type { VendorChunksOptions } from './options';
export type { Reason, Strategy } from './plan';
export type { ReportChunk, ReportPackage, VendorChunksReport } from './report';
export { createPackageIdentifier, identityFromPath } from './package-identity';
export type { PackageIdentity } from './package-identity';
export { safePackageName } from './chunk-name';
export { optionsSchema } from './options-schema';

import { VendorChunksPlugin } from './plugin';
export default VendorChunksPlugin;
