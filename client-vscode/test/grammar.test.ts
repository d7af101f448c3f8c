// The TextMate grammar (grammars/paper-digest.tmLanguage.json), tokenized by vscode-textmate with
// Oniguruma as in VS Code: small fixtures that name the scope of each paper part, then reviewed
// baselines of the samples (text kept) and the seed digests (text redacted as length and hash).
// PAPERLSP_UPDATE_BASELINES=1 rewrites the baselines; review `git diff grammars/test/baselines`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO, render, tokenize, type Token } from './textmate';

/** The scopes of the first token whose text is `text` on the only (or given) line of `source`. */
async function scopesOf(source: string, text: string, line = 0): Promise<string[]> {
  const lines = await tokenize(source);
  const tok = lines[line].find(t => t.text === text);
  assert.ok(tok, `no token ${JSON.stringify(text)} on line ${line + 1}; tokens: ${lines[line].map(t => JSON.stringify(t.text)).join(' ')}`);
  return tok.scopes;
}

async function lineScope(source: string, line = 0): Promise<string> {
  return (await tokenize(source))[line][0].scopes[0] ?? '-';
}

const has = (scopes: string[], scope: string): boolean => scopes.some(s => s === scope || s.startsWith(scope + '.'));
async function expectScope(source: string, text: string, scope: string, line = 0): Promise<void> {
  const scopes = await scopesOf(source, text, line);
  assert.ok(has(scopes, scope), `${JSON.stringify(text)} has ${scopes.join(' ')}, not ${scope}`);
}
async function expectNoScope(source: string, text: string, scope: string, line = 0): Promise<void> {
  const scopes = await scopesOf(source, text, line);
  assert.ok(!has(scopes, scope), `${JSON.stringify(text)} should not have ${scope}: ${scopes.join(' ')}`);
}

