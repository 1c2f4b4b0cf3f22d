// bin/bideck.js for tests: the same three lines, run from the TypeScript sources with
// `node --import tsx test/helpers/bin.ts …`, so a subprocess test needs no compiled lib/.
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
