import { InstallationStoreError } from "../errors/installation-store-error.js";

/** The longest securityContext a store keeps, in UTF-16 code units (Desk's are a few hundred). */
export const MAX_SECURITY_CONTEXT_LENGTH = 65_536;
const ORG_ID = /^[0-9]{1,32}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Desk's orgIds are digits; anything else is refused before it reaches a key or a query. */
export function checkOrgId(orgId: unknown, field = "orgId"): string {
  if (typeof orgId !== "string" || !ORG_ID.test(orgId)) {
    throw new InstallationStoreError({
      field,
      rule: "digits",
      message: "must be a string of 1 to 32 digits",
    });
  }
  return orgId;
}

export function checkSecurityContext(securityContext: unknown): string {
  if (typeof securityContext !== "string") {
    throw new InstallationStoreError({ field: "securityContext", rule: "type", message: "must be a string" });
  }
  if (securityContext.length === 0 || securityContext.length > MAX_SECURITY_CONTEXT_LENGTH) {
    throw new InstallationStoreError({
      field: "securityContext",
      rule: "length",
      message: `must be 1 to ${MAX_SECURITY_CONTEXT_LENGTH} characters`,
    });
  }
  // NUL cannot be stored in PostgreSQL text, a lone surrogate has no UTF-8: refuse both everywhere alike.
  if (securityContext.includes("\u0000") || LONE_SURROGATE.test(securityContext)) {
    throw new InstallationStoreError({
      field: "securityContext",
      rule: "characters",
      message: "must be well-formed Unicode without NUL",
    });
  }
  return securityContext;
}
