// Command groups contributed by each area (frameworks, history, LAs, demo...).
import type { Command } from 'commander';
import { registerAnnexACommands } from './annex-a.js';
import { registerDemoCommands } from './demo.js';
import { registerEvidenceCommands } from './evidence.js';
import { registerEvidenceAnalysisCommands } from './evidence-analysis.js';
import { registerFrameworkCommands } from './framework.js';
import { registerHistoryCommands } from './history.js';
import { registerLaCommands } from './las.js';
import { registerLintReportCommands } from './lint-report.js';
import { registerRefiCommands } from './refi.js';
import { registerReportCommands } from './report.js';

export const commandModules: Array<(program: Command) => void> = [
  registerDemoCommands,
  registerAnnexACommands,
  registerFrameworkCommands,
  registerLaCommands,
  registerHistoryCommands,
  registerEvidenceCommands,
  registerEvidenceAnalysisCommands,
  registerLintReportCommands,
  registerRefiCommands,
  registerReportCommands,
];
