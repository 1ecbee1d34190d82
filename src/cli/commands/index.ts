// Command groups contributed by each area (frameworks, history, LAs, demo...).
import type { Command } from 'commander';
import { registerDemoCommands } from './demo.js';
import { registerFrameworkCommands } from './framework.js';

export const commandModules: Array<(program: Command) => void> = [
  registerDemoCommands,
  registerFrameworkCommands,
];
