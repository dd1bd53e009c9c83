/**
 * The `groundwork` command — serve, migrate, administration of organizations, users and API keys, the
 * demo seed, bulk import — and the pieces `npm start` reuses.
 * @packageDocumentation
 */
export { buildCli, runCli } from './cli.ts';
export { describeDemo } from './commands/demo.ts';
export type { CliIo } from './context.ts';
export {
  DEMO_CREDENTIALS_FILE,
  DEMO_ORG,
  DEMO_PASSWORD,
  type DemoCredentials,
  type DemoSummary,
  readDemoCredentials,
  seedDemo,
} from './demo/seed.ts';
export { CliError, describeFailure, UsageError } from './errors.ts';
export { closeOnSignal, type RunningServer, type StartServerOptions, startServer } from './start-server.ts';
