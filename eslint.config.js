import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { architectureConfig } from './eslint.architecture.js';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
    },
  },
  {
    // "Now" comes from src/clock.ts only, so tests and demos can set it (TRIANGULATE_NOW).
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from src/clock.ts (now()), so tests and demos can set it.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from src/clock.ts (nowMs()), so tests and demos can set it.',
        },
      ],
    },
  },
  // The layers of ARCHITECTURE.md: which folder may import which (eslint.architecture.js).
  ...architectureConfig,
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
