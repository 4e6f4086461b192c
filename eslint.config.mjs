// ESLint: typescript-eslint's type-aware recommended rules over the project's TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated code, build output, and the typed-client example (its own tsconfig, type-checked in CI).
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test/generated/**', 'examples/**', 'codegen.ts', '**/*.mjs', '**/*.cjs', '**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A module's Context augmentation is an empty interface extending the service/loaders types: declaration merging needs it.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Apollo plugin hooks and shield rules are typed to return promises; an async function without await says so plainly.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'graphql-shield', importNames: ['chain', 'race'], message: 'They call util.isUndefined, which Node 23+ no longer has: use and / or.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests and the bench read untyped GraphQL response JSON and assert on it; typing every response would add nothing the assertions do not check.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // The policy tests compare enum members with the contract's literal names on purpose.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
);
