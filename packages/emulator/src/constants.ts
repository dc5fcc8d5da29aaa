import { sourceVersion } from "./source-version.js";

declare const __EMULATOR_VERSION__: string | undefined;

/**
 * Every [decision] of the wire reference (`docs/wire-reference.md` at the repository root) that the emulator implements, each in one place.
 *
 * @example
 * import { STORAGE_LIMITS } from "@desk/emulator";
 * STORAGE_LIMITS.valueMaxBytes; // 5222 (the same names as @desk/extension-data's STORAGE_LIMITS)
 */
export const STORAGE_LIMITS = {
  /** key and queriableValue: 1 to 50 characters [doc]. */
  keyMinLength: 1,
  keyMaxLength: 50,
  /** letters, digits and only `,` `_` `:` [doc] (length checked apart). */
  keyPattern: /^[A-Za-z0-9,_:]*$/,
  /** 5.1 KB measured on the compact JSON text of `value` in UTF-8 bytes [doc; byte count: decision]. */
  valueMaxBytes: 5222,
  /** objects per add call [doc]. */
  itemsPerAdd: 10,
  /** get without `limit` [doc]. */
  defaultPageSize: 20,
  /** largest `limit` [decision]. */
  maxPageSize: 100,
} as const;

/**
 * Requests per minute and installation (spec 2.1 for storage [doc]; the invoke limit and the log limit, 100 logs
 * a minute, are decisions: Desk publishes none, and a log flood must not grow the database without bound).
 *
 * @example
 * import { DEFAULT_RATE_LIMITS } from "@desk/emulator";
 * DEFAULT_RATE_LIMITS.add; // 50
 */
export const DEFAULT_RATE_LIMITS = { add: 50, get: 250, delete: 50, invoke: 600, log: 100 } as const;

/**
 * Window of every rate limit, in ms.
 *
 * @example
 * import { RATE_LIMIT_WINDOW_MS } from "@desk/emulator";
 * RATE_LIMIT_WINDOW_MS; // 60000
 */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Largest invoke request body accepted, in bytes (413 PAYLOAD_TOO_LARGE above) [decision].
 *
 * @example
 * import { INVOKE_BODY_LIMIT_BYTES } from "@desk/emulator";
 * if (form.length > INVOKE_BODY_LIMIT_BYTES) throw new Error("too large for Desk");
 */
export const INVOKE_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Largest admin API request body, in bytes (413 PAYLOAD_TOO_LARGE above) [decision].
 *
 * @example
 * import { ADMIN_BODY_LIMIT_BYTES } from "@desk/emulator";
 * ADMIN_BODY_LIMIT_BYTES; // 1 MiB
 */
export const ADMIN_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Largest target response body the emulator reads, in bytes (502 above) [decision].
 *
 * @example
 * import { TARGET_RESPONSE_LIMIT_BYTES } from "@desk/emulator";
 * TARGET_RESPONSE_LIMIT_BYTES; // 10 MiB
 */
export const TARGET_RESPONSE_LIMIT_BYTES = 10_485_760;

/**
 * Default timeout of a forwarded call and of a callback, in ms [decision].
 *
 * @example
 * import { DEFAULT_TARGET_TIMEOUT_MS } from "@desk/emulator";
 * await startEmulator({ manifest, targetTimeoutMs: DEFAULT_TARGET_TIMEOUT_MS * 2 });
 */
export const DEFAULT_TARGET_TIMEOUT_MS = 10_000;

/**
 * Redirects followed (to whitelisted origins only) before 502 [decision].
 *
 * @example
 * import { MAX_REDIRECTS } from "@desk/emulator";
 * MAX_REDIRECTS; // 5
 */
export const MAX_REDIRECTS = 5;

/**
 * Whether a redirect from a third-party origin into a Desk origin is followed [decision: never]. Followed, it would
 * run with the caller's installation and authority, so the third party would choose whose data is reached; refused
 * with 403 REDIRECT_REFUSED.
 *
 * @example
 * import { FOLLOW_REDIRECTS_INTO_DESK } from "@desk/emulator";
 * FOLLOW_REDIRECTS_INTO_DESK; // false
 */
export const FOLLOW_REDIRECTS_INTO_DESK = false;

/**
 * What GET configParams answers for a secure param with a value [decision].
 *
 * @example
 * import { MASKED_CONFIG_VALUE } from "@desk/emulator";
 * const isMasked = (value: string) => value === MASKED_CONFIG_VALUE;
 */
export const MASKED_CONFIG_VALUE = "********";

/**
 * The unpublished my-permissions path [decision]; `{installationId}` is the caller's installation.
 *
 * @example
 * import { MY_PERMISSIONS_PATH } from "@desk/emulator";
 * const url = `https://desk.zoho.com${MY_PERMISSIONS_PATH.replace("{installationId}", "{{installationId}}")}`;
 */
