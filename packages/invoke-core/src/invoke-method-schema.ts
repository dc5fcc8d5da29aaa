import { z } from "zod";

/**
 * The target methods Desk accepts as `requestType`.
 *
 * @example
 * InvokeMethodSchema.parse("GET"); // "GET"
 */
export const InvokeMethodSchema = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]);
