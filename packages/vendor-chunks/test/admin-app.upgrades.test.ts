import { upgradeSuite } from './scenario-suites';
import { adminApp } from './scenarios';

// fixtures/admin-app through an upgrade of chart.js 4.5.1 -> 4.6.1, an app-only edit and a second clean build.
upgradeSuite(adminApp);
