// The settings of section "paperDigest": names, defaults, validation, and the object sent to the
// server (initializationOptions, workspace/configuration answers, didChangeConfiguration).
// Pure: values come in through a getter, so the mapping is unit-tested without VS Code.

export const SECTION = 'paperDigest';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];
export const LOG_LEVELS = ['trace', 'debug', 'information', 'warning', 'error'] as const;
export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;
export const HOVER_SECTIONS = ['tldr', 'figures', 'readingTime', 'links', 'meta', 'copies'] as const;
export const DIAGNOSTIC_CODES = ['PD001', 'PD002', 'PD003', 'PD004', 'PD005', 'PD006', 'PD007', 'PD008', 'PD009'] as const;
export const DUPLICATE_CODES = ['PD001', 'PD002'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];
export type HoverSection = (typeof HOVER_SECTIONS)[number];

/** What the server reads from section paperDigest (client-only keys left out). */
export interface ServerSettings {
  logLevel: LogLevel;
  diagnostics: { severity: Record<string, Severity> };
  duplicates: { otherFileSeverity: Record<string, Severity>; nearThreshold: number };
  workspace: { include: string[]; exclude: string[]; maxFileSizeMB: number; diagnostics: 'openFiles' | 'workspace' };
  hover: { sections: HoverSection[] };
}

export const DEFAULTS = {
  'server.path': '',
  'trace.server': 'off',
  logLevel: 'information',
  'diagnostics.severity': {},
  'duplicates.otherFileSeverity': {},
  'duplicates.nearThreshold': 0.8,
  'workspace.include': ['**/*.digest', '**/*.papers', '**/*.digest.md', '**/*.txt', '**/*.md'],
  'workspace.exclude': ['**/node_modules/**', '**/.git/**', '**/bin/**', '**/obj/**'],
  'workspace.maxFileSizeMB': 50,
  'workspace.diagnostics': 'openFiles',
  'hover.sections': [...HOVER_SECTIONS],
} as const;

export type SettingKey = keyof typeof DEFAULTS;
export const SETTING_KEYS = Object.keys(DEFAULTS) as SettingKey[];

/** Settings whose change only takes effect when the server is started again. */
export const RESTART_KEYS: readonly SettingKey[] = ['server.path'];

/** Reads one key of section paperDigest ("server.path" etc.); undefined when unset. */
export type Getter = (key: SettingKey) => unknown;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function severityMap(value: unknown, codes: readonly string[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [code, sev] of Object.entries(value as Record<string, unknown>)) {
    const c = code.toUpperCase();
    if (codes.includes(c) && typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev.toLowerCase())) {
      out[c] = sev.toLowerCase() as Severity;
    }
  }
  return out;
}

function stringList(value: unknown, fallback: readonly string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The server's view of the settings: every key present, ill-typed values replaced by the default,
 * unknown codes and severities dropped, the threshold clamped to 0.5..1.0.
 */
export function serverSettings(get: Getter): ServerSettings {
  const threshold = finite(get('duplicates.nearThreshold')) ?? DEFAULTS['duplicates.nearThreshold'];
  const maxSize = finite(get('workspace.maxFileSizeMB'));
  const sections = get('hover.sections');
  return {
    logLevel: oneOf(get('logLevel'), LOG_LEVELS, DEFAULTS.logLevel),
    diagnostics: { severity: severityMap(get('diagnostics.severity'), DIAGNOSTIC_CODES) },
    duplicates: {
      otherFileSeverity: severityMap(get('duplicates.otherFileSeverity'), DUPLICATE_CODES),
      nearThreshold: Math.min(1, Math.max(0.5, threshold)),
    },
    workspace: {
      include: stringList(get('workspace.include'), DEFAULTS['workspace.include']),
      exclude: stringList(get('workspace.exclude'), DEFAULTS['workspace.exclude']),
      maxFileSizeMB: maxSize !== undefined && maxSize >= 0 ? maxSize : DEFAULTS['workspace.maxFileSizeMB'],
      diagnostics: oneOf(get('workspace.diagnostics'), ['openFiles', 'workspace'] as const, DEFAULTS['workspace.diagnostics']),
    },
    hover: {
      sections: Array.isArray(sections)
        ? [...new Set(sections.filter((s): s is HoverSection => (HOVER_SECTIONS as readonly unknown[]).includes(s)))]
        : [...HOVER_SECTIONS],
    },
  };
}

/** The trace level for paperDigest.trace.server ("off" for anything unknown). */
export function traceLevel(get: Getter): (typeof TRACE_LEVELS)[number] {
  return oneOf(get('trace.server'), TRACE_LEVELS, 'off');
}

/** Which of the changed keys need a restart (given a predicate "did this full key change?"). */
export function restartNeeded(affects: (fullKey: string) => boolean): SettingKey[] {
  return RESTART_KEYS.filter(k => affects(`${SECTION}.${k}`));
}

/** The answer to a workspace/configuration item, by its section ("paperDigest", "paperDigest.hover", …). */
export function configurationItem(settings: ServerSettings, section: string | undefined): unknown {
  if (section === undefined || section === '') return { [SECTION]: settings };
  if (section === SECTION) return settings;
  if (!section.startsWith(SECTION + '.')) return undefined;
  let node: unknown = settings;
  for (const part of section.slice(SECTION.length + 1).split('.')) {
    if (!node || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return node === undefined ? null : node;
}
