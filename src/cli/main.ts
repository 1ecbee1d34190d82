// The `triangulate` command. Every capability has a command; each command group lives in its
// own file under commands/.
import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.js';
import { registerDbCommands } from './commands/db.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/users.js';
import { commandModules } from './commands/index.js';

const program = new Command();
program
  .name('triangulate')
  .description(
    'Triangulate: inspecting children’s services in England.\nConfiguration comes from the environment: DATABASE_URL, TRIANGULATE_DATA_DIR, PORT, SESSION_SECRET.',
  )
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerServeCommand(program);
registerDbCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
for (const register of commandModules) register(program);

await program.parseAsync(process.argv);
