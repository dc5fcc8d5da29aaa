import { createHash } from "node:crypto";
import type { EmulatorContext } from "../context/emulator-context.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** The OAuth token of a manifest connector: from the emulator's `connections` option, else a stable fake. */
export function connectionToken(context: EmulatorContext, linkName: string | undefined): string | undefined {
  if (linkName === undefined || linkName === "") return undefined;
  const declared = (context.manifest.connectors ?? []).some(
    (connector) => connector.connectionLinkName === linkName,
  );
  if (!declared) {
    const names = (context.manifest.connectors ?? [])
      .map((connector) => connector.connectionLinkName)
      .join(", ");
    throw new EmulatorRequestError({
      status: 422,
      errorCode: "INVALID_CONNECTION",
      message: `connectionLinkName ${JSON.stringify(linkName)} is not a connector of plugin-manifest.json (declared: ${names || "none"})`,
    });
  }
  const given = context.connections[linkName]?.token;
  if (given !== undefined) return given;
  const digest = createHash("sha256").update(`${context.extensionName}\u0000${linkName}`).digest("hex");
  return `1000.emulator.${digest.slice(0, 32)}`;
}
