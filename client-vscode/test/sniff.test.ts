import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DIGEST_FIRST_LINE, isTxtDigest } from '../src/sniff';
import { REPO } from './textmate';

describe('claiming .txt digests', () => {
  it('uses the same pattern as the manifest firstLine', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'client-vscode/package.json'), 'utf8')) as { contributes: { languages: Array<{ firstLine: string }> } };
    assert.equal(DIGEST_FIRST_LINE.source, new RegExp(pkg.contributes.languages[0].firstLine).source);
  });

  it('claims a plain-text .txt file whose first line is boilerplate, and nothing else', () => {
    assert.equal(isTxtDigest('plaintext', '/w/000.txt', 'new'), true);
    assert.equal(isTxtDigest('plaintext', '/w/A.TXT', '\uFEFFGet trending papers in your email inbox once a day!'), true);
    assert.equal(isTxtDigest('plaintext', '/w/notes.txt', 'Shopping list'), false);
    assert.equal(isTxtDigest('markdown', '/w/x.txt', 'new'), false, 'a language the user chose is kept');
    assert.equal(isTxtDigest('plaintext', '/w/x.log', 'new'), false);
  });
});
