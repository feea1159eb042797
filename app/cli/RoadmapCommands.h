#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `roadmap templates|start|status|export`, `task set`, `stat add`; returns the exit code.
int runRoadmapCommand(const CliArgs& args);

}  // namespace bandmate::app
