#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `machine list|import|export|versions`: the beat machines saved in the database (the Beat
/// Machine page's own list), from scripts: SalsaNor XML files in and out, one save each.
int runMachineCommand(const CliArgs& args);

}  // namespace bandmate::app