export const MY_PERMISSIONS_PATH = "/api/v1/installedExtensions/{installationId}/myPermissions";

/**
 * Logs expire this long after their logTime [doc].
 *
 * @example
 * import { LOG_TTL_MS } from "@desk/emulator";
 * emulator.setNow?.(Date.now() + LOG_TTL_MS); // every log written before now has expired
 */
export const LOG_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Logs per reference: 1 parent + 9 sub logs [doc]; the 11th is refused [decision].
 *
 * @example
 * import { LOG_GROUP_MAX_ENTRIES } from "@desk/emulator";
 * LOG_GROUP_MAX_ENTRIES; // 10: 1 parent + 9 sub logs
 */
export const LOG_GROUP_MAX_ENTRIES = 10;

/**
 * Sizes of a log's text, in characters (Unicode code points) [decision: Desk publishes none]; longer is refused with
 * 422 UNPROCESSABLE_ENTITY naming `title`, `description` or `reference`.
 *
 * @example
 * import { LOG_LIMITS } from "@desk/emulator";
 * LOG_LIMITS.descriptionMaxLength; // 10000
 */
export const LOG_LIMITS = {
  titleMaxLength: 255,
  descriptionMaxLength: 10_000,
  referenceMaxLength: 255,
} as const;

/**
 * Desk's data-centre origins; invoke calls to these are served in-process.
 *
 * @example
 * import { DESK_ORIGINS } from "@desk/emulator";
 * DESK_ORIGINS.includes(new URL(requestURL).origin); // served in-process by the emulator
 */
export const DESK_ORIGINS: readonly string[] = [
  "https://desk.zoho.com",
  "https://desk.zoho.eu",
  "https://desk.zoho.in",
  "https://desk.zoho.com.au",
  "https://desk.zoho.jp",
  "https://desk.zoho.ca",
  "https://desk.zoho.sa",
  "https://desk.zoho.com.cn",
];

/**
 * `extensionName` of log answers when neither the `name` option nor the manifest names the extension [decision].
 *
 * @example
 * import { DEFAULT_EXTENSION_NAME } from "@desk/emulator";
 * DEFAULT_EXTENSION_NAME; // "Desk extension"
 */
export const DEFAULT_EXTENSION_NAME = "Desk extension";

/**
 * How a callback body carries `orgId`: a JSON number (Desk's documentation) or a JSON string (what Zoho's own
 * handler code reads) [decision: one option, `callbackOrgId`].
 *
 * @example
 * import type { CallbackOrgId } from "@desk/emulator";
 * const orgIdAs: CallbackOrgId = "string";
 */
export type CallbackOrgId = "number" | "string";

/**
 * Default of the `callbackOrgId` option: `orgId` as a number when it is numeric, as Desk's documentation shows
 * [doc; the default: decision].
 *
 * @example
 * import { DEFAULT_CALLBACK_ORG_ID } from "@desk/emulator";
 * DEFAULT_CALLBACK_ORG_ID; // "number"
 */
export const DEFAULT_CALLBACK_ORG_ID: CallbackOrgId = "number";

/**
 * Default database file of a started emulator.
 *
 * @example
 * import { DEFAULT_DB_PATH } from "@desk/emulator";
 * await startEmulator({ manifest, db: DEFAULT_DB_PATH });
 */
export const DEFAULT_DB_PATH = ".desk-emulator/desk.db";

/**
 * The emulator's version, reported by `/_emulator/health` and `desk-emulator --version`: package.json's, injected at
 * build by tsup's `define`; read from package.json when running from source (tests, benchmarks).
 *
 * @example
 * import { EMULATOR_VERSION } from "@desk/emulator";
 * console.log(EMULATOR_VERSION); // the version in package.json
 */
export const EMULATOR_VERSION: string =
  typeof __EMULATOR_VERSION__ === "string" ? __EMULATOR_VERSION__ : sourceVersion();

/**
 * Environment variable that may hold the emulator's master key (32 bytes, 64 hex or 43 base64url characters)
 * [decision]. Without it, the key lives in a file beside the database (KEY_FILE_SUFFIX), never in the database.
 *
 * @example
 * import { KEY_ENV } from "@desk/emulator";
 * process.env[KEY_ENV] = require("node:crypto").randomBytes(32).toString("hex");
 */
export const KEY_ENV = "DESK_EMULATOR_KEY";

/**
 * The key file is the database path plus this suffix (`.desk-emulator/desk.db.key`), created with mode 0600
 * [decision]. Whoever can read it can mint securityContexts and read secure config values: keep it out of VCS.
 *
 * @example
 * import { KEY_FILE_SUFFIX } from "@desk/emulator";
 * const keyFile = `.desk-emulator/desk.db${KEY_FILE_SUFFIX}`;
 */
