import { routeSuite, upgradeSuite } from './scenario-suites';
import { exampleApp } from './scenarios';

// fixtures/example-app (React SPA, three lazy routes) built with its preset config, against webpack's default
// split, and through an upgrade of date-fns 3.6 -> 4.1, an app-only edit and a second clean build.
routeSuite(exampleApp);
upgradeSuite(exampleApp);
