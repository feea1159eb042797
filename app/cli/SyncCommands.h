#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `account register|login` and `sync`.
int runAccountCommand(const CliArgs& args);
int runSyncCommand(const CliArgs& args);

}  // namespace bandmate::app
