// Preloaded into the bin by run-bin.ts: writes the process's peak resident memory (kB) as the last
// line of stderr when it exits.
process.on("exit", () => {
  process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
