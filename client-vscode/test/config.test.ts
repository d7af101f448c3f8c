import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS, configurationItem, restartNeeded, serverSettings, traceLevel, type Getter, type SettingKey } from '../src/config';

const from = (values: Partial<Record<SettingKey, unknown>>): Getter => key => (key in values ? values[key] : DEFAULTS[key]);

describe('serverSettings', () => {
  it('maps the defaults to the server object, client-only keys left out', () => {
    assert.deepEqual(serverSettings(from({})), {
      logLevel: 'information',
      diagnostics: { severity: {} },
      duplicates: { otherFileSeverity: {}, nearThreshold: 0.8 },
      workspace: {
        include: ['**/*.digest', '**/*.papers', '**/*.digest.md', '**/*.txt', '**/*.md'],
        exclude: ['**/node_modules/**', '**/.git/**', '**/bin/**', '**/obj/**'],
        maxFileSizeMB: 50,
        diagnostics: 'openFiles',
      },
      hover: { sections: ['tldr', 'figures', 'readingTime', 'links', 'meta', 'copies'] },
    });
  });

  it('passes valid values through', () => {
    const s = serverSettings(from({
      logLevel: 'trace',
      'diagnostics.severity': { PD004: 'off', PD008: 'information' },
      'duplicates.otherFileSeverity': { PD001: 'hint' },
      'duplicates.nearThreshold': 0.9,
      'workspace.include': ['**/*.digest'],
      'workspace.exclude': [],
      'workspace.maxFileSizeMB': 5,
      'workspace.diagnostics': 'workspace',
      'hover.sections': ['copies', 'tldr'],
    }));
    assert.equal(s.logLevel, 'trace');
    assert.deepEqual(s.diagnostics.severity, { PD004: 'off', PD008: 'information' });
    assert.deepEqual(s.duplicates, { otherFileSeverity: { PD001: 'hint' }, nearThreshold: 0.9 });
    assert.deepEqual(s.workspace, { include: ['**/*.digest'], exclude: [], maxFileSizeMB: 5, diagnostics: 'workspace' });
    assert.deepEqual(s.hover.sections, ['copies', 'tldr']);
  });

  it('drops unknown codes and severities, and normalises their case', () => {
    const s = serverSettings(from({
      'diagnostics.severity': { pd003: 'Warning', PD010: 'error', PD005: 'loud', PD006: 3 },
      'duplicates.otherFileSeverity': { PD001: 'off', PD003: 'error' },
    }));
    assert.deepEqual(s.diagnostics.severity, { PD003: 'warning' });
    assert.deepEqual(s.duplicates.otherFileSeverity, { PD001: 'off' });
  });

  it('replaces ill-typed values by the defaults and clamps the threshold to 0.5..1.0', () => {
    const s = serverSettings(from({
      logLevel: 'chatty', 'diagnostics.severity': ['PD001'], 'duplicates.nearThreshold': 3,
      'workspace.include': 'not-a-list', 'workspace.maxFileSizeMB': -1, 'workspace.diagnostics': 'all', 'hover.sections': 'tldr',
    }));
    assert.equal(s.logLevel, 'information');
    assert.deepEqual(s.diagnostics.severity, {});
    assert.equal(s.duplicates.nearThreshold, 1);
    assert.deepEqual(s.workspace.include, DEFAULTS['workspace.include']);
    assert.equal(s.workspace.maxFileSizeMB, 50);
    assert.equal(s.workspace.diagnostics, 'openFiles');
    assert.deepEqual(s.hover.sections, DEFAULTS['hover.sections']);
    assert.equal(serverSettings(from({ 'duplicates.nearThreshold': 0.1 })).duplicates.nearThreshold, 0.5);
    assert.equal(serverSettings(from({ 'duplicates.nearThreshold': Number.NaN })).duplicates.nearThreshold, 0.8);
  });

  it('keeps known hover sections once each, in the user order', () => {
    assert.deepEqual(serverSettings(from({ 'hover.sections': ['links', 'bogus', 'tldr', 'links'] })).hover.sections, ['links', 'tldr']);
    assert.deepEqual(serverSettings(from({ 'hover.sections': [] })).hover.sections, []);
  });

  it('drops blank globs', () => {
    assert.deepEqual(serverSettings(from({ 'workspace.exclude': ['**/scratch/**', '', '  ', 7] })).workspace.exclude, ['**/scratch/**']);
  });
});

describe('traceLevel, restartNeeded, configurationItem', () => {
  it('reads the trace level, "off" for anything unknown', () => {
    assert.equal(traceLevel(from({ 'trace.server': 'verbose' })), 'verbose');
    assert.equal(traceLevel(from({ 'trace.server': 'loud' })), 'off');
  });

  it('asks for a restart only when the server path changed', () => {
    assert.deepEqual(restartNeeded(k => k === 'paperDigest.server.path'), ['server.path']);
    assert.deepEqual(restartNeeded(k => k === 'paperDigest.logLevel' || k === 'paperDigest.workspace.include'), []);
  });

  it('answers workspace/configuration items by section', () => {
    const s = serverSettings(from({ logLevel: 'debug' }));
    assert.deepEqual(configurationItem(s, 'paperDigest'), s);
    assert.deepEqual(configurationItem(s, undefined), { paperDigest: s });
    assert.equal(configurationItem(s, 'paperDigest.logLevel'), 'debug');
    assert.equal(configurationItem(s, 'paperDigest.duplicates.nearThreshold'), 0.8);
    assert.equal(configurationItem(s, 'paperDigest.nothing'), null);
    assert.equal(configurationItem(s, 'editor'), undefined);
    assert.equal(configurationItem(s, 'paperDigestX'), undefined);
  });
});
