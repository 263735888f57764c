export { VendorChunksPlugin, PLUGIN_NAME } from './plugin';
export type { VendorChunksOptions } from './options';
export type { Reason, Strategy, Part, Route, Plan, PlanSettings } from './plan';
export { planChunks } from './plan';
export type { ReportChunk, ReportPackage, ReportRoute, VendorChunksReport } from './report';
export { routeLoads } from './routes';
export type { RouteLoad } from './routes';
export { createPackageIdentifier, identityFromPath } from './package-identity';
export type { PackageIdentity } from './package-identity';
export { safePackageName } from './chunk-name';
export { optionsSchema } from './options-schema';

import { VendorChunksPlugin } from './plugin';
export default VendorChunksPlugin;
