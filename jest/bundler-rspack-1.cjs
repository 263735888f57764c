// Jest project 'rspack-1': the cross-bundler suites build with it (@packwise/test-utils' bundler()).
process.env.PACKWISE_BUNDLER = 'rspack-1';
