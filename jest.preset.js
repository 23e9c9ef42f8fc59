// Shared jest settings: TypeScript through ts-jest, type-checked (tsconfig.spec.json turns off
// isolatedModules, which would make ts-jest transpile without checking), workspace aliases from
// tsconfig.base.json.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: [require.resolve('reflect-metadata'), path.join(__dirname, 'tests/support/quiet-logs.js')],
};
