import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** The connection pools of one emulator's outgoing requests (forwarded invoke calls, callbacks). */
export interface OutgoingAgents {
  http: HttpAgent;
  https: HttpsAgent;
  /** Closes every pooled socket, idle or busy: no connection outlives the emulator. */
  destroy(): void;
}

/**
 * Keep-alive pools owned by one emulator, not Node's global agents: `close()` destroys them, so an emulator leaves no
 * socket open behind it (the global agents would keep idle sockets for 5 s, past the emulator's life).
 */
export function createOutgoingAgents(): OutgoingAgents {
  const http = new HttpAgent({ keepAlive: true });
  const https = new HttpsAgent({ keepAlive: true });
  return {
    http,
    https,
    destroy: () => {
      http.destroy();
      https.destroy();
    },
  };
}
