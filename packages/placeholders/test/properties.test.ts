import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Placeholder,
  PlaceholderError,
  type PlaceholderLocation,
  parsePlaceholders,
  placeholder,
  type ResolveContext,
  resolvePlaceholders,
} from "../src/index.js";

const runs = { seed: 42, numRuns: 300 };
const name = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/)
  .filter((n) => n.toLowerCase() !== "installationid");
const location = fc.constantFrom<PlaceholderLocation>("requestURL", "queryParams", "headers", "postBody");
// Values that look like placeholders, break JSON or headers: the resolver must place them, never read them.
const value = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "{{installationId}}",
    "{{jiraAuthKey}}",
    "{{fields.a.id}}",
    '"}',
    "\\",
    '\\"',
    "{{",
    "}}",
    "\u2028",
  ),
);

const contextArb = fc.record({
  installationId: value,
  config: fc.record({ jiraAuthKey: value, b: value }),
  resources: fc.record({ fields: fc.record({ a: fc.record({ id: value, apiName: value }) }) }),
});
const tokens = [
  "{{installationId}}",
  "{{jiraAuthKey}}",
  "{{b}}",
  "{{fields.a.id}}",
  "{{fields.a.apiName}}",
] as const;
const bodyTokens = ["{{installationId}}", "{{fields.a.id}}", "{{fields.a.apiName}}"] as const;

const lookup = (token: string, c: ResolveContext): string => {
  const found = parsePlaceholders(token).placeholders[0]?.placeholder as Placeholder;
  if (found.kind === "installationId") return c.installationId;
  if (found.kind === "config") return c.config[found.name] as string;
  const ids = c.resources[found.resourceType]?.[found.resourceName];
  return (found.kind === "resourceId" ? ids?.id : ids?.apiName) as string;
};

describe("properties", () => {
  it("the resolver throws nothing but its own typed errors on arbitrary input", () => {
    const fragment = fc.constantFrom(
      "{{",
      "}}",
      "{",
      "}",
      '"',
      "\\",
      " ",
      "\n",
      ".",
      "installationId",
      "jiraAuthKey",
      "fields",
      "a",
      ".id",
      ".apiName",
      "nope",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(fragment, { maxLength: 30 }).map((f) => f.join("")),
    );
    fc.assert(
      fc.property(text, location, contextArb, (t, where, context) => {
        try {
          expect(typeof resolvePlaceholders(t, where, context)).toBe("string");
        } catch (error) {
          if (!PlaceholderError.isInstance(error)) throw error;
        }
      }),
      runs,
    );
  });

  it("JSON that parses before substitution parses after, with each value in place", () => {
    const literal = fc.string({ unit: "binary", maxLength: 6 }).filter((s) => !/[{}]/.test(s));
    const stringWith = (allowed: readonly string[]) =>
      fc
        .array(fc.oneof(literal, fc.constantFrom(...allowed)), { maxLength: 5 })
        .map((parts) => parts.join(""));
    const check = (where: PlaceholderLocation, allowed: readonly string[]) =>
      fc.property(
        // Entries rather than an object: two keys that resolve to the same text would merge in JSON.parse.
        fc.array(
          fc.tuple(
            stringWith(allowed),
            fc.oneof(stringWith(allowed), fc.integer(), fc.array(stringWith(allowed))),
          ),
        ),
        contextArb,
        (entries, context) => {
          const template = JSON.stringify({ entries });
          const expected = JSON.parse(template, (_key, v) =>
            typeof v === "string" ? v.replace(/\{\{[A-Za-z.]+\}\}/g, (t) => lookup(t, context)) : v,
          );
          expect(JSON.parse(resolvePlaceholders(template, where, context))).toEqual(expected);
        },
      );
    fc.assert(check("postBody", bodyTokens), runs);
    fc.assert(check("queryParams", tokens), runs);
  });

  it("no output contains text produced by expanding a substituted value", () => {
    const literal = fc.string({ maxLength: 5 }).filter((s) => !/[{}]/.test(s));
    const piece = fc.oneof(
      literal.map((text) => ({ text })),
      fc.constantFrom(...tokens).map((token) => ({ token })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), contextArb, (pieces, context) => {
        const template = pieces.map((p) => ("token" in p ? p.token : p.text)).join("");
        const expected = pieces.map((p) => ("token" in p ? lookup(p.token, context) : p.text)).join("");
        expect(resolvePlaceholders(template, "requestURL", context)).toBe(expected);
      }),
      runs,
    );
  });

  it("parse -> build round-trips, and build -> parse gives back the names", () => {
    const built = fc.oneof(
      fc.constant(placeholder.installationId()),
      name.map((n) => placeholder.config(n)),
      fc.tuple(name, name).map(([t, n]) => placeholder.resourceId(t, n)),
      fc.tuple(name, name).map(([t, n]) => placeholder.resourceApiName(t, n)),
    );
    const rebuild = (p: Placeholder): string =>
      p.kind === "installationId"
        ? placeholder.installationId()
        : p.kind === "config"
          ? placeholder.config(p.name)
          : p.kind === "resourceId"
            ? placeholder.resourceId(p.resourceType, p.resourceName)
            : placeholder.resourceApiName(p.resourceType, p.resourceName);
    const text = fc
      .array(fc.oneof(built, fc.string({ maxLength: 4 })), { maxLength: 10 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const { placeholders, nearMisses } = parsePlaceholders(t);
        let previous = 0;
        for (const found of [...placeholders, ...nearMisses].sort((a, b) => a.start - b.start)) {
          expect(found.start).toBeGreaterThanOrEqual(previous); // in order, never overlapping
          previous = found.end;
        }
        for (const { placeholder: p, start, end } of placeholders) {
          expect(t.slice(start, end)).toBe(p.token);
          expect(rebuild(p)).toBe(p.token);
        }
      }),
      runs,
    );
    fc.assert(
      fc.property(name, name, (t, n) => {
        expect(parsePlaceholders(placeholder.resourceApiName(t, n)).placeholders[0]?.placeholder).toEqual({
          kind: "resourceApiName",
          resourceType: t,
          resourceName: n,
          token: `{{${t}.${n}.apiName}}`,
        });
        expect(parsePlaceholders(placeholder.config(t)).placeholders[0]?.placeholder).toEqual({
          kind: "config",
          name: t,
          token: `{{${t}}}`,
        });
      }),
      runs,
    );
  });
});