describe('grammar: plain digests', () => {
  it('marks page boilerplate lines, with or without a BOM', async () => {
    for (const l of ['new', 'Subscribe', 'Daily Papers', 'byAK and the research community', 'Get trending papers in your email inbox!', 'Get trending papers in your email inbox once a day!', '\uFEFFnew']) {
      assert.equal(await lineScope(l), 'comment.line.boilerplate.paper-digest', l);
    }
  });

  it('splits boilerplate glued to a title, and marks the title and its acronym head', async () => {
    const src = 'SubscribeasanAI: In-Browser, No-Code Toolkit';
    await expectScope(src, 'Subscribe', 'invalid.deprecated.glued-boilerplate.paper-digest');
    await expectScope(src, 'asanAI', 'entity.name.type.acronym.paper-digest');
    await expectScope(src, ' In-Browser, No-Code Toolkit', 'entity.name.section.title.paper-digest');
  });

  it('marks date lines', async () => {
    for (const d of ['Sep 10', 'Feb 7, 2025', 'September 3', '2024-09-10']) {
      await expectScope(d, d, 'constant.other.date.paper-digest');
    }
  });

  it('tells titles from abstracts by their shape', async () => {
    assert.equal(await lineScope('Tide: Streaming Graph Partitioning for Billion-Edge Workloads'), 'meta.paper.title.paper-digest');
    assert.equal(await lineScope('Is Attention All You Need?'), 'meta.paper.title.paper-digest');
    assert.equal(await lineScope('We partition graphs while edges arrive.'), 'meta.paper.abstract.paper-digest');
    assert.equal(await lineScope('We partition graphs. Edges arrive late'), 'meta.paper.title.paper-digest');
    assert.equal(await lineScope('We partition graphs. Edges arrive late.'), 'meta.paper.abstract.paper-digest');
    assert.equal(await lineScope('A '.repeat(200) + 'title-shaped but too long'), 'meta.paper.abstract.paper-digest');
  });

  it('marks a title head of at most three words, LaTeX included', async () => {
    const src = '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset';
    await expectScope(src, 'nabla', 'entity.name.type.acronym.paper-digest');
    await expectScope(src, 'nabla', 'support.function.latex.paper-digest');
    await expectScope(src, '\\', 'punctuation.definition.function.latex.paper-digest');
    await expectScope(src, 'DFT', 'entity.name.type.acronym.paper-digest');
    await expectScope('Big Bird Flies: Transformers for Longer Sequences', 'Big Bird Flies', 'entity.name.type.acronym.paper-digest');
    await expectNoScope('One Two Three Four: Not a head', 'One Two Three Four: Not a head', 'entity.name.type.acronym.paper-digest');
  });

  it('marks URLs without the sentence punctuation after them', async () => {
    const src = 'Code is at https://github.com/o/r. See also (https://o.github.io/p), too.';
    await expectScope(src, 'https://github.com/o/r', 'markup.underline.link.paper-digest');
    await expectScope(src, 'https://o.github.io/p', 'markup.underline.link.paper-digest');
  });

  it('marks arXiv ids, with or without the arXiv: prefix', async () => {
    const src = 'Extends arXiv:2406.11912v2 and 2410.05434 to video.';
    await expectScope(src, 'arXiv', 'keyword.other.arxiv.paper-digest');
    await expectScope(src, '2406.11912v2', 'constant.other.arxiv-id.paper-digest');
    await expectScope(src, '2410.05434', 'constant.other.arxiv-id.paper-digest');
  });

  it('marks $…$ math with its commands, and LaTeX commands and escapes outside it', async () => {
    const src = 'We bound $O(n \\log n)$ and reach 100\\% with \\tool{X}.';
    await expectScope(src, 'O(n ', 'string.other.math.paper-digest');
    await expectScope(src, 'log', 'support.function.latex.paper-digest');
    await expectScope(src, 'log', 'string.other.math.paper-digest');
    await expectScope(src, '\\%', 'constant.character.escape.latex.paper-digest');
    await expectScope(src, 'tool', 'support.function.latex.paper-digest');
    await expectNoScope(src, 'tool', 'string.other.math.paper-digest');
  });

  it('leaves a lone dollar sign as text', async () => {
    const lines = await tokenize('It costs $5 per run, a bargain.');
    assert.ok(!lines[0].some(t => has(t.scopes, 'string.other.math.paper-digest')));
  });

  it('marks numbers and their units', async () => {
    const src = 'Accuracy rises to 96.0% and decoding is 1.7x faster, 3.4 points better, with 7B parameters in 120 ms.';
    for (const n of ['96.0', '1.7', '3.4', '7', '120']) await expectScope(src, n, 'constant.numeric.paper-digest');
    for (const u of ['%', 'x', 'points', 'B', 'ms']) await expectScope(src, u, 'keyword.other.unit.paper-digest');
    await expectNoScope('Llama2 and GPT-4o are compared at large scale.', 'Llama2 and GPT-4o are compared at large scale.', 'constant.numeric.paper-digest');
  });

  it('marks notes, their tags and status tags', async () => {
    const src = '> #toread #graphs skim the repair section, see https://x.org/a';
    await expectScope(src, '>', 'punctuation.definition.quote.begin.paper-digest');
    await expectScope(src, 'toread', 'keyword.other.status-tag.paper-digest');
    await expectScope(src, 'graphs', 'entity.name.tag.paper-digest');
    await expectScope(src, ' skim the repair section, see ', 'markup.quote.note.paper-digest');
    await expectScope(src, 'https://x.org/a', 'markup.underline.link.paper-digest');
  });

  it('marks page-copy metadata and duplicate markers', async () => {
    await expectScope('[-] 19', '19', 'constant.numeric.votes.paper-digest');
    await expectScope('6 authors', '6', 'constant.numeric.authors.paper-digest');
    assert.equal(await lineScope('·'), 'punctuation.separator.metadata.paper-digest');
    await expectScope('<!-- paperlsp: allow-duplicate -->', 'allow-duplicate', 'keyword.control.directive.paper-digest');
    await expectScope('<!-- paperlsp: allow-duplicates-file -->', 'allow-duplicates-file', 'keyword.control.directive.paper-digest');
    await expectScope('https://huggingface.co/papers/2410.05434', 'https://huggingface.co/papers/2410.05434', 'markup.underline.link.paper-digest');
  });

  it('marks headings in a plain digest', async () => {
    await expectScope('Retrieval\n\n## Graphs', 'Graphs', 'entity.name.section.heading.paper-digest', 2);
  });

  it('keeps positions under astral characters', async () => {
    const [line] = await tokenize('Glyph-Level Pretraining for 𝔸ncient Scripts 📜 at 31%');
    assert.equal(line.map(t => t.text).join(''), 'Glyph-Level Pretraining for 𝔸ncient Scripts 📜 at 31%');
    assert.ok(line.some(t => t.text === '31' && has(t.scopes, 'constant.numeric.paper-digest')));
  });
});

