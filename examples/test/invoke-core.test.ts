// The @desk/invoke-core README's Quick start and recipes, run as written against the emulator (third-party
// calls reach a loopback stand-in named by the installation's config params).
import { useEmulator } from "@desk/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { example, manifestFor, runExample, startStandIn } from "./harness.js";

describe("@desk/invoke-core README examples", () => {
  let env: Record<string, string>;
  let standIn: Awaited<ReturnType<typeof startStandIn>>;

  let secret: string;
  afterAll(async () => {
    await standIn?.close();
  });
  // The stand-in starts first: the manifest whitelists it and the installation's config names it.
  const emulator = useEmulator(async () => {
    standIn = await startStandIn((request, response) => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.url === "/rest/api/2/issue" && request.headers.authorization === "Bearer tkn_7") {
        json(201, { key: "TRK-7", summary: JSON.parse(request.body).fields.summary });
      } else if (request.url === "/rest/api/2/search") json(200, { issues: [{ key: "TRK-1" }] });
      else json(401, { error: "unauthorized" });
    });
    const port = Number(new URL(standIn.url).port);
    const manifest = manifestFor("invoke-core", { 4300: port });
    secret = manifest.secret;
    return {
      manifest,
      connections: { trackerconnection: { token: "1000.tracker_oauth" } },
      install: { orgId: "12345", config: { trackerUrl: standIn.url, trackerToken: "tkn_7" } },
    };
  });
  beforeAll(() => {
    env = {
      DESK_SECRET: secret,
      DESK_BASE_URL: emulator.url,
      DESK_ORG_ID: emulator.installation.orgId,
      DESK_SECURITY_CONTEXT: emulator.installation.securityContext,
    };
  });

  it("Quick start: reads the installation's storage through invoke", async () => {
    expect(await runExample(example("invoke-core/invoke.ts"), { env })).toEqual({
      code: 0,
      stdout: `200 {"data":[]}\n`,
      stderr: "",
    });
  });

  it("recipes: a Desk API call, a third-party call with config params, a call through a connection", async () => {
    expect(await runExample(example("invoke-core/recipes.ts"), { env })).toEqual({
      code: 0,
      stdout: [
        "ticket: 200 Cannot log in to the portal",
        `issue: 201 {"key":"TRK-7","summary":"Printer on fire"}`,
        `search: 200 {"issues":[{"key":"TRK-1"}]}`,
        "",
      ].join("\n"),
      stderr: "",
    });
    // Desk put in the secure token and the connection's OAuth token; the script never saw either.
    expect(standIn.received.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["POST", "/rest/api/2/issue", "Bearer tkn_7"],
      ["GET", "/rest/api/2/search", "Zoho-oauthtoken 1000.tracker_oauth"],
    ]);
  });
});
