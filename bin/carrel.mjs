#!/usr/bin/env node
// Carrel's command line. Runs the TypeScript sources under plain Node through tsx.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../electron/node/cli/carrel.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
