// Starts a worker from passerelle's TypeScript sources (tests, benchmarks): registers tsx in this
// thread, then imports the entry spawn.ts passes as argv. Never part of the build.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
