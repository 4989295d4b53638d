// Lint rules for every project. The module-boundary matrix is the point of this file:
// `type:core` libraries (raft, coord-state) are pure and may not touch I/O or time.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const ioModules = [
  'fs',
  'fs/promises',
  'node:fs',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'http2',
  'node:http2',
  'dgram',
  'node:dgram',
  'child_process',
  'node:child_process',
  'timers',
  'node:timers',
  'timers/promises',
  'node:timers/promises',
  'worker_threads',
  'node:worker_threads',
  'crypto',
  'node:crypto',
];

/**
 * Who may import whom, by tag. Test files may also use `type:testing` (the test kit); shipped
 * code never does.
 */
function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    // The trib command is the composition root that runs the server apps.
    allow: ['@tributary/coordinator', '@tributary/broker'],
    depConstraints: [
      {
        sourceTag: 'type:core',
        onlyDependOnLibsWithTags: ['type:core', ...testing],
        bannedExternalImports: ['@grpc/*', 'rocksdb', 'pino', 'prom-client', ...ioModules],
      },
      { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:core', 'type:io', ...testing] },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:core', 'type:io', 'type:testing'],
      },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:io', ...testing] },
      {
        // The trib command is the composition root: it starts the server apps.
        sourceTag: 'type:cli',
        onlyDependOnLibsWithTags: ['type:core', 'type:io', 'type:app', ...testing],
      },
    ],
  };
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'reports/**', '**/generated/**', '.nx/**'] },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: false })],
    },
  },
  {
    // Pure cores: time and randomness are inputs, never read from the environment.
    files: [
      'libs/raft/src/**/*.ts',
      'libs/coord-state/src/**/*.ts',
      'libs/replication/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'setImmediate',
          'clearTimeout',
          'clearInterval',
          'process',
          'require',
        ].map((name) => ({
          name,
          message: 'type:core code takes time and I/O as inputs; inject them.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a clock; cores count ticks.' },
        { object: 'Math', property: 'random', message: 'Inject a seeded Random.' },
      ],
    },
  },
  {
    // Tests drive dynamic gRPC clients loaded at run time, as a client in any language would.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: true })],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
