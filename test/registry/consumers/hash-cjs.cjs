// @desk/hash installed alone, from CommonJS (require): the callback vector signs to its known answer.
const { signCallback, verifyCallback } = require("@desk/hash");
const { callback } = require("./vectors.json");

(async () => {
  console.log(
    JSON.stringify({
      hash: await signCallback(callback.secret, callback.body),
      valid: (await verifyCallback(callback.secret, callback.body, callback.hash)).valid,
      entry: require.resolve("@desk/hash"),
      // The HMAC primitive the entry imports as `#hmac` (package.json `imports`).
      hmac: require("node:module").createRequire(require.resolve("@desk/hash")).resolve("#hmac"),
    }),
  );
})();
