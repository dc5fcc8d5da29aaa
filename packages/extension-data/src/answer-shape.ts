/**
 * A check of one answer body: the value as the user gets it (only the keys named, ids as strings), or the issues,
 * each a dotted path and what was expected there. Hand-written, not zod: answers are checked on every call, and
 * the package imports in a fraction of zod's time.
 */
export type AnswerShape<T> = (data: unknown) => { ok: true; value: T } | { ok: false; issues: string[] };

/** Reads one field; records an issue (and answers undefined) where the value is not what it expects. */
type Field<T> = (value: unknown, path: string, issues: string[]) => T;

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

const expect = (what: string, value: unknown, path: string, issues: string[]): undefined => {
  issues.push(`${path || "(body)"}: expected ${what}, received ${kind(value)}`);
  return undefined;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

const text: Field<string> = (value, path, issues) =>
  typeof value === "string" ? value : (expect("string", value, path, issues) as never);

const flag: Field<boolean> = (value, path, issues) =>
  typeof value === "boolean" ? value : (expect("boolean", value, path, issues) as never);

/** Ids may come as numbers or strings; the user always gets strings. */
const id: Field<string> = (value, path, issues) =>
  typeof value === "string" || typeof value === "number"
    ? String(value)
    : (expect("string or number", value, path, issues) as never);

/** An id, or null when absent. */
const idOrNull: Field<string | null> = (value, path, issues) =>
  value === undefined || value === null ? null : id(value, path, issues);

/** Any JSON object, kept as it is. */
const record: Field<Record<string, unknown>> = (value, path, issues) =>
  isObject(value) ? value : (expect("object", value, path, issues) as never);

function object<T>(fields: { [K in keyof T]: Field<T[K]> }): Field<T> {
  return (value, path, issues) => {
    if (!isObject(value)) return expect("object", value, path, issues) as never;
    const out = {} as T;
    for (const key in fields) out[key] = fields[key](value[key], join(path, key), issues);
    return out;
  };
}

function list<T>(item: Field<T>): Field<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return expect("array", value, path, issues) as never;
    return value.map((entry, index) => item(entry, join(path, index), issues));
  };
}

function shape<T>(field: Field<T>): AnswerShape<T> {
  return (data) => {
    const issues: string[] = [];
    const value = field(data, "", issues);
    return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
  };
}

const storageItem = object({ key: text, queriableValue: text, value: record });

/** The answers of the extension-data APIs as spec 2 describes them. */
export const storageItemShape = shape(storageItem);
export const storageListShape = shape(object({ data: list(storageItem) }));
export const deletedKeysShape = shape(object({ data: list(text) }));
export const configParamsShape = shape(object({ data: list(object({ name: text, value: text })) }));
export const logEntryShape = shape(
  object({
    logId: id,
    parentLogId: idOrNull,
    extensionName: text,
    title: text,
    description: text,
    installationId: id,
    logTime: text,
  }),
);
export const permissionsShape = shape(object({ data: list(object({ apiName: text, isEnabled: flag })) }));
/** An answer whose body is not read (config.set). */
export const anyShape: AnswerShape<unknown> = (data) => ({ ok: true, value: data });
