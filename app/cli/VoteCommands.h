#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `vote create|list|open|close|reset|status|qr`: fan voting on a show's songs, on the
/// musician's Bandmate server (issue 19).
int runVoteCommand(const CliArgs& args);

}  // namespace bandmate::app
