// Flat config: type-aware rules everywhere, and import limits that make the process split mechanical.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'crypto',
  'child_process',
  'net',
  'url',
  'stream',
  'events',
  'util',
  'worker_threads'
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'playwright-report/**',
      'test-results/**',
      'tests/bench/.build/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      // Nothing but electron/main and electron/preload may load Electron: under plain Node it downloads and throws.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload import electron.'
            }
          ]
        }
      ]
    }
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/e2e/host/browser-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: ['node:*', '**/electron/**', 'better-sqlite3', 'keytar']
        }
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname']
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: ['node:*', '**/electron/**', '**/renderer/**', 'react', 'react-*']
        }
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'Buffer',
        '__dirname',
        'window',
        'document'
      ]
    }
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/webex-sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core is plain Node: it runs in the CLI and the test host too.'
            }
          ],
          patterns: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**']
        }
      ]
    }
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'zod',
            'better-sqlite3',
            'keytar',
            '**/electron/main/**',
            '**/electron/core/**',
            'node:*'
          ]
        }
      ]
    }
  },
  {
    files: [
      'tests/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/webex-sim/cli.ts',
      'tests/bench/**/*.ts'
    ],
    rules: { 'no-console': 'off' }
  },
  prettier
)
