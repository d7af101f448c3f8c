import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countPapers, escapeMarkdown, outlineToMarkdown, type OutlineNode } from '../src/outline';

const paper = (name: string, line: number, detail?: string): OutlineNode => ({ name, line, detail, isSection: false, children: [] });
const section = (name: string, line: number, children: OutlineNode[]): OutlineNode => ({ name, line, isSection: true, children });

describe('export outline', () => {
  it('writes sections as headings and papers as items with detail and 1-based line', () => {
    const md = outlineToMarkdown('sept.digest', [
      section('Sep 10', 0, [paper('Tide: Streaming Graph Partitioning', 2, 'arXiv 2409.01234'), paper('Frugal Tokenizers', 6)]),
      section('Sep 11', 10, [section('Retrieval', 11, [paper('Lantern', 12)])]),
    ]);
    assert.equal(md, [
      '# Outline of sept\\.digest', '', '3 papers.', '',
      '## Sep 10', '',
      '- Tide: Streaming Graph Partitioning — arXiv 2409\\.01234 (line 3)',
      '- Frugal Tokenizers (line 7)', '',
      '## Sep 11', '',
      '### Retrieval', '',
      '- Lantern (line 13)', '',
    ].join('\n'));
  });

  it('escapes Markdown from the digest so nothing in a title renders as a link, image or HTML', () => {
    const md = outlineToMarkdown('x', [paper('[click](https://evil.example) ![i](x.png) <img src=x> *b* `c` $x$', 0)]);
    const item = md.split('\n').find(l => l.startsWith('- '))!;
    assert.equal(item, '- \\[click\\]\\(https://evil\\.example\\) \\!\\[i\\]\\(x\\.png\\) \\<img src=x\\> \\*b\\* \\`c\\` \\$x\\$ (line 1)');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('counts papers, not sections', () => {
    assert.equal(countPapers([section('s', 0, [paper('a', 1), section('t', 2, [paper('b', 3)])]), paper('c', 4)]), 3);
    assert.match(outlineToMarkdown('empty', []), /^# Outline of empty\n\n0 papers\.\n$/);
  });
});
