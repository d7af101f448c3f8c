import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copiesAt, duplicateAt, nextDuplicate, type DupDiagnostic } from '../src/duplicates';

const A = 'file:///ws/a.digest';
const B = 'file:///ws/b.digest';
const diag = (code: string, line: number, related: Array<[string, number]> = []): DupDiagnostic =>
  ({ code, startLine: line, startCharacter: 0, endLine: line, related: related.map(([uri, l]) => ({ uri, line: l, character: 0 })) });

// a.digest: the paper on line 4 is also on line 20 of a.digest and line 7 of b.digest;
// line 10 is a near duplicate of b.digest line 30; line 12 has another problem.
const diags = [diag('PD001', 4, [[A, 20], [B, 7]]), diag('PD001', 20, [[A, 4], [B, 7]]), diag('PD002', 10, [[B, 30]]), diag('PD004', 12)];

describe('copies of the paper at the cursor', () => {
  it('lists this copy and its related locations, sorted by file then line', () => {
    assert.deepEqual(copiesAt(A, diags, { line: 4, character: 3 }).map(l => [l.uri, l.line]), [[A, 4], [A, 20], [B, 7]]);
  });

  it('finds nothing on a paper without a duplicate diagnostic', () => {
    assert.deepEqual(copiesAt(A, diags, { line: 12, character: 0 }), []);
    assert.equal(duplicateAt(diags, { line: 0, character: 0 }), undefined);
  });

  it('prefers the exact duplicate to a near one on the same line', () => {
    const both = [diag('PD002', 5, [[B, 1]]), diag('PD001', 5, [[B, 9]])];
    assert.equal(duplicateAt(both, { line: 5, character: 0 })?.code, 'PD001');
  });

  it('counts a copy named twice once', () => {
    const twice = [diag('PD001', 3, [[B, 7], [B, 7], [A, 3]])];
    assert.deepEqual(copiesAt(A, twice, { line: 3, character: 0 }).map(l => [l.uri, l.line]), [[A, 3], [B, 7]]);
  });
});

describe('next duplicate', () => {
  it('on a duplicate, goes to its next copy and wraps round', () => {
    assert.deepEqual(nextDuplicate(A, diags, { line: 4, character: 0 }), { uri: A, line: 20, character: 0 });
    // line 20 of a.digest → b.digest line 7 → (from b) wraps to a.digest line 4
    assert.deepEqual(nextDuplicate(A, diags, { line: 20, character: 0 }), { uri: B, line: 7, character: 0 });
    const inB = [diag('PD001', 7, [[A, 4], [A, 20]])];
    assert.deepEqual(nextDuplicate(B, inB, { line: 7, character: 0 }), { uri: A, line: 4, character: 0 });
  });

  it('elsewhere, goes to the next duplicate paper below, wrapping to the first', () => {
    assert.deepEqual(nextDuplicate(A, diags, { line: 0, character: 0 }), { uri: A, line: 4, character: 0 });
    assert.deepEqual(nextDuplicate(A, diags, { line: 12, character: 0 }), { uri: A, line: 20, character: 0 });
    assert.deepEqual(nextDuplicate(A, diags.slice(0, 3), { line: 25, character: 0 }), { uri: A, line: 4, character: 0 });
  });

  it('gives undefined in a digest without duplicates', () => {
    assert.equal(nextDuplicate(A, [diag('PD004', 1)], { line: 0, character: 0 }), undefined);
  });
});
