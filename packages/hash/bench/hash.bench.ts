// Sign and verify against bare node:crypto in the same run. The subject is the public one-shot function (secret
// string in, as the baseline's createHmac gets); the prepared signer and the WebCrypto path are reported beside it.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { BenchCase, BenchSuite } from "../../../scripts/bench-types.ts";
import type { InvokeHashFields } from "../src/index.js";
import { node, web } from "../test/helpers.js";

const SECRET = "my_secret_key_238392";
const KiB = 1024;
const SIZES: [label: string, bytes: number, target: number | undefined][] = [
  ["256 B", 256, 0.8],
  ["4 KiB", 4 * KiB, undefined],
  ["64 KiB", 64 * KiB, 0.95],
  ["1 MiB", 1024 * KiB, 0.95],
];

// Invoke fields whose canonical string is exactly `bytes` long (the postBody takes up the rest).
function fieldsOf(bytes: number): InvokeHashFields {
  const fields = {
    requestURL: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
    requestType: "POST",
    headers: '{"orgId":"12345","Content-Type":"application/json"}',
    postBody: "",
  };
  const rest = bytes - node.stringToHash({ ...fields, postBody: "x" }).length + 1;
  return { ...fields, postBody: `{"value":"${"x".repeat(rest - 12)}"}` };
}

// Small inputs run in batches, so the harness's own cost per call (larger for a promise than for a plain
// return) is shared by many operations instead of dominating a 2 µs HMAC. Every side gets the same batch.
const BATCH = 32;
const batched = (bytes: number) => (bytes <= 4 * KiB ? BATCH : 1);
const repeat =
  (times: number, fn: () => unknown): (() => unknown) =>
  () => {
    for (let i = 0; i < times; i++) fn();
  };
const repeatAsync =
  (times: number, fn: () => Promise<unknown>): (() => Promise<void>) =>
  async () => {
    for (let i = 0; i < times; i++) await fn();
  };
const bareSign = (message: string) => () => createHmac("sha256", SECRET).update(message).digest("hex");
const bareVerify = (message: string, hash: string) => () =>
  timingSafeEqual(createHmac("sha256", SECRET).update(message).digest(), Buffer.from(hash, "hex"));
const timeMs = (bytes: number) => (bytes >= 64 * KiB ? 1000 : 400);

const nodeSigner = node.createSigner(SECRET);
const webSigner = web.createSigner(SECRET);
const cases: BenchCase[] = [];

for (const [label, bytes, target] of SIZES) {
  const fields = fieldsOf(bytes);
  const prebuilt = node.stringToHash(fields);
  if (prebuilt.length !== bytes) throw new Error(`bench input is ${prebuilt.length} bytes, wanted ${bytes}`);
  const baseline = { name: "createHmac(prebuilt string)", fn: bareSign(prebuilt) };
  cases.push({
    name: `signInvoke ${label}`,
    subject: () => node.signInvoke(SECRET, fields),
    baseline,
    references: [
      { name: "createSigner().signInvoke", fn: () => nodeSigner.signInvoke(fields) },
      // The floor: the bare HMAC of the canonical string built from the fields, as signInvoke must build it.
      {
        name: "bare HMAC of stringToHash(fields) (the floor)",
        fn: () => bareSign(node.stringToHash(fields))(),
      },
    ],
    ...(target === undefined ? {} : { target }),
    bytes,
    timeMs: timeMs(bytes),
  });
  cases.push({
    name: `signInvoke ${label} (WebCrypto signer)`,
    subject: () => webSigner.signInvoke(fields),
    baseline,
    references: [{ name: "WebCrypto one-shot signInvoke", fn: () => web.signInvoke(SECRET, fields) }],
    bytes,
    timeMs: timeMs(bytes),
  });
}

for (const [label, bytes] of [
  ["256 B", 256],
  ["64 KiB", 64 * KiB],
] as const) {
  const body = `{"event":"onInstall","pad":"${"x".repeat(bytes - 30)}"}`;
  const hash = createHmac("sha256", SECRET).update(body).digest("hex");
  const baseline = { name: "createHmac + timingSafeEqual", fn: bareVerify(body, hash) };
  cases.push({
    name: `verifyCallback ${label}`,
    subject: () => node.verifyCallback(SECRET, body, hash),
    baseline,
    references: [{ name: "createSigner().verifyCallback", fn: () => nodeSigner.verifyCallback(body, hash) }],
    target: 0.8,
    bytes: body.length,
    timeMs: timeMs(bytes),
  });
  cases.push({
    name: `verifyCallback ${label} (WebCrypto signer)`,
    subject: () => webSigner.verifyCallback(body, hash),
    baseline,
    bytes: body.length,
    timeMs: timeMs(bytes),
  });
}

const fields = fieldsOf(256);
const prebuilt = node.stringToHash(fields);
const invokeHash = createHmac("sha256", SECRET).update(prebuilt).digest("hex");
cases.push({
  name: "verifyInvoke 256 B",
  subject: () => node.verifyInvoke(SECRET, fields, invokeHash),
  baseline: { name: "createHmac(prebuilt) + timingSafeEqual", fn: bareVerify(prebuilt, invokeHash) },
  references: [
    { name: "createSigner().verifyInvoke", fn: () => nodeSigner.verifyInvoke(fields, invokeHash) },
    // The floor: the same bare verify, with the canonical string built from the fields as verifyInvoke must.
    {
      name: "bare verify of stringToHash(fields) (the floor)",
      fn: () =>
        timingSafeEqual(
          createHmac("sha256", SECRET).update(node.stringToHash(fields)).digest(),
          Buffer.from(invokeHash, "hex"),
        ),
    },
  ],
  target: 0.8,
  bytes: 256,
});

const inBatches = (c: BenchCase): BenchCase => {
  const times = batched(c.bytes ?? 0);
  if (times === 1) return c;
  const many = (fn: () => unknown) => repeatAsync(times, async () => fn());
  return {
    ...c,
    opsPerCall: times,
    subject: many(c.subject),
    ...(c.baseline && { baseline: { name: c.baseline.name, fn: repeat(times, c.baseline.fn) } }),
    ...(c.references && { references: c.references.map((r) => ({ name: r.name, fn: many(r.fn) })) }),
  };
};

const suite: BenchSuite = {
  package: "@desk/hash",
  title: "HASH sign and verify vs bare node:crypto (canonical string + HMAC-SHA256 + hex)",
  cases: cases.map(inBatches),
};
export default suite;
