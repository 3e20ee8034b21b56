#!/usr/bin/env node
// `npm start` runs this first: a fresh clone (or a pull that changed the pages) gets the web pages
// built; when dist/renderer is newer than every source of the pages it costs one directory walk.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const builtIndex = join(root, 'dist', 'renderer', 'index.html');
const sources = [join(root, 'renderer'), join(root, 'package-lock.json')];

/** The latest modification time under a path (a folder's own time counts: files were removed). */
function newestChange(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (latest, name) => Math.max(latest, newestChange(join(path, name))),
    stats.mtimeMs,
  );
}

const built = statSync(builtIndex, { throwIfNoEntry: false });
const sourcesChanged = Math.max(...sources.map(newestChange));
if (built && built.mtimeMs >= sourcesChanged) process.exit(0);

const reason = built ? 'the web pages changed' : 'the web pages are not built yet';
process.stdout.write(`${reason}: npm run build\n`);
const shell = process.platform === 'win32';
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell });
process.exit(build.status ?? 1);
