import { signInvoke, stringToHash, verifyInvoke } from "@desk/hash";
import { describe, expect, it } from "vitest";
import {
  createInvokeClient,
  DATA_CENTERS,
  type InvokeClientOptions,
  InvokePlaceholderError,
  type InvokeRequest,
  InvokeValidationError,
} from "../src/index.js";
import { InvokeFormSchema } from "../src/schemas.js";
import { deskAnswer, hashedFields, invokeVectors, reply, useDeskTestServer } from "./helpers.js";

const server = useDeskTestServer();

const SECRET = "my_secret_key_238392";
const SECURITY_CONTEXT = "ctx.eyJvcmdJZCI6MTIzNDV9.signature";
const client = (options: Partial<InvokeClientOptions> = {}) =>
  createInvokeClient({
    secret: SECRET,
    orgId: "12345",
    securityContext: SECURITY_CONTEXT,
    baseUrl: server.url,
    ...options,
  });

describe("the invoke call on the wire", () => {
  it("POSTs the form to /api/v1/invoke?orgId= with a HASH over exactly the sent fields", async () => {
    const result = await client().invoke({
      url: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
      method: "GET",
      query: { queriableValue: "tickets", from: 0, limit: 20 },
      headers: { orgId: "12345" },
    });
    expect(result).toEqual({
      status: 200,
      ok: true,
      data: { ok: true },
      text: '{"ok":true}',
      headers: { "content-type": "application/json" },
    });
    const [received] = server.requests;
    expect(received!.method).toBe("POST");
    expect(received!.url).toBe("/api/v1/invoke?orgId=12345");
    expect(received!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(received!.form).toEqual({
      requestURL: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
      requestType: "GET",
      queryParams: '{"queriableValue":"tickets","from":0,"limit":20}',
      headers: '{"orgId":"12345"}',
      securityContext: SECURITY_CONTEXT,
    });
    // The public vector for this very request.
    expect(received!.headers.hash).toBe("b005b18166007666e38f0019083e3359f8876a42c82f2002f227f061d13af364");
    expect(await verifyInvoke(SECRET, hashedFields(received!), received!.headers.hash as string)).toEqual({
      valid: true,
      secretIndex: 0,
    });
    expect(InvokeFormSchema.safeParse(received!.form).success).toBe(true);
  });

  it("sends the exact URL-encoded body: fields in HASH order, then securityContext", async () => {
    await client().invoke({
      url: "https://api.example.com/a b?x=1&y=2",
      method: "POST",
      body: "50% & more + tax",
    });
    const form = new URLSearchParams();
    form.set("requestURL", "https://api.example.com/a b?x=1&y=2");
    form.set("requestType", "POST");
    form.set("postBody", "50% & more + tax");
    form.set("securityContext", SECURITY_CONTEXT);
    expect(server.requests[0]!.body).toBe(form.toString());
  });

  it("reproduces all 5 public vectors through the client's form builder", async () => {
    for (const vector of invokeVectors) {
      const { requestURL, requestType, queryParams, postBody, headers, connectionLinkName } = vector.fields;
      server.reset();
      await createInvokeClient({
        secret: vector.secret,
        orgId: 1,
        securityContext: SECURITY_CONTEXT,
        baseUrl: server.url,
      }).invoke({
        url: requestURL!,
        method: requestType as InvokeRequest["method"],
        // The vectors' JSON texts as the objects a caller writes ("" = not given).
        ...(queryParams ? { query: JSON.parse(queryParams) } : {}),
        ...(headers ? { headers: JSON.parse(headers) } : {}),
        body: postBody ?? "",
        connection: connectionLinkName ?? "",
      });
      const received = server.requests[0]!;
      expect(stringToHash(hashedFields(received)), vector.name).toBe(vector.stringToHash);
      expect(received.headers.hash, vector.name).toBe(vector.hash);
    }
    expect(invokeVectors).toHaveLength(5);
  });

  it("regression: the doc sample's numeric header value ({orgId: 376723}) is expressible as an object", async () => {
    const vector = invokeVectors.find((v) => v.name === "doc-sample-all-fields")!;
    await createInvokeClient({
      secret: vector.secret,
      orgId: 376723,
      securityContext: SECURITY_CONTEXT,
      baseUrl: server.url,
    }).invoke({
      url: "https://desk.zoho.com/api/v1/tickets",
      method: "POST",
      query: {},
      headers: { orgId: 376723 },
      body: "{}",
      connection: "myConnectionLinkName",
    });
    const received = server.requests[0]!;
    expect(received.form.headers).toBe('{"orgId":376723}');
    expect(stringToHash(hashedFields(received))).toBe(vector.stringToHash);
    expect(received.headers.hash).toBe(vector.hash);
  });

  it("signs with the first secret of several (rotation)", async () => {
    await client({ secret: ["new-secret", SECRET] }).invoke({
      url: "https://api.example.com/x",
      method: "GET",
    });
    const received = server.requests[0]!;
    expect(received.headers.hash).toBe(await signInvoke("new-secret", hashedFields(received)));
  });

  it("adds Content-Type: application/json to the signed headers for an object body", async () => {
    await client().invoke({
      url: "https://api.example.com/x",
      method: "PATCH",
      body: { a: 1 },
      connection: "jira",
    });
    expect(server.requests[0]!.form).toEqual({
      requestURL: "https://api.example.com/x",
      requestType: "PATCH",
      postBody: '{"a":1}',
      headers: '{"Content-Type":"application/json"}',
      connectionLinkName: "jira",
      securityContext: SECURITY_CONTEXT,
    });
  });

  it("hands back a target's non-2xx answer as a result by default", async () => {
    server.use((_request, response) =>
      reply(response, 200, deskAnswer(404, { errorCode: "NOT_FOUND" }, { "X-Id": "9" })),
    );
    expect(await client().invoke({ url: "https://api.example.com/x", method: "POST" })).toEqual({
      status: 404,
      ok: false,
      data: { errorCode: "NOT_FOUND" },
      text: '{"errorCode":"NOT_FOUND"}',
      headers: { "content-type": "application/json", "x-id": "9" },
    });
  });

  it("trims a trailing slash of baseUrl and accepts a numeric orgId", async () => {
    await client({ baseUrl: `${server.url}/`, orgId: 987 }).invoke({
      url: "https://a.example",
      method: "GET",
    });
    expect(server.requests[0]!.url).toBe("/api/v1/invoke?orgId=987");
  });
});

describe("data centres", () => {
  it("maps every data centre to its Desk origin", () => {
    expect(DATA_CENTERS).toEqual({
      com: "https://desk.zoho.com",
      eu: "https://desk.zoho.eu",
      in: "https://desk.zoho.in",
      "com.au": "https://desk.zoho.com.au",
      jp: "https://desk.zoho.jp",
      ca: "https://desk.zoho.ca",
      sa: "https://desk.zoho.sa",
      "com.cn": "https://desk.zoho.com.cn",
    });
  });

  it("POSTs to the data centre's origin without baseUrl (seen through an injected fetch)", async () => {
    const seen: string[] = [];
    // Real HTTP: the injected fetch records the URL, then sends the same request to the test server.
    const viaTestServer: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      seen.push(request.url);
      return fetch(new Request(request.url.replace("https://desk.zoho.eu", server.url), request));
    };
    const eu = createInvokeClient({
      secret: SECRET,
      orgId: 42,
      securityContext: SECURITY_CONTEXT,
      dataCenter: "eu",
      fetch: viaTestServer,
    });
    expect((await eu.invoke({ url: `${eu.deskOrigin}/api/v1/tickets`, method: "GET" })).status).toBe(200);
    expect(seen).toEqual(["https://desk.zoho.eu/api/v1/invoke?orgId=42"]);
    expect(server.requests[0]!.form.requestURL).toBe("https://desk.zoho.eu/api/v1/tickets");
  });

  it("exposes deskOrigin and orgId; baseUrl moves only the invoke endpoint", () => {
    const eu = client({ dataCenter: "eu", orgId: 42 });
    expect(eu.deskOrigin).toBe("https://desk.zoho.eu");
    expect(eu.orgId).toBe("42");
    expect(client().deskOrigin).toBe("https://desk.zoho.com");
  });
});

