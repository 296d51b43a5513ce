#!/usr/bin/env node
// Launcher for the `t1505` command line: runs the TypeScript sources through tsx.
require('tsx/cjs');
require('../src/cli/main.ts');
