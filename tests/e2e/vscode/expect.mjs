// Writes what the end-to-end checks expect, taken from the command line of the same server build
// (`paperlsp outline` and `paperlsp check`, no editor involved): per file its paper count, first
// title and PD001 counts; and one paper that links a repository, for the hover and open-repo checks.
// Usage: node expect.mjs DOTNET SERVER_DLL WORKSPACE_DIR FILE... > expect.json
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const [dotnet, dll, ws, ...names] = process.argv.slice(2);
const cli = (...args) => {
  try {
    return JSON.parse(execFileSync(dotnet, [dll, ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } catch (e) {
    // `check` exits 1 when it reports warnings; its JSON is still on stdout.
    if (e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
};

const check = cli('check', ...names.map(n => path.join(ws, n)));
const files = [];
let hover;
for (const name of names) {
  const outline = cli('outline', path.join(ws, name));
  const report = check.files.find(f => path.basename(f.path) === name);
  if (!report) throw new Error(`paperlsp check did not report ${name}`);
  const pd001 = report.diagnostics.filter(d => d.code === 'PD001');
  const others = names.filter(n => n !== name);
  const crossFile = pd001.filter(d => d.related.some(r => others.includes(path.basename(r.path ?? r.uri ?? '')))).length;
  if (outline.papers.length !== report.papers) throw new Error(`${name}: outline has ${outline.papers.length} papers, check ${report.papers}`);
  files.push({ name, papers: outline.papers.length, firstTitle: outline.papers[0].title, pd001: pd001.length, crossFile });
  if (!hover) {
    const p = outline.papers.find(x => x.links.some(l => l.kind === 'repository'));
    if (p) hover = { file: name, line: p.line - 1, title: p.title, url: p.links.find(l => l.kind === 'repository').target };
  }
}
if (!hover) throw new Error('no paper links a repository');
process.stdout.write(JSON.stringify({ files, hover }, null, 1) + '\n');