describe("checks before any network call", () => {
  const cases: [string, Partial<InvokeRequest> & Record<string, unknown>, string][] = [
    ["unknown method", { method: "HEAD" as "GET" }, "method"],
    ["lower-case method", { method: "get" as "GET" }, "method"],
    ["relative URL", { url: "/api/v1/tickets" }, "url"],
    ["ftp URL", { url: "ftp://files.example.com/x" }, "url"],
    ["javascript URL", { url: "javascript:alert(1)" }, "url"],
    ["URL with a line feed", { url: "https://a.example/x\ny" }, "url"],
    ["header value with CR LF", { headers: { "X-A": "1\r\nInjected: yes" } }, "headers.X-A"],
    ["header name that is not a token", { headers: { "Bad Name": "1" } }, "headers.Bad Name"],
    ["header value that is a boolean", { headers: { "X-A": true as unknown as string } }, "headers.X-A"],
    ["query value that is an object", { query: { a: { b: 1 } as unknown as string } }, "query.a"],
    ["query value that is NaN", { query: { a: Number.NaN } }, "query.a"],
    ["negative timeout", { timeout: -1 }, "timeout"],
    ["bad retry limit", { retry: { limit: -1 } }, "retry.limit"],
    ["unknown key (a typo of body)", { data: { a: 1 } }, "request"],
  ];
  for (const [name, change, field] of cases) {
    it(`refuses a ${name} with InvokeValidationError naming "${field}"`, async () => {
      const call = client().invoke({ url: "https://a.example/x", method: "GET", ...change });
      await expect(call).rejects.toBeInstanceOf(InvokeValidationError);
      await expect(call).rejects.toMatchObject({ field });
      expect(server.requests).toHaveLength(0);
    });
  }

  it("accepts placeholders anywhere in the URL, including as its start", async () => {
    const c = client();
    await c.invoke({ url: "https://{{subdomain}}.example.com:8443/x/{{installationId}}", method: "GET" });
    await c.invoke({ url: "{{jiraBaseUrl}}/rest/api/2/issue", method: "GET" });
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a placeholder where Desk does not allow it, naming it and the location", async () => {
    const call = client().invoke({
      url: "https://a.example/x",
      method: "POST",
      body: { key: "{{jiraAuthKey}}" },
    });
    await expect(call).rejects.toBeInstanceOf(InvokePlaceholderError);
    await expect(call).rejects.toMatchObject({
      placeholder: "{{jiraAuthKey}}",
      location: "postBody",
      rule: "location",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a near-miss Desk would send literally, unless allowNearMisses", async () => {
    const request: InvokeRequest = {
      url: "https://a.example/{{ installationId }}/x",
      method: "GET",
    };
    const call = client().invoke(request);
    await expect(call).rejects.toBeInstanceOf(InvokePlaceholderError);
    await expect(call).rejects.toMatchObject({ location: "requestURL", rule: "spaces" });
    expect(server.requests).toHaveLength(0);
    await client().invoke({ ...request, allowNearMisses: true });
    await client({ allowNearMisses: true }).invoke(request);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses invalid client options naming the field, never the value", () => {
    const bad: [Partial<InvokeClientOptions>, string][] = [
      [{ secret: "" }, "secret"],
      [{ secret: [] }, "secret"],
      [{ orgId: "12a" }, "orgId"],
      [{ securityContext: "" }, "securityContext"],
      [{ dataCenter: "us" as "com" }, "dataCenter"],
      [{ baseUrl: "ftp://127.0.0.1" }, "baseUrl"],
      [{ timeout: 0 }, "timeout"],
    ];
    for (const [change, field] of bad) {
      expect(() => client(change), field).toThrow(InvokeValidationError);
      expect(() => client(change), field).toThrow(
        expect.objectContaining({ field, message: expect.not.stringContaining(SECRET) }),
      );
    }
  });
});
