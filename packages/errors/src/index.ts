export { brandError } from "./brand-error.js";
export type { DeskErrorOptions } from "./desk-error.js";
export { DeskError } from "./desk-error.js";
