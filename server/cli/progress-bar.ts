// A one-line progress bar for terminals, redrawn in place.

/** Returns an onProgress callback that draws `[#####.....] 50% 500/1000 rows`. */
export function progressBar(write: (text: string) => void, width = 30): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    const percent = Math.floor(ratio * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const filled = Math.round(ratio * width);
    const line = `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} rows`;
    write(done === total ? `${line}\n` : line);
  };
}
