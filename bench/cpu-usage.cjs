// Preloaded by the benchmark (node --require bench/cpu-usage.cjs …): at exit, appends this process's CPU
// time (user + system, microseconds) and peak memory (kilobytes) to the file named by CLU_BENCH_USAGE.
const { appendFileSync } = require('node:fs');

const file = process.env.CLU_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(file, `${user + system} ${process.resourceUsage().maxRSS}\n`);
  });
}
