import { signInvoke } from "@desk/hash";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXTENSION_NAME, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { invoke, invoker } from "./helpers/invoke.js";

const LOGS = "https://desk.zoho.com/api/v1/extensionLogs";
const SECRET = "real_manifest_secret_4c1e";

// The shape of Zoho's extension template: no name, no secret, no callbackListener.
const template = {
  locale: ["en"],
  service: "DESK",
  storage: false,
  whiteListedDomains: ["https://desk.zoho.com"],
  modules: {
    widgets: [{ name: "Board", location: "desk.ticket.detail.rightpanel", url: "/app/widget.html" }],
  },
  config: [],
  connectors: [],
};

describe("real manifests (no name, secret only with callbackListener)", () => {
  const bare = useEmulator({ manifest: template, install: true });
  const named = useEmulator({
    manifest: { ...template, secret: SECRET },
    name: "Ticket Board",
    install: true,
  });

  it("a manifest without secret starts, and its invoke calls get 401 INVALID_HASH saying the manifest has none", async () => {
    expect(bare.secret).toBeUndefined();
    const answer = await invoke(bare.url, undefined, {
      fields: { requestURL: LOGS, requestType: "GET" },
      orgId: bare.installation.orgId,
      securityContext: bare.installation.securityContext,
      hash: await signInvoke("any-secret", { requestURL: LOGS, requestType: "GET" }),
    });
    expect(answer.status).toBe(401);
    expect(answer.body["errorCode"]).toBe("INVALID_HASH");
    expect(answer.body["message"]).toMatch(/^plugin-manifest\.json has no secret/);
  });

  it("extensionName of log answers: the name option, else DEFAULT_EXTENSION_NAME", async () => {
    expect(bare.name).toBe(DEFAULT_EXTENSION_NAME);
    expect(named.name).toBe("Ticket Board");
    const postBody = JSON.stringify({ title: "t", description: "d", installationId: "{{installationId}}" });
    const answer = await invoker(
      named.url,
      named.secret,
      named.installation,
    )({
      requestURL: LOGS,
      requestType: "POST",
      postBody,
      headers: JSON.stringify({ "Content-Type": "application/json" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.target?.statusMessage).toMatchObject({ extensionName: "Ticket Board", title: "t" });
  });

  it("a callback with no secret to sign it is not sent, and says why", async () => {
    const emulator = await startEmulator({
      manifest: { ...template, callbackListener: { onUpdate: "http://127.0.0.1:9/u" }, secret: "" },
      port: 0,
      db: ":memory:",
    });
    try {
      const { installationId } = await emulator.install();
      const outcome = await emulator.trigger("onUpdate", { installationId });
      expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringContaining("no secret") });
    } finally {
      await emulator.close();
    }
  });
});
