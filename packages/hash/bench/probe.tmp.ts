import { createHmac, timingSafeEqual } from "node:crypto";
import * as node from "../src/index.node.js";

const SECRET = "my_secret_key_238392";
const fields = {
  requestURL: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
  requestType: "POST",
  headers: '{"orgId":"12345","Content-Type":"application/json"}',
  postBody: `{"value":"${"x".repeat(60)}"}`,
};
const pre = node.stringToHash(fields);
const hash = createHmac("sha256", SECRET).update(pre).digest("hex");
const body = pre;
const signer = node.createSigner(SECRET);
const cases: Record<string, () => unknown> = {
  base: () => createHmac("sha256", SECRET).update(pre).digest("hex"),
  sign: () => node.signInvoke(SECRET, fields),
  signer: () => signer.signInvoke(fields),
  baseVerify: () =>
    timingSafeEqual(createHmac("sha256", SECRET).update(body).digest(), Buffer.from(hash, "hex")),
  verifyCb: () => node.verifyCallback(SECRET, body, hash),
  verifyInv: () => node.verifyInvoke(SECRET, fields, hash),
  signerVerifyCb: () => signer.verifyCallback(body, hash),
};
const best: Record<string, number> = {};
for (let round = 0; round < 15; round++) {
  for (const [name, fn] of Object.entries(cases)) {
    const n = 20000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn();
    const ns = Number(process.hrtime.bigint() - t0) / n;
    best[name] = Math.min(best[name] ?? Infinity, ns);
  }
}
for (const [k, v] of Object.entries(best)) console.log(k, v.toFixed(0), "ns");
