import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { CliError } from "./cli-error.js";

const positiveInt = z.number().int().positive();

// What an emulator.json may hold: the start flags plus what has no flag (connections, rate limits, timeouts).
const startConfigSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  db: z.string().min(1).optional(),
  manifest: z.string().min(1).optional(),
  resources: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  strict: z.boolean().optional(),
  callbackOrgId: z.enum(["number", "string"]).optional(),
  rateLimits: z
    .union([
      z.boolean(),
      z.strictObject({
        add: positiveInt.optional(),
        get: positiveInt.optional(),
        delete: positiveInt.optional(),
        invoke: positiveInt.optional(),
        log: positiveInt.optional(),
      }),
    ])
    .optional(),
  connections: z.record(z.string().min(1), z.strictObject({ token: z.string().min(1) })).optional(),
  targetTimeoutMs: positiveInt.optional(),
});

/** The contents of an emulator.json, with file paths made absolute (relative to the file's folder). */
export type StartConfig = z.infer<typeof startConfigSchema>;

/**
 * Reads and validates an emulator.json. A bad file is a CliError (exit 1) naming the file, the field and the rule;
 * connection tokens are never echoed.
 *
 * @example
 * const config = await loadStartConfig("/work/hello/emulator.json"); // { port: 4100, connections: { jira: { token: "..." } } }
 */
export async function loadStartConfig(file: string): Promise<StartConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw fail(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      error,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fail(`${file}: not valid JSON (${(error as Error).message})`, error);
  }
  const result = startConfigSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? "(root)" : issue.path.join(".");
    throw fail(`${file}: field "${field}": ${issue?.message ?? "invalid"}`);
  }
  const folder = dirname(file);
  const config = { ...result.data };
  for (const key of ["db", "manifest", "resources"] as const) {
    const value = config[key];
    if (value !== undefined && value !== ":memory:") config[key] = resolve(folder, value);
  }
  return config;
}

function fail(message: string, cause?: unknown): CliError {
  return new CliError({ message: message, exitCode: 1, errorCode: "INVALID_CONFIG", cause });
}
