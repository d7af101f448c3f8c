// Duplicates at the cursor (pure, over plain data): the server reports each copy of a duplicate
// paper as a PD001 (exact) or PD002 (near) diagnostic on its title, with the other copies as related
// information. These functions turn those diagnostics into the list of copies and the next one.

export interface Pos { line: number; character: number }
export interface Loc { uri: string; line: number; character: number }
export interface DupDiagnostic {
  code: string | undefined;
  startLine: number;
  startCharacter: number;
  endLine: number;
  related: Loc[];
}

export const DUPLICATE_CODES = new Set(['PD001', 'PD002']);

export function isDuplicate(d: DupDiagnostic): boolean {
  return d.code !== undefined && DUPLICATE_CODES.has(d.code);
}

/** The duplicate diagnostic on the cursor's line (exact before near), if any. */
export function duplicateAt(diags: DupDiagnostic[], pos: Pos): DupDiagnostic | undefined {
  const here = diags.filter(d => isDuplicate(d) && d.startLine <= pos.line && pos.line <= d.endLine);
  here.sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  return here[0];
}

export function compareLoc(a: Loc, b: Loc): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.character - b.character;
}

/** Every copy of the paper at the cursor: this one and its related locations, sorted, without repeats. */
export function copiesAt(uri: string, diags: DupDiagnostic[], pos: Pos): Loc[] {
  const d = duplicateAt(diags, pos);
  if (!d) return [];
  const all = [{ uri, line: d.startLine, character: d.startCharacter }, ...d.related];
  const seen = new Set<string>();
  return all.filter(l => {
    const k = `${l.uri}\n${l.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort(compareLoc);
}

/**
 * Where "go to next duplicate" goes: on a duplicate paper, its next copy (in file then line order,
 * wrapping round); elsewhere, the next duplicate paper below the cursor in this file (wrapping round).
 */
export function nextDuplicate(uri: string, diags: DupDiagnostic[], pos: Pos): Loc | undefined {
  const copies = copiesAt(uri, diags, pos);
  if (copies.length > 1) {
    const d = duplicateAt(diags, pos)!;
    const i = copies.findIndex(c => c.uri === uri && c.line === d.startLine);
    return copies[(i + 1) % copies.length];
  }
  const lines = [...new Set(diags.filter(isDuplicate).map(d => d.startLine))].sort((a, b) => a - b);
  if (lines.length === 0) return undefined;
  const line = lines.find(l => l > pos.line) ?? lines[0];
  const d = diags.find(x => isDuplicate(x) && x.startLine === line)!;
  return { uri, line, character: d.startCharacter };
}
