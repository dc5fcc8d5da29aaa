import { createHash } from "node:crypto";
import type { EmulatorContext } from "../context/emulator-context.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** The OAuth token of a manifest connector: from the emulator's `connections` option, else a stable fake. */
export function connectionToken(context: EmulatorContext, linkName: string | undefined): string | undefined {
  if (linkName === undefined || linkName === "") return undefined;
  const names = declaredLinkNames(context);
  if (!names.includes(linkName)) {
    throw new EmulatorRequestError({
      status: 422,
      errorCode: "INVALID_CONNECTION",
      message: `connectionLinkName ${JSON.stringify(linkName)} is not a connection of plugin-manifest.json (its connectors and zohoAuthorisation declare: ${names.join(", ") || "none"})`,
    });
  }
  const given = context.connections[linkName]?.token;
  if (given !== undefined) return given;
  const digest = createHash("sha256").update(`${context.extensionName}\u0000${linkName}`).digest("hex");
  return `1000.emulator.${digest.slice(0, 32)}`;
}

/** The connections a manifest declares: its connectors, and the Zoho-services connection under zohoAuthorisation. */
function declaredLinkNames(context: EmulatorContext): string[] {
  const names = (context.manifest.connectors ?? []).map((connector) => connector.connectionLinkName);
  const zoho = context.manifest["zohoAuthorisation"];
  const link =
    typeof zoho === "object" && zoho !== null
      ? (zoho as Record<string, unknown>)["connectionLinkName"]
      : undefined;
  return typeof link === "string" ? [...names, link] : names;
}
