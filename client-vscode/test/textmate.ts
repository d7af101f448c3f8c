// Test support: the Paper Digest grammar loaded by vscode-textmate with the Oniguruma WASM (the
// engine VS Code uses), and Markdown's grammar from the tm-grammars package for the embedded part.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vt from 'vscode-textmate';

export const REPO = path.resolve(__dirname, '../../..');
export const GRAMMAR_FILE = path.join(REPO, 'grammars/paper-digest.tmLanguage.json');

const grammarFiles: Record<string, string> = {
  'text.paper-digest': GRAMMAR_FILE,
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
};

let loaded: Promise<vt.IGrammar> | undefined;

export function grammar(): Promise<vt.IGrammar> {
  loaded ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vt.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: (scope: string) => {
        const file = grammarFiles[scope];
        return Promise.resolve(file ? vt.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null);
      },
    });
    const g = await registry.loadGrammar('text.paper-digest');
    if (!g) throw new Error('the grammar did not load');
    return g;
  })();
  return loaded;
}

export interface Token { text: string; scopes: string[] }

/** Tokens per line, the root scope left out; lines split at LF or CRLF as VS Code does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const g = await grammar();
  let stack = vt.INITIAL;
  return text.split(/\r?\n/).map(line => {
    const r = g.tokenizeLine(line, stack, 10_000);
    stack = r.ruleStack;
    return r.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

/** Length and FNV-1a hash over UTF-16 code units, like tests/baselines: reviewable without the text. */
export function redacted(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return `«${text.length}:${hash.toString(16).padStart(8, '0')}»`;
}

/** One line per source line: "N: text=scopes | …"; empty lines and unscoped text are kept. */
export function render(lines: Token[][], redact: boolean): string {
  return lines.map((tokens, i) => `${i + 1}: ` + tokens
    .filter(t => t.text.length > 0)
    .map(t => `${redact ? redacted(t.text) : JSON.stringify(t.text)}=${t.scopes.join(' ') || '-'}`)
    .join(' | ')).join('\n') + '\n';
}
