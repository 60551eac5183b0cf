export async function register() {
  // Written this way so that the Edge build leaves the Node.js-only start-up out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startEngram } = await import("./server/start");
    await startEngram();
    // Engram's own HTTP door, compiled by Next, handed to the server entry (server.mjs) waiting for it.
    const { serve } = await import("./server/door/serve");
    const handOver = (globalThis as Record<symbol, unknown>)[Symbol.for("engram.door")];
    if (typeof handOver === "function") handOver(serve);
  }
}
