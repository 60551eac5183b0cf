export async function register() {
  // Written this way so that the Edge build leaves the Node.js-only start-up out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startEngram, stopEngram } = await import("./server/start");
    // server.mjs runs the background worker in a process of its own ("worker") beside the one
    // that serves requests ("api"); started any other way, one process does both.
    await startEngram({ worker: process.env.ENGRAM_PROCESS_ROLE !== "api" });
    // Engram's own HTTP door, compiled by Next, handed to the server entry (server.mjs) waiting for it.
    const { serve } = await import("./server/door/serve");
    const { superviseWorkerProcess } = await import("./server/door/worker-process");
    const handOver = (globalThis as Record<symbol, unknown>)[Symbol.for("engram.door")];
    if (typeof handOver === "function") handOver({ serve, stop: stopEngram, superviseWorkerProcess });
  }
}
