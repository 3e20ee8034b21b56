#!/usr/bin/env node
// The package bin runs the TypeScript sources through tsx, so a fresh clone needs no build step.
require('tsx/cjs');
require('../engine/cli/matterflow.ts').main(process.argv.slice(2));
