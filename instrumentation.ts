export async function register() {
  // Written this way so that the Edge build leaves the Node.js-only start-up out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startEngram } = await import("./server/start");
    await startEngram();
  }
}
