import { hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { KEY_ENV, KEY_FILE_SUFFIX } from "../constants.js";
import { EmulatorError } from "../errors/emulator-error.js";

/** The keys derived from the emulator's one master key, and where the master key came from. */
export interface KeyMaterial {
  /** Seals securityContexts. */
  sealingKey: Buffer;
  /** Seals secure config values at rest. */
  valuesKey: Buffer;
  source: "env" | "file" | "memory";
  /** The key file, when the key lives in one. */
  file: string | undefined;
}

const MASTER_BYTES = 32;

function parseMaster(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64url");
  if (
    key.length !== MASTER_BYTES ||
    (!/^[0-9a-fA-F]{64}$/.test(trimmed) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed))
  ) {
    // Never quote the text: it is meant to be a key.
    throw new EmulatorError({
      message: `${where} must hold a 32-byte key as 64 hex characters or 43 base64url characters`,
    });
  }
  return key;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `@desk/emulator ${purpose} v1`, 32));
}

function fromFile(file: string): Buffer {
  if (!existsSync(file)) {
    const key = randomBytes(MASTER_BYTES);
    try {
      // Created readable by its owner only; "wx" never overwrites a key another process just wrote.
      writeFileSync(file, `${key.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseMaster(readFileSync(file, "utf8"), file);
}

/**
 * The master key, never in the database: from `DESK_EMULATOR_KEY` when set, else from `<db>.key` beside a file
 * database (created 0600 on first start), else (`:memory:`) random for this run. Both working keys are derived
 * from it with HKDF, one per purpose.
 *
 * @example
 * const keys = loadKeyMaterial(".desk-emulator/desk.db", process.env);
 * const sealer = new SecurityContextSealer(keys.sealingKey);
 */
export function loadKeyMaterial(
  dbPath: string,
  env: Readonly<Record<string, string | undefined>>,
): KeyMaterial {
  const given = env[KEY_ENV];
  let master: Buffer;
  let source: KeyMaterial["source"];
  let file: string | undefined;
  if (given !== undefined && given !== "") {
    master = parseMaster(given, KEY_ENV);
    source = "env";
  } else if (dbPath === ":memory:") {
    master = randomBytes(MASTER_BYTES);
    source = "memory";
  } else {
    file = `${dbPath}${KEY_FILE_SUFFIX}`;
    master = fromFile(file);
    source = "file";
  }
  return {
    sealingKey: derive(master, "securityContext"),
    valuesKey: derive(master, "secure config"),
    source,
    file,
  };
}
