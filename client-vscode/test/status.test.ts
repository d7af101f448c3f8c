import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProgressTracker, percentFromMessage, statusView } from '../src/status';

describe('statusView', () => {
  it('names every state', () => {
    assert.match(statusView({ kind: 'starting' }).text, /Paper Digest: starting$/);
    assert.match(statusView({ kind: 'indexing', percent: 42 }).text, /Paper Digest: indexing 42%$/);
    assert.match(statusView({ kind: 'indexing', percent: undefined }).text, /Paper Digest: indexing$/);
    assert.equal(statusView({ kind: 'ready' }).text, '$(check) Paper Digest');
    assert.match(statusView({ kind: 'stopped' }).text, /stopped$/);
    const err = statusView({ kind: 'error', message: 'dotnet was not found.' });
    assert.match(err.text, /error$/);
    assert.match(err.tooltip, /^dotnet was not found\. Click to open the server log\.$/);
    assert.equal(err.background, 'statusBarItem.errorBackground');
    assert.equal(statusView({ kind: 'ready' }).background, undefined);
  });
});

describe('progress', () => {
  it('reads "N of M" from the message when there is no percentage', () => {
    assert.equal(percentFromMessage('Indexing 12 of 40 digests'), 30);
    assert.equal(percentFromMessage('Indexing 3/3'), 100);
    assert.equal(percentFromMessage('Indexing 0 of 0 digests'), undefined);
    assert.equal(percentFromMessage('Indexing'), undefined);
    assert.equal(percentFromMessage(undefined), undefined);
  });

  it('shows indexing while a token is active, ready after its end', () => {
    const t = new ProgressTracker();
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'ready' });
    t.update('idx', { kind: 'begin', title: 'Indexing digests', percentage: 0 });
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'indexing', percent: 0, message: 'Indexing digests' });
    t.update('idx', { kind: 'report', message: 'Indexing 5 of 20 digests' });
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'indexing', percent: 25, message: 'Indexing 5 of 20 digests' });
    t.update('idx', { kind: 'report', percentage: 80.4 });
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'indexing', percent: 80, message: 'Indexing 5 of 20 digests' });
    t.update('idx', { kind: 'end' });
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'ready' });
  });

  it('shows the least advanced of several tokens, numbers and strings alike', () => {
    const t = new ProgressTracker();
    t.update(1, { kind: 'begin', title: 'A', percentage: 70 });
    t.update('b', { kind: 'begin', title: 'B', percentage: 10 });
    assert.equal((t.state({ kind: 'ready' }) as { percent?: number }).percent, 10);
    t.update('b', { kind: 'end' });
    assert.equal((t.state({ kind: 'ready' }) as { percent?: number }).percent, 70);
  });

  it('lets starting, stopped and error states win over progress', () => {
    const t = new ProgressTracker();
    t.update('x', { kind: 'begin', title: 'Indexing' });
    assert.deepEqual(t.state({ kind: 'starting' }), { kind: 'starting' });
    assert.deepEqual(t.state({ kind: 'error', message: 'm' }), { kind: 'error', message: 'm' });
    t.clear();
    assert.deepEqual(t.state({ kind: 'ready' }), { kind: 'ready' });
  });
});
