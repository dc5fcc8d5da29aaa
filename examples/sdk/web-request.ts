// A callback route for any framework with web Request/Response (Hono, Next.js route handlers, workers, Deno, Bun).
import {
  CallbackPayloadError,
  CallbackVerificationError,
  createDesk,
  createMemoryInstallationStore,
} from "@desk/sdk";

const desk = createDesk({ secret: process.env.DESK_SECRET! });
export const store = createMemoryInstallationStore();

export async function POST(request: Request) {
  try {
    const event = await desk.callbacks.verify(request); // reads the raw bytes itself
    if (event.type === "onInstall")
      await store.save({ orgId: event.orgId, securityContext: event.securityContext });
    if (event.type === "onUninstall") await store.delete(event.orgId);
    return new Response(null, { status: 200 });
  } catch (error) {
    if (CallbackVerificationError.isInstance(error)) return new Response(null, { status: 401 });
    if (CallbackPayloadError.isInstance(error)) return new Response(null, { status: 400 });
    throw error;
  }
}
// or simply: export const POST = createCallbackHandler({ desk, store });
