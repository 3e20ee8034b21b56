#!/usr/bin/env node
// The package bin runs the TypeScript sources through tsx, so a fresh clone needs no build step.
// `serve` lives with the API; the engine's commands (worker, migrate, user) with the engine.
require('tsx/cjs');
const { serveCommand } = require('../api/cli/serve-command.ts');
require('../engine/cli/matterflow.ts').main(process.argv.slice(2), { serve: serveCommand });
