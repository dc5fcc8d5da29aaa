// The built emulator in a child process of its own, for measuring it apart from the load (load.test.ts and
// bench/invoke-proxy.bench.ts): started with the options in argv[2] (JSON), it sends `{ url }` when listening, then
// answers "memory" with its process.memoryUsage() after a full garbage collection (run it with --expose-gc), "cpu"
// with its process.cpuUsage(), and "close" by closing the emulator and exiting.
import { startEmulator } from "../../dist/index.js";

const emulator = await startEmulator(JSON.parse(process.argv[2]));
process.send({ url: emulator.url });
process.on("message", async (message) => {
  if (message === "memory") {
    // Twice: the first pass may leave finalizers' garbage for the second.
    globalThis.gc();
    globalThis.gc();
    process.send({ memory: process.memoryUsage() });
  } else if (message === "cpu") {
    process.send({ cpu: process.cpuUsage() });
  } else if (message === "close") {
    await emulator.close();
    process.disconnect();
  }
});
