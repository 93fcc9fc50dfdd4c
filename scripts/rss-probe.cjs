// Preloaded by the benchmark (node --require): writes the process's peak RSS in
// KB to $POLICYLINT_RSS_FILE when it exits. Worker threads share the process,
// so their memory is included.
const file = process.env.POLICYLINT_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
