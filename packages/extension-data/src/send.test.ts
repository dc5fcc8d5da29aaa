import { type InvokeClient, type InvokeRequest, type InvokeResult, TargetError } from "@desk/invoke-core";
import { describe, expect, it } from "vitest";
import { deletedKeysShape } from "./answer-shape.js";
import { ExtensionDataApiError } from "./errors/api-error.js";
import { ExtensionDataRateLimitError } from "./errors/rate-limit-error.js";
import { ExtensionDataResponseError } from "./errors/response-error.js";
import { send } from "./send.js";

// A client answering canned results: these cases (odd bodies, a client set to throw) cannot be provoked from the
// emulator, which always answers per the spec. The wire itself is covered by the tests in test/.
function clientAnswering(
  answer: (request: InvokeRequest) => InvokeResult | Promise<InvokeResult>,
): InvokeClient {
  return {
    deskOrigin: "https://desk.zoho.com",
    orgId: "1",
    invoke: async <T>(request: InvokeRequest) => (await answer(request)) as InvokeResult<T>,
  };
}

const result = (status: number, data: unknown, headers: Record<string, string> = {}): InvokeResult => ({
  status,
  ok: status >= 200 && status < 300,
  data,
  text: JSON.stringify(data),
  headers,
});

const request: InvokeRequest = { url: "https://desk.zoho.com/api/v1/x", method: "GET" };
const schema = deletedKeysShape;

describe("send", () => {
  it("asks invoke-core not to throw on target errors, and answers the checked body", async () => {
    const seen: InvokeRequest[] = [];
    const client = clientAnswering((r) => {
      seen.push(r);
      return result(200, { data: ["a"] });
    });
    expect(await send(client, "op", request, schema)).toEqual({ data: ["a"] });
    expect(seen[0]).toMatchObject({ ...request, throwOnTargetError: false });
  });

  it("a 2xx body of the wrong shape is an ExtensionDataResponseError naming the path", async () => {
    const shape = send(
      clientAnswering(() => result(200, { data: [1] })),
      "storage.get",
      request,
      schema,
    );
    await expect(shape).rejects.toBeInstanceOf(ExtensionDataResponseError);
    await expect(shape).rejects.toMatchObject({
      operation: "storage.get",
      data: { data: [1] },
      issues: ["data.0: expected string, received number"],
    });
    await expect(
      send(
        clientAnswering(() => result(200, "<html>")),
        "op",
        request,
        schema,
      ),
    ).rejects.toMatchObject({ issues: [expect.stringMatching(/^\(body\): /)] });
  });

  it("a non-2xx answer is an ExtensionDataApiError with Desk's code and message", async () => {
    const body = { errorCode: "UNPROCESSABLE_ENTITY", message: "key must be 1 to 50 characters" };
    const call = send(
      clientAnswering(() => result(422, body)),
      "storage.set",
      request,
      schema,
    );
    await expect(call).rejects.toBeInstanceOf(ExtensionDataApiError);
    await expect(call).rejects.not.toBeInstanceOf(ExtensionDataRateLimitError);
    await expect(call).rejects.toMatchObject({
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      deskMessage: "key must be 1 to 50 characters",
      data: body,
      message:
        "@desk/extension-data: storage.set failed with status 422 UNPROCESSABLE_ENTITY: key must be 1 to 50 characters",
    });
  });

  it("a non-JSON error body still gives status and data", async () => {
    await expect(
      send(
        clientAnswering(() => result(500, "oops")),
        "logs.add",
        request,
        schema,
      ),
    ).rejects.toMatchObject({
      status: 500,
      errorCode: undefined,
      deskMessage: undefined,
      data: "oops",
      message: "@desk/extension-data: logs.add failed with status 500",
    });
  });

  it.each([
    [{ "retry-after": "17" }, 17],
    [{ "Retry-After": "0" }, 0],
    [{ "retry-after": "soon" }, undefined],
    // Regression: an HTTP date (RFC 9110 allows it) was read as no Retry-After at all.
    [{ "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }, 0],
    [{}, undefined],
  ])(
    "a 429 is an ExtensionDataRateLimitError; headers %j give retryAfterSeconds %j",
    async (headers, retryAfterSeconds) => {
      const call = send(
        clientAnswering(() => result(429, {}, headers)),
        "storage.get",
        request,
        schema,
      );
      await expect(call).rejects.toBeInstanceOf(ExtensionDataRateLimitError);
      await expect(call).rejects.toMatchObject({ status: 429, retryAfterSeconds });
    },
  );

  it("a TargetError from a client set to throw becomes ours, with it as cause", async () => {
    const target = new TargetError(result(429, { errorCode: "RATE_LIMIT_EXCEEDED" }, { "retry-after": "5" }));
    const client = clientAnswering(() => {
      throw target;
    });
    const call = send(client, "storage.delete", request, schema);
    await expect(call).rejects.toBeInstanceOf(ExtensionDataRateLimitError);
    await expect(call).rejects.toMatchObject({
      retryAfterSeconds: 5,
      errorCode: "RATE_LIMIT_EXCEEDED",
      cause: target,
    });
  });

  it("other invoke-core errors pass through unchanged", async () => {
    const failure = new TypeError("network down");
    await expect(
      send(
        clientAnswering(() => {
          throw failure;
        }),
        "op",
        request,
        schema,
      ),
    ).rejects.toBe(failure);
  });
});
