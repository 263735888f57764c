import { routeSuite, upgradeSuite } from '../scenario-suites';
import { exampleApp } from '../scenarios';
import { appBuilds } from './app-config';

// fixtures/example-app (React SPA, three lazy routes) on the bundler under test (webpack 5, Rspack 2.3, Rspack
// 1.7), with the same config on each: route by route against that bundler's default split, and through an
// upgrade of date-fns 3.6 -> 4.1, an app-only edit and a second clean build.
routeSuite(exampleApp, undefined, undefined, appBuilds());
upgradeSuite(exampleApp, appBuilds());
