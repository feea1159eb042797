#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `render`, `export-midi` and `play`; returns the exit code.
int runBeatCommand(const CliArgs& args);

/// `machines`: the built-in machines with their instruments and programs.
int runMachinesCommand(const CliArgs& args);

}  // namespace bandmate::app
