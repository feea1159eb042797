#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `feeds add|list|remove|pause|resume|refresh|import-opml|export-opml|items|ranking`: the music
/// blogs and podcasts a musician follows (issue 22).
int runFeedsCommand(const CliArgs& args);

}  // namespace bandmate::app
