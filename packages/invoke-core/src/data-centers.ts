/**
 * Desk's data centres.
 *
 * @example
 * const dataCenter: DataCenter = "com.au";
 */
export type DataCenter = "com" | "eu" | "in" | "com.au" | "jp" | "ca" | "sa" | "com.cn";

/**
 * Desk's origin per data centre [spec: same paths on every host].
 *
 * @example
 * const url = `${DATA_CENTERS.eu}/api/v1/tickets`; // https://desk.zoho.eu/api/v1/tickets
 */
export const DATA_CENTERS: Readonly<Record<DataCenter, string>> = Object.fromEntries(
  ["com", "eu", "in", "com.au", "jp", "ca", "sa", "com.cn"].map((dc) => [dc, `https://desk.zoho.${dc}`]),
) as Record<DataCenter, string>;
