// The status bar item's state (pure): what it says for each state of the server, and how work-done
// progress ("Indexing 12 of 40 digests") turns into "indexing 30%".

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'indexing'; percent: number | undefined; message?: string }
  | { kind: 'ready' }
  | { kind: 'stopped' }
  | { kind: 'error'; message: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** a ThemeColor id for the background, when the state calls for attention */
  background?: 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground';
}

export function statusView(state: ServerState): StatusView {
  switch (state.kind) {
    case 'starting':
      return { text: '$(loading~spin) Paper Digest: starting', tooltip: 'The PaperLsp server is starting. Click to open its log.' };
    case 'indexing': {
      const pct = state.percent === undefined ? '' : ` ${state.percent}%`;
      return {
        text: `$(loading~spin) Paper Digest: indexing${pct}`,
        tooltip: `${state.message ?? 'Indexing digests'}. Click to open the server log.`,
      };
    }
    case 'ready':
      return { text: '$(check) Paper Digest', tooltip: 'The PaperLsp server is ready. Click to open its log.' };
    case 'stopped':
      return { text: '$(circle-slash) Paper Digest: stopped', tooltip: 'The PaperLsp server is not running. Click to open its log; run "Paper Digest: Restart Server" to start it.', background: 'statusBarItem.warningBackground' };
    case 'error':
      return { text: '$(error) Paper Digest: error', tooltip: `${state.message} Click to open the server log.`, background: 'statusBarItem.errorBackground' };
  }
}

/** The $/progress payloads of LSP work-done progress. */
export type WorkDoneValue =
  | { kind: 'begin'; title: string; message?: string; percentage?: number }
  | { kind: 'report'; message?: string; percentage?: number }
  | { kind: 'end'; message?: string };

/** "Indexing 12 of 40 digests" → 30 when the server gives no percentage. */
export function percentFromMessage(message: string | undefined): number | undefined {
  const m = message ? /(\d+)(?:\s+of\s+|\s*\/\s*)(\d+)/.exec(message) : null;
  if (!m) return undefined;
  const total = Number(m[2]);
  return total > 0 ? Math.min(100, Math.floor((Number(m[1]) * 100) / total)) : undefined;
}

/**
 * Tracks concurrent work-done progress tokens; the status shows the least advanced one. Returns the
 * state to show after each update (the base state once every token has ended).
 */
export class ProgressTracker {
  private readonly active = new Map<string, { percent?: number; message?: string }>();

  update(token: string | number, value: WorkDoneValue): void {
    const key = String(token);
    if (value.kind === 'end') {
      this.active.delete(key);
      return;
    }
    const prev = this.active.get(key) ?? {};
    const message = value.message ?? (value.kind === 'begin' ? value.title : prev.message);
    const pct = value.percentage ?? percentFromMessage(value.message) ?? prev.percent;
    this.active.set(key, { percent: pct === undefined ? undefined : Math.max(0, Math.min(100, Math.round(pct))), message });
  }

  clear(): void {
    this.active.clear();
  }

  state(base: ServerState): ServerState {
    if (base.kind !== 'ready' || this.active.size === 0) return base;
    let least: { percent?: number; message?: string } | undefined;
    for (const p of this.active.values()) if (!least || (p.percent ?? 0) < (least.percent ?? 0)) least = p;
    return { kind: 'indexing', percent: least?.percent, message: least?.message };
  }
}