describe('grammar: Markdown digests', () => {
  const md = [
    '# Reading list',
    '',
    '## Lantern: Retrieval Heads That Know When to Stop',
    '',
    'We cut retrieval calls by 41% (arXiv:2503.01234) with $\\alpha$-gating.',
    '',
    '[arXiv](https://arxiv.org/abs/2503.01234v2)',
    '',
    '> #toread compare with our cache',
    '',
    '```',
    'code 2503.01234',
    '```',
  ].join('\n');

  it('keeps Markdown highlighting: headings, links, quotes, code', async () => {
    await expectScope(md, '#', 'punctuation.definition.heading.markdown');
    await expectScope(md, 'Lantern: Retrieval Heads That Know When to Stop', 'markup.heading.markdown', 2);
    await expectScope(md, 'arXiv', 'string.other.link.title.markdown', 6);
    await expectScope(md, '>', 'markup.quote.markdown', 8);
    await expectScope(md, '#', 'meta.embedded.markdown.paper-digest');
  });

  it('adds the paper parts inside Markdown text', async () => {
    await expectScope(md, '41', 'constant.numeric.paper-digest', 4);
    await expectScope(md, '2503.01234', 'constant.other.arxiv-id.paper-digest', 4);
    await expectScope(md, 'alpha', 'support.function.latex.paper-digest', 4);
    await expectScope(md, 'toread', 'keyword.other.status-tag.paper-digest', 8);
  });

  it('leaves link targets and code alone', async () => {
    const lines = await tokenize(md);
    for (const i of [6, 11]) assert.ok(!lines[i].some(t => has(t.scopes, 'constant.other.arxiv-id.paper-digest')), `line ${i + 1}`);
  });

  it('treats a file whose first line is not Markdown as a plain digest', async () => {
    const lines = await tokenize('Tide: Streaming Graph Partitioning\n\n## Later heading');
    assert.equal(lines[0][0].scopes[0], 'meta.paper.title.paper-digest');
    assert.ok(!lines[2].some(t => t.scopes.some(s => s.endsWith('.markdown'))));
  });
});

// ---- baselines ---------------------------------------------------------------------------------

const BASELINES = path.join(REPO, 'grammars/test/baselines');
const UPDATE = process.env.PAPERLSP_UPDATE_BASELINES === '1';

function checkBaseline(name: string, actual: string): void {
  const file = path.join(BASELINES, name);
  if (UPDATE || !fs.existsSync(file)) {
    if (!UPDATE) assert.fail(`baseline ${name} is missing; run with PAPERLSP_UPDATE_BASELINES=1 and review it`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected !== actual) {
    const a = actual.split('\n'), e = expected.split('\n');
    const i = a.findIndex((l, k) => l !== e[k]);
    assert.fail(`${name} differs from its baseline first at line ${i + 1}:\n  expected: ${e[i]}\n  actual:   ${a[i]}\n(PAPERLSP_UPDATE_BASELINES=1 rewrites it)`);
  }
}

describe('grammar baselines: samples', () => {
  const dir = path.join(REPO, 'samples');
  for (const name of fs.readdirSync(dir).sort()) {
    it(name, async () => checkBaseline(`samples/${name}.tokens.txt`, render(await tokenize(fs.readFileSync(path.join(dir, name), 'utf8')), false)));
  }
});

const SEEDS_DIR = process.env.PAPERLSP_SEEDS_DIR ?? path.join(process.env.PAPERLSP_SHARED ?? path.join(REPO, '../shared'), 'seeds');
const SEEDS = ['000_28557f506f1a8781.txt', '004_2519e4a23e4788df.txt'];

describe('grammar baselines: seed digests (text redacted)', () => {
  for (const seed of SEEDS) {
    const file = path.join(SEEDS_DIR, seed);
    const skip = fs.existsSync(file) ? false : `seed digest ${file} is absent (the seeds live in ../shared/seeds beside the repo; PAPERLSP_SEEDS_DIR points elsewhere)`;
    it(`seed ${seed.slice(0, 3)}: baseline`, { skip }, async () => {
      checkBaseline(`seeds/seed-${seed.slice(0, 3)}.tokens.txt`, render(await tokenize(fs.readFileSync(file, 'utf8')), true));
    });
    it(`seed ${seed.slice(0, 3)}: every title line is followed by its abstract line`, { skip }, async () => {
      const lines = await tokenize(fs.readFileSync(file, 'utf8'));
      const kind = (l: Token[]): string => (l.length === 0 || l.every(t => t.text.trim() === '') ? 'blank' : l[0].scopes[0] ?? '-');
      const kinds = lines.map(kind).filter(k => k !== 'blank' && !k.startsWith('comment.') && !k.startsWith('constant.'));
      const titles = kinds.filter(k => k === 'meta.paper.title.paper-digest').length;
      assert.ok(titles > 100, `only ${titles} titles`);
      kinds.forEach((k, i) => {
        const want = i % 2 === 0 ? 'meta.paper.title.paper-digest' : 'meta.paper.abstract.paper-digest';
        assert.equal(k, want, `paper line ${i + 1} of the list`);
      });
    });
  }
});