export const KEY_FILE_SUFFIX = ".key";

/**
 * Environment variable holding the optional admin token (CLI `start` and the admin commands read it).
 *
 * @example
 * import { ADMIN_TOKEN_ENV } from "@desk/emulator";
 * process.env[ADMIN_TOKEN_ENV] = "a long random string"; // then `desk-emulator start`
 */
export const ADMIN_TOKEN_ENV = "DESK_EMULATOR_ADMIN_TOKEN";

/**
 * Bounds of the dashboard at `/_emulator/` [decision]: how many invoke calls it remembers (in memory, oldest dropped
 * first), how much of each recorded text part it keeps, its storage page size and the count past which it says
 * "N+" instead of counting further (so browsing 100,000 keys costs a page, never a scan).
 *
 * @example
 * import { DASHBOARD_LIMITS } from "@desk/emulator";
 * DASHBOARD_LIMITS.invocations; // 500
 */
export const DASHBOARD_LIMITS = {
  invocations: 500,
  textChars: 20_000,
  storagePageSize: 50,
  storageCountCap: 1_000,
} as const;

/**
 * `User-Agent` of every request the emulator sends (forwarded invoke calls and callbacks) when the caller gave none
 * [decision]. Nothing else is added: none of fetch's browser-like defaults.
 *
 * @example
 * import { OUTGOING_USER_AGENT } from "@desk/emulator";
 * request.headers["user-agent"] === OUTGOING_USER_AGENT; // a call the emulator sent
 */
export const OUTGOING_USER_AGENT = `desk-emulator/${EMULATOR_VERSION} (Zoho Desk emulator; +https://github.com/desk-extension-sdk/desk-extension-sdk)`;

/**
 * Paging of the Desk REST lists the emulator serves: `from` and `limit` are Desk's query parameters [doc]; `from`
 * counts from 0 (as Desk's search API states and as for storage) [doc]; the default and the maximum `limit` per
 * resource are the emulator's [decision: 10 by default, 50 for comments, at most 100 everywhere; Desk's pages
 * state other maxima in places, and one bound keeps clients honest].
 *
 * @example
 * import { DESK_LIST_LIMITS } from "@desk/emulator";
 * DESK_LIST_LIMITS.tickets.maxLimit; // 100
 */
export const DESK_LIST_LIMITS = {
  tickets: { defaultLimit: 10, maxLimit: 100 },
  comments: { defaultLimit: 50, maxLimit: 100 },
  threads: { defaultLimit: 10, maxLimit: 100 },
  contacts: { defaultLimit: 10, maxLimit: 100 },
  departments: { defaultLimit: 10, maxLimit: 100 },
} as const;

/**
 * Status of a Desk REST list with nothing on the page: Desk answers 204 No Content with no body, not `{"data": []}`
 * [decision, after Desk's status table, which lists 204, and what clients of Desk's API handle], so an extension's
 * paging loop must stop on it.
 *
 * @example
 * import { DESK_EMPTY_LIST_STATUS } from "@desk/emulator";
 * if (answer.statusCode === DESK_EMPTY_LIST_STATUS) break; // past the last page
 */
export const DESK_EMPTY_LIST_STATUS = 204;

/**
 * The number of the first ticket of an org; later tickets count up from it and never reuse the number of a ticket
 * moved to trash [decision].
 *
 * @example
 * import { FIRST_TICKET_NUMBER } from "@desk/emulator";
 * FIRST_TICKET_NUMBER; // 101: the first seeded ticket of every org
 */
export const FIRST_TICKET_NUMBER = 101;

/**
 * Bounds of one channel import (`POST /api/v1/channels/{{installationId}}/import`): at most 1000 tickets and 1000
 * threads [doc: Zoho's channel-integration guide, "max 1000"]; a ticket made from a thread without a ticket takes
 * the thread's content, cut at `subjectMaxLength` characters, as its subject [decision].
 *
 * @example
 * import { CHANNEL_IMPORT_LIMITS } from "@desk/emulator";
 * CHANNEL_IMPORT_LIMITS.threads; // 1000
 */
export const CHANNEL_IMPORT_LIMITS = { tickets: 1000, threads: 1000, subjectMaxLength: 255 } as const;

/**
 * `channel` of a ticket a channel import creates when resources.json's `channel` resource has no `name`
 * [decision: Desk shows the channel's own name; the emulator takes `channel.name` when there is one].
 *
 * @example
 * import { DEFAULT_IMPORT_CHANNEL } from "@desk/emulator";
 * DEFAULT_IMPORT_CHANNEL; // "Channel integration"
 */
export const DEFAULT_IMPORT_CHANNEL = "Channel integration";
