// ESLint (flat config) with typescript-eslint: `npm run lint`, and a step of
// `make test` (test/lint prints one TAP line). The TypeScript sources only;
// dist/, build/ and node_modules/ are output or third-party.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'prebuilds/', 'native/build/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      // _-prefixed names are deliberately unused (callbacks' fixed signatures)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // np functions refuse an argument past their last one by reading
    // arguments.length (axisarg.ts extraArgument): a rest parameter instead
    // would let TypeScript accept any number of arguments in the public types
    // (and options.ts extraArgumentOf for the buffer and DMA API)
    files: ['lib/**/*.ts'],
    rules: { 'prefer-rest-params': 'off' },
  },
);
