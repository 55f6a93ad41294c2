import { utf8Length } from "../format";

/**
 * A delegate statement being written in the browser: the limits DelegateStatements enforces, checked before
 * anything is sent, the focus-area list, and the draft kept in localStorage until it is published.
 */

/**
 * The limits of `contracts/src/DelegateStatements.sol` (MAX_DISPLAY_NAME_LENGTH, MAX_STATEMENT_LENGTH,
 * MAX_FOCUS_AREAS, MAX_FOCUS_AREA_LENGTH). The contract measures `bytes(text).length`, i.e. UTF-8 bytes, not
 * characters. Keep these in step with the contract.
 */
export const statementLimits = {
  displayNameBytes: 64,
  statementBytes: 8_192,
  focusAreas: 8,
  focusAreaBytes: 32,
} as const;

/** The focus areas offered as one-click choices; any other is added as a free tag. */
export const suggestedFocusAreas = [
  "GPU clusters",
  "Inference pricing",
  "Model safety",
  "Data licensing",
  "Treasury",
  "Protocol upgrades",
] as const;

export type StatementDraft = { displayName: string; statement: string; focusAreas: string[] };

export const emptyDraft: StatementDraft = { displayName: "", statement: "", focusAreas: [] };

/** 8192 -> "8,192". */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

function formatBytes(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "byte" : "bytes"}`;
}

function focusAreaKey(area: string): string {
  return area.trim().toLowerCase();
}

/** Whether `areas` holds `area` (trimmed, any case). */
export function hasFocusArea(areas: readonly string[], area: string): boolean {
  const key = focusAreaKey(area);
  return areas.some((existing) => focusAreaKey(existing) === key);
}

/** Trimmed, empty ones dropped, each once (any case; the first spelling wins), in their order. */
export function normalizeFocusAreas(areas: readonly string[]): string[] {
  const result: string[] = [];
  for (const area of areas) {
    const trimmed = area.trim();
    if (trimmed && !hasFocusArea(result, trimmed)) result.push(trimmed);
  }
  return result;
}

/**
 * Add one focus area (trimmed). Refused, with the reason, when it is empty, over the byte limit, already there,
 * or when the list is full.
 */
export function addFocusArea(
  areas: readonly string[],
  area: string,
): { ok: true; areas: string[] } | { ok: false; reason: string } {
  const trimmed = area.trim();
  if (!trimmed) return { ok: false, reason: "Type a focus area first." };
  if (hasFocusArea(areas, trimmed)) return { ok: false, reason: `"${trimmed}" is already in your focus areas.` };
  const bytes = utf8Length(trimmed);
  if (bytes > statementLimits.focusAreaBytes) {
    return {
      ok: false,
      reason: `A focus area is at most ${statementLimits.focusAreaBytes} bytes; "${trimmed}" is ${bytes} bytes.`,
    };
  }
  const current = normalizeFocusAreas(areas);
  if (current.length >= statementLimits.focusAreas) {
    return {
      ok: false,
      reason: `At most ${statementLimits.focusAreas} focus areas: remove one before adding another.`,
    };
  }
  return { ok: true, areas: [...current, trimmed] };
}

/** `areas` without `area` (any case). */
export function removeFocusArea(areas: readonly string[], area: string): string[] {
  const key = focusAreaKey(area);
  return areas.filter((existing) => focusAreaKey(existing) !== key);
}

/** What `publishStatement` is called with: the name and text trimmed, the focus areas normalized. */
export function statementInput(draft: StatementDraft): StatementDraft {
  return {
    displayName: draft.displayName.trim(),
    statement: draft.statement.trim(),
    focusAreas: normalizeFocusAreas(draft.focusAreas),
  };
}

export type DraftField = "displayName" | "statement" | "focusAreas";
/** `missing`: a required field is empty; `limit`: a limit of the contract is exceeded. */
export type DraftProblem = { field: DraftField; kind: "missing" | "limit"; message: string };

export type DraftCheck = {
  /** What would be sent. */
  input: StatementDraft;
  /** UTF-8 bytes of what would be sent. */
  bytes: { displayName: number; statement: number; focusAreas: number[] };
  /** Empty when the contract would accept the input. */
  problems: DraftProblem[];
};

/** Every limit of `publishStatement`, checked on what would be sent, in the order of the form's fields. */
export function checkDraft(draft: StatementDraft): DraftCheck {
  const input = statementInput(draft);
  const bytes = {
    displayName: utf8Length(input.displayName),
    statement: utf8Length(input.statement),
    focusAreas: input.focusAreas.map(utf8Length),
  };
  const problems: DraftProblem[] = [];
  const { displayNameBytes, statementBytes, focusAreas, focusAreaBytes } = statementLimits;

  if (bytes.displayName === 0)
    problems.push({ field: "displayName", kind: "missing", message: "Enter a display name." });
  else if (bytes.displayName > displayNameBytes) {
    problems.push({
      field: "displayName",
      kind: "limit",
      message: `The display name is ${formatCount(bytes.displayName)} bytes; the limit is ${displayNameBytes} bytes.`,
    });
  }

  if (bytes.statement === 0) problems.push({ field: "statement", kind: "missing", message: "Write your statement." });
  else if (bytes.statement > statementBytes) {
    problems.push({
      field: "statement",
      kind: "limit",
      message:
        `The statement is ${formatCount(bytes.statement)} bytes; the limit is ${formatCount(statementBytes)} bytes ` +
        `(UTF-8: accented letters and symbols take 2 to 4 bytes). Shorten it by ` +
        `${formatBytes(bytes.statement - statementBytes)}.`,
    });
  }

  if (input.focusAreas.length > focusAreas) {
    problems.push({
      field: "focusAreas",
      kind: "limit",
      message: `${input.focusAreas.length} focus areas; the limit is ${focusAreas}.`,
    });
  }
  input.focusAreas.forEach((area, i) => {
    if (bytes.focusAreas[i] > focusAreaBytes) {
      problems.push({
        field: "focusAreas",
        kind: "limit",
        message: `The focus area "${area}" is ${bytes.focusAreas[i]} bytes; the limit is ${focusAreaBytes} bytes.`,
      });
    }
  });
  return { input, bytes, problems };
}

/** Whether two statements would publish the same content. */
export function sameStatement(a: StatementDraft, b: StatementDraft): boolean {
  const x = statementInput(a);
  const y = statementInput(b);
  return (
    x.displayName === y.displayName &&
    x.statement === y.statement &&
    x.focusAreas.length === y.focusAreas.length &&
    x.focusAreas.every((area, i) => area === y.focusAreas[i])
  );
}

/** The editor's starting point for a published statement (or an empty one). */
export function draftFromStatement(
  statement?: { displayName: string; text: string; focusAreas: readonly string[] } | undefined,
): StatementDraft {
  if (!statement) return { ...emptyDraft, focusAreas: [] };
  return { displayName: statement.displayName, statement: statement.text, focusAreas: [...statement.focusAreas] };
}

/** Where the unpublished draft of `address` is kept in localStorage. */
export function draftStorageKey(address: string): string {
  return `plenum:statement-draft:${address.toLowerCase()}`;
}

/** A stored draft (parsed JSON) when it has the draft's shape; undefined for anything else. */
export function parseStoredDraft(value: unknown): StatementDraft | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { displayName, statement, focusAreas } = value as Record<string, unknown>;
  if (typeof displayName !== "string" || typeof statement !== "string") return undefined;
  if (!Array.isArray(focusAreas) || !focusAreas.every((area) => typeof area === "string")) return undefined;
  return { displayName, statement, focusAreas };
}
