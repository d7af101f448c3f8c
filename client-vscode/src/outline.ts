// "Export outline" (pure): the document symbols of a digest as a Markdown list, sections as
// headings. Titles come from untrusted digest text, so Markdown syntax in them is escaped.

export interface OutlineNode { name: string; detail?: string; line: number; children: OutlineNode[]; isSection: boolean }

const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~$]/g;

export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(MD_SPECIAL, c => '\\' + c);
}

export function countPapers(nodes: OutlineNode[]): number {
  return nodes.reduce((n, x) => n + (x.isSection ? countPapers(x.children) : 1), 0);
}

export function outlineToMarkdown(fileName: string, nodes: OutlineNode[]): string {
  const out: string[] = [`# Outline of ${escapeMarkdown(fileName)}`, '', `${countPapers(nodes)} papers.`, ''];
  const walk = (list: OutlineNode[], depth: number): void => {
    for (const n of list) {
      if (n.isSection) {
        out.push('', `${'#'.repeat(Math.min(6, depth + 2))} ${escapeMarkdown(n.name)}`, '');
        walk(n.children, depth + 1);
      } else {
        const detail = n.detail ? ` — ${escapeMarkdown(n.detail)}` : '';
        out.push(`- ${escapeMarkdown(n.name)}${detail} (line ${n.line + 1})`);
      }
    }
  };
  walk(nodes, 0);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
