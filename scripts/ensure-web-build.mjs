// Builds the web app only when dist/web is missing or older than its sources, so a second
// `npm start` (or `npm run test:e2e`) starts in a second rather than after a full Vite build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(repo, 'dist/web/index.html');
const sourceDirs = ['src/web', 'src/contracts'].map((d) => path.join(repo, d));
const sourceFiles = ['vite.config.ts', 'package-lock.json'].map((f) => path.join(repo, f));

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(builtIndex)) return 'no build yet';
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  const sourcesAt = Math.max(
    ...sourceDirs.map(newestMtime),
    ...sourceFiles.filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs),
  );
  return sourcesAt > builtAt ? 'sources changed' : null;
}

const reason = needsBuild();
if (reason) {
  console.log(`[web] building (${reason})…`);
  const vite = path.join(repo, 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[web] build failed');
    process.exit(result.status ?? 1);
  }
}
