import type { CommandIo } from '../../definitions/cli/cli-error';
import { exitCodes } from '../../definitions/cli/cli-error';
import { nextSignal } from '../../engine/cli/matterflow';
import { apiConfigFromEnv } from '../api-config';
import { startPortal } from '../portal';
import { routeModules } from '../route-modules';

/** `matterflow serve`: runs the portal until SIGINT or SIGTERM, then stops it cleanly. */
export async function serveCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.length > 0) {
    io.err(`matterflow serve: takes no arguments (settings come from the environment)`);
    return exitCodes.usage;
  }
  const portal = await startPortal({ apiConfig: apiConfigFromEnv(), modules: routeModules });
  io.out(`Matterflow portal on ${portal.url}  (${portal.runtime.mode} delivery)`);
  for (const demo of portal.demoAccounts) {
    io.out(`  demo ${demo.kind.padEnd(10)} ${demo.username.padEnd(14)} password ${demo.password}`);
  }
  // The demo unified identity provider's people, for 市网厅统一认证登录 on the login page.
  for (const identity of portal.demoIdentities) {
    const who = `${identity.username.padEnd(14)} password ${identity.password}`;
    io.out(`  demo ${'sso'.padEnd(10)} ${who}  ${identity.name} (unified identity)`);
  }
  if (portal.demoAccounts.length === 0 && !portal.runtime.config.databaseUrl) {
    io.out('  demo accounts: demo-person, demo-company, demo-officer, demo-admin (see README)');
  }
  const signal = await nextSignal();
  io.err(`matterflow serve: ${signal} received, stopping`);
  await portal.stop();
  return exitCodes.clean;
}
