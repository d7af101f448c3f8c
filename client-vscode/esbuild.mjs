// Bundles the extension into dist/extension.js (vscode stays external) and copies the grammar and
// the language configuration from ../grammars, where they are maintained and tested.
// `node esbuild.mjs --production` minifies and drops the source map (what the .vsix ships).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');

mkdirSync(join(here, 'syntaxes'), { recursive: true });
copyFileSync(join(here, '../grammars/paper-digest.tmLanguage.json'), join(here, 'syntaxes/paper-digest.tmLanguage.json'));
copyFileSync(join(here, '../grammars/language-configuration.json'), join(here, 'language-configuration.json'));

await build({
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(here, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});
