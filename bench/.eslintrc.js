module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Benchmarks measure internals (the job worker, the console relay) that the plugins do
    // not export; they are not shipped, so reaching into the packages' sources is deliberate.
    '@backstage/no-forbidden-package-imports': 'off',
  },
});
