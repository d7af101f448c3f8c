// package.json's contributions against the code and the settings contract (docs/SETTINGS.md):
// every setting with its name, type and default; the language, its firstLine sniffing and its
// configuration; the commands the code registers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULTS, DIAGNOSTIC_CODES, HOVER_SECTIONS, LOG_LEVELS, SETTING_KEYS, TRACE_LEVELS } from '../src/config';
import { REPO } from './textmate';

interface Prop { type: string; default: unknown; enum?: string[]; items?: { enum?: string[] }; minimum?: number; maximum?: number; additionalProperties?: { enum?: string[] } }
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'client-vscode/package.json'), 'utf8')) as {
  main: string;
  contributes: {
    languages: Array<{ id: string; aliases: string[]; extensions: string[]; firstLine: string; configuration: string }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    commands: Array<{ command: string }>;
    configuration: { properties: Record<string, Prop> };
  };
};
const props = pkg.contributes.configuration.properties;

describe('manifest: settings', () => {
  it('contributes exactly the settings of the contract, with their defaults', () => {
    assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map(k => `paperDigest.${k}`).sort());
    for (const k of SETTING_KEYS) assert.deepEqual(props[`paperDigest.${k}`].default, DEFAULTS[k], k);
  });

  it('gives each setting its type and allowed values', () => {
    const type = (k: string): string => props[`paperDigest.${k}`].type;
    assert.deepEqual(['server.path', 'trace.server', 'logLevel', 'workspace.diagnostics'].map(type), ['string', 'string', 'string', 'string']);
    assert.deepEqual(['diagnostics.severity', 'duplicates.otherFileSeverity'].map(type), ['object', 'object']);
    assert.deepEqual(['duplicates.nearThreshold', 'workspace.maxFileSizeMB'].map(type), ['number', 'number']);
    assert.deepEqual(['workspace.include', 'workspace.exclude', 'hover.sections'].map(type), ['array', 'array', 'array']);
    assert.deepEqual(props['paperDigest.trace.server'].enum, [...TRACE_LEVELS]);
    assert.deepEqual(props['paperDigest.logLevel'].enum, [...LOG_LEVELS]);
    assert.deepEqual(props['paperDigest.workspace.diagnostics'].enum, ['openFiles', 'workspace']);
    assert.deepEqual(props['paperDigest.hover.sections'].items?.enum, [...HOVER_SECTIONS]);
    assert.deepEqual(props['paperDigest.diagnostics.severity'].additionalProperties?.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.equal(props['paperDigest.duplicates.nearThreshold'].minimum, 0.5);
    assert.equal(props['paperDigest.duplicates.nearThreshold'].maximum, 1);
    assert.equal(DIAGNOSTIC_CODES.length, 9);
  });
});

describe('manifest: language', () => {
  const lang = pkg.contributes.languages[0];
  const firstLine = new RegExp(lang.firstLine);

  it('registers paper-digest for .digest, .papers and .digest.md, shown as "Paper Digest"', () => {
    assert.equal(lang.id, 'paper-digest');
    assert.equal(lang.aliases[0], 'Paper Digest');
    assert.deepEqual(lang.extensions, ['.digest', '.papers', '.digest.md']);
    const g = pkg.contributes.grammars[0];
    assert.deepEqual([g.language, g.scopeName], ['paper-digest', 'text.paper-digest']);
    const grammar = JSON.parse(fs.readFileSync(path.join(REPO, 'grammars/paper-digest.tmLanguage.json'), 'utf8')) as { scopeName: string };
    assert.equal(grammar.scopeName, g.scopeName);
    assert.equal(path.basename(g.path), 'paper-digest.tmLanguage.json');
  });

  it('claims a .txt file by its first line only when it is daily-papers boilerplate', () => {
    for (const l of ['new', 'Get trending papers in your email inbox!', 'Get trending papers in your email inbox once a day!', '\uFEFFDaily Papers', 'Subscribe  ']) {
      assert.ok(firstLine.test(l), l);
    }
    for (const l of ['Notes for Tuesday', 'newer ideas', 'Subscribe to our newsletter', '# Reading list', '']) {
      assert.ok(!firstLine.test(l), l);
    }
    assert.ok(firstLine.test(fs.readFileSync(path.join(REPO, 'samples/compact.txt'), 'utf8').split(/\r?\n/)[0]));
  });

  const seeds = process.env.PAPERLSP_SEEDS_DIR ?? path.join(process.env.PAPERLSP_SHARED ?? path.join(REPO, '../shared'), 'seeds');
  const seedFiles = ['000_28557f506f1a8781.txt', '004_2519e4a23e4788df.txt'].map(s => path.join(seeds, s));
  const missing = seedFiles.find(f => !fs.existsSync(f));
  it('claims both seed digests by their first line', { skip: missing ? `seed digest ${missing} is absent (the seeds live in ../shared/seeds beside the repo)` : false }, () => {
    for (const f of seedFiles) assert.ok(firstLine.test(fs.readFileSync(f, 'utf8').split(/\r?\n/)[0]), f);
  });

  it('has a language configuration whose patterns compile and do what they say', () => {
    const conf = JSON.parse(fs.readFileSync(path.join(REPO, 'grammars/language-configuration.json'), 'utf8')) as {
      brackets: string[][]; wordPattern: { pattern: string; flags: string };
      folding: { markers: { start: string; end: string } }; onEnterRules: Array<{ beforeText: string; action: { appendText: string } }>;
      comments: { blockComment: string[] };
    };
    assert.deepEqual(conf.brackets, [['[', ']'], ['(', ')'], ['{', '}']]);
    assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
    const words = (s: string): string[] => s.match(new RegExp(conf.wordPattern.pattern, conf.wordPattern.flags + 'g')) ?? [];
    assert.deepEqual(words('See 2406.11912v2, #to-read and state-of-the-art 𝔸ncient models’ gains.'),
      ['See', '2406.11912v2', '#to-read', 'and', 'state-of-the-art', '𝔸ncient', 'models', 'gains']);
    assert.ok(new RegExp(conf.folding.markers.start).test('<!-- #region appendix -->'));
    assert.ok(new RegExp(conf.folding.markers.end).test('<!-- #endregion -->'));
    const rule = conf.onEnterRules[0];
    assert.ok(new RegExp(rule.beforeText).test('> #toread read the proofs'));
    assert.ok(!new RegExp(rule.beforeText).test('Title line'));
    assert.equal(rule.action.appendText, '> ');
  });
});

describe('manifest: commands', () => {
  it('contributes every command the extension registers', () => {
    const src = fs.readFileSync(path.join(REPO, 'client-vscode/src/extension.ts'), 'utf8');
    const registered = [...src.matchAll(/registerCommand\('([^']+)'/g)].map(m => m[1]).sort();
    assert.deepEqual(pkg.contributes.commands.map(c => c.command).sort(), registered);
    assert.deepEqual(registered, ['paperDigest.exportOutline', 'paperDigest.nextDuplicate', 'paperDigest.openLinkedRepo',
      'paperDigest.restartServer', 'paperDigest.showDuplicates', 'paperDigest.showLog']);
    assert.equal(pkg.main, './dist/extension.js');
  });
});
