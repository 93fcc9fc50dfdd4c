// `npm run demo`: lint the bundled samples. samples/defects/ is meant to fail,
// so exit code 1 (findings) is the expected outcome here; only 2 (usage,
// config or internal error) fails the demo.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync(process.execPath, ['bin/policylint.js', 'samples', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const code = run.status ?? 2;
if (code === 1) console.log('\npolicylint exited 1: the defects in samples/defects/ were found, as intended. samples/clean/ has none.');
process.exit(code === 1 ? 0 : code);
