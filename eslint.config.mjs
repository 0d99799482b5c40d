// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The layers, as lint rules (docs/architecture.md): which folder may import what. A folder's rule
 * lists everything it may not import; the message says why.
 */
const lib = (name) => [`@app/${name}`, `@app/${name}/*`];
const APPS = ['**/apps/**'];
const FRAMEWORK = ['@nestjs/*', 'express'];
const IO = ['better-sqlite3', '@eventstore/*', 'node:*', 'fs', 'path', 'crypto', 'http'];
const layer = (files, group, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
});
const LAYERS = [
  layer(
    ['libs/event-store/**/*.ts', 'libs/access/**/*.ts', 'libs/config/**/*.ts'],
    APPS,
    'A library never imports an app.',
  ),
  layer(
    ['libs/projections/**/*.ts'],
    [...APPS, ...FRAMEWORK, ...lib('access')],
    'Projections build read models from events: no app, no framework, no access layer.',
  ),
  layer(
    ['libs/statistics/**/*.ts'],
    [
      ...APPS,
      ...FRAMEWORK,
      ...IO,
      ...lib('event-store'),
      ...lib('projections'),
      ...lib('access'),
      ...lib('config'),
    ],
    'Statistics are pure functions of the facts they are given: no I/O, no framework.',
  ),
  layer(
    ['libs/domain/**/*.ts'],
    [
      ...APPS,
      ...FRAMEWORK,
      ...IO,
      ...lib('event-store'),
      ...lib('projections'),
      ...lib('access'),
      ...lib('statistics'),
      ...lib('config'),
    ],
    'The domain is pure: no framework, no I/O, no other layer; time and randomness are passed in.',
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '*.js',
      '*.mjs',
      'test/support/*.js',
      'test/browser/support/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Nest decorators and jest matchers trip these without catching real defects.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  ...LAYERS,
  {
    // Tests read HTTP bodies as untyped JSON (supertest types them `any`); asserting their shape is
    // exactly what the test does, so the no-unsafe-* rules only add noise there.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
