// Shared jest settings: TypeScript through ts-jest, workspace aliases from tsconfig.base.json.
// ts-jest transpiles each file on its own (isolatedModules, as tsconfig.base.json sets): the specs
// are type-checked, with every other file, by each project's `typecheck` target, which the test
// command runs before jest; type-checking them again in jest tripled the suite's time.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.base.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: [require.resolve('reflect-metadata'), path.join(__dirname, 'tests/support/quiet-logs.js')],
};
