// House rules as lint rules. Zero warnings allowed (`--max-warnings 0`).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.nx/**', '**/*.js', '**/*.mjs', 'infra/kafka/.cache/**', 'infra/kafka/.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Services depend on libs only, never on each other; libs never on services;
      // pure libs (parsers, fingerprints, labels) depend on pure libs only.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:service', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'scope:tool', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'scope:lib', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['kafkajs', 'kafkajs/*', '@platformatic/kafka', '@platformatic/kafka/*'], message: 'Kafka is reached through @copydesk/kafka only.' },
            {
              group: ['../../libs/*', '../../../libs/*', '../../services/*', '../../../services/*'],
              message: 'Import another project through its @copydesk/* entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    // Kafka client calls (making a producer, consumer or admin client) belong in libs/kafka,
    // which hands out ports; an import ban alone would not catch a client passed around.
    files: ['**/*.ts'],
    ignores: ['libs/kafka/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(admin|consumer|producer)$/]",
          message: 'Kafka clients are made in @copydesk/kafka only; use its ports (KafkaPublisher, ConsumerRunner, KafkaAdmin, TopicTailReader, subscribe).',
        },
      ],
    },
  },
  {
    // The one library that speaks to kafkajs.
    files: ['libs/kafka/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Configuration is read once, in the config classes; nothing else reads process.env.
    files: ['services/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts'],
    ignores: ['libs/config/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through a @copydesk/config class.' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
