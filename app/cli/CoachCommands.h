#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `coach score MACHINE --part INSTRUMENT --input FILE.wav|FILE.mid`: how early or late each hit
/// of a recorded take was against the part's grid; returns the exit code.
int runCoachCommand(const CliArgs& args);

}  // namespace bandmate::app
