import { describe, expect, it } from "vitest";
import { literalText } from "./literal-text.js";

describe("literalText", () => {
  it("breaks every placeholder so Desk sends the text as written", () => {
    expect(literalText("see {{installationId}} and {{fields.trackerKey.id}}")).toBe(
      "see { {installationId} } and { {fields.trackerKey.id} }",
    );
    expect(literalText("{{{x}}}")).toBe("{ { {x} } }");
    expect(literalText("plain { text }")).toBe("plain { text }");
  });
});
