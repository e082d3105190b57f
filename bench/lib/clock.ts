/**
 * The bench's clock: the machine's wall clock at sub-millisecond resolution. Every process on one
 * machine reads the same wall clock, so a send timed here and a receipt timed in a load process can
 * be subtracted; `estimateOffset` measures what is left of the difference (a fraction of a ms).
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Another process's clock minus ours, from ping round trips: the sample with the shortest round
 * trip, assuming the reply was stamped half-way.
 */
export async function estimateOffset(ping: (id: number) => Promise<number>, rounds = 7): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let id = 0; id < rounds; id++) {
    const sent = now();
    const theirs = await ping(id);
    const back = now();
    if (back - sent < best.rtt) best = { rtt: back - sent, offset: theirs - (sent + back) / 2 };
  }
  return best.offset;
}
