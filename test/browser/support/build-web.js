// Jest globalSetup of the browser project: build the web app the tests open (dist/web), as
// `npm run build` does, so the tests never run against a stale build.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildWeb() {
  const root = join(__dirname, '..', '..', '..');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
};
