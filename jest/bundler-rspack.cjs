// Jest project 'rspack': the cross-bundler suites build with it (@packwise/test-utils' bundler()).
process.env.PACKWISE_BUNDLER = 'rspack';
