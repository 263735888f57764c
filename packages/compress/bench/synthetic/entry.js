// The entry of the synthetic workload: the assets under test are emitted by a plugin, not built from here.
console.log('synthetic');
