/** What the target (Desk in-process or a forwarded URL) answered. */
export interface TargetResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}
