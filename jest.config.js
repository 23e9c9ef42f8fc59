// Three tiers: unit specs beside the code, integration specs against the real broker and
// database, and end-to-end specs in tests/ that run the services as processes.
const preset = require('./jest.preset');

module.exports = {
  projects: [
    { ...preset, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{libs,services,infra,tools}/**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/{libs,services,infra,tools}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
    },
    {
      ...preset,
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
    },
  ],
};
