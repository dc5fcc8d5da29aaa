/**
 * One handled invoke call, as reported to the `onInvoke` option (for the CLI's request log). It never holds the
 * HASH, the secret, the securityContext or any substituted value: `requestURL` is the URL as signed, placeholders
 * and all.
 *
 * @example
 * const onInvoke = (event: InvokeEvent) => console.log(event.requestType, event.requestURL, event.status);
 */
export interface InvokeEvent {
  installationId: string | undefined;
  requestType: string | undefined;
  requestURL: string | undefined;
  /** HTTP status of the invoke answer (200 when the target was reached). */
  status: number;
  /** The target's status when reached. */
  targetStatus: number | undefined;
  errorCode: string | undefined;
  durationMs: number;
}
