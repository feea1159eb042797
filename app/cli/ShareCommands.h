#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `share MACHINE`, `shared list|update|unshare|delete`: a beat machine shared by link on the
/// musician's Bandmate server (issue 20).
int runShareCommand(const CliArgs& args);
int runSharedCommand(const CliArgs& args);
/// `import-shared URL`: a copy of a shared groove into this computer's machines, its origin
/// recorded (no account needed).
int runImportSharedCommand(const CliArgs& args);

}  // namespace bandmate::app
