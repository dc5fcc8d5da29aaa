import { describe, expect, it } from "vitest";
import { createStandInTracker } from "./stand-in-tracker.js";

const tracker = () => createStandInTracker({ apiToken: "trk_1", connectionToken: "1000.c.1" });
const post = (path: string, body: unknown, headers: Record<string, string>) =>
  new Request(`http://tracker.test${path}`, { method: "POST", body: JSON.stringify(body), headers });
const BEARER = { Authorization: "Bearer trk_1" };

describe("the stand-in tracker", () => {
  it("creates issues per project with the API token; an Idempotency-Key seen before answers 200, creates nothing", async () => {
    const t = tracker();
    const headers = { ...BEARER, "Idempotency-Key": "desk-1-42" };
    const first = await t.handler(post("/rest/projects/ESC/issues", { title: "Broken" }, headers));
    const again = await t.handler(post("/rest/projects/ESC/issues", { title: "Broken" }, headers));
    const other = await t.handler(post("/rest/projects/ESC/issues", { title: "Other" }, BEARER));
    expect([first.status, again.status, other.status]).toEqual([201, 200, 201]);
    expect(await again.json()).toEqual({
      key: "ESC-1",
      project: "ESC",
      title: "Broken",
      description: "",
      links: [],
      url: "http://tracker.test/browse/ESC-1",
    });
    expect(t.issues().map((issue) => issue.key)).toEqual(["ESC-1", "ESC-2"]);
  });

  it("answers 401 without a credential, with a wrong one, or with the right token under the wrong scheme", async () => {
    const t = tracker();
    for (const authorization of [
      undefined,
      "Bearer trk_2",
      "Bearer trk_1x",
      "Zoho-oauthtoken trk_1",
      "trk_1",
    ]) {
      const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
      const response = await t.handler(post("/rest/projects/ESC/issues", { title: "x" }, headers));
      expect(response.status).toBe(401);
    }
    expect(t.issues()).toEqual([]);
    expect(t.requests().map((request) => request.credential)).toEqual([null, null, null, null, null]);
  });

  it("links an issue with the connection's token and records which credential each request used", async () => {
    const t = tracker();
    await t.handler(post("/rest/projects/OPS/issues", { title: "x" }, BEARER));
    const linked = await t.handler(
      post(
        "/rest/issues/OPS-1/links",
        { url: "https://desk.zoho.com/t/1", title: "Desk ticket #1" },
        {
          Authorization: "Zoho-oauthtoken 1000.c.1",
        },
      ),
    );
    expect(linked.status).toBe(201);
    expect(t.issues()[0]!.links).toEqual([{ url: "https://desk.zoho.com/t/1", title: "Desk ticket #1" }]);
    expect(t.requests()).toEqual([
      { method: "POST", path: "/rest/projects/OPS/issues", credential: "apiToken", status: 201 },
      { method: "POST", path: "/rest/issues/OPS-1/links", credential: "connection", status: 201 },
    ]);
  });

  it("refuses a bad project (404), a missing title (400), an unknown issue (404), bad JSON (400)", async () => {
    const t = tracker();
    const statuses = [
      (await t.handler(post("/rest/projects/esc/issues", { title: "x" }, BEARER))).status,
      (await t.handler(post("/rest/projects/ESC/issues", { description: "x" }, BEARER))).status,
      (await t.handler(post("/rest/issues/ESC-9/links", { url: "u", title: "t" }, BEARER))).status,
      (
        await t.handler(
          new Request("http://t/rest/projects/ESC/issues", { method: "POST", body: "{", headers: BEARER }),
        )
      ).status,
    ];
    expect(statuses).toEqual([404, 400, 404, 400]);
  });
});
