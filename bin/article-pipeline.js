#!/usr/bin/env node
// Thin entry point: the CLI lives in src/cli.ts (compiled to dist/ by `npm run build`, run by `prepare`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
