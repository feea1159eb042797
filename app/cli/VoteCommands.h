#pragma once

#include "app/cli/Cli.h"

namespace bandmate::sync {
struct PublishReport;
}

namespace bandmate::app {

/// `vote create|list|open|close|reset|status|qr`: fan voting on a show's songs, on the
/// musician's Bandmate server (issue 19).
int runVoteCommand(const CliArgs& args);

/// What a round of publishing kept votes needs the musician to know, on stderr: votes the server
/// refused, votes another computer had published with other content (`vote publish`, `sync`).
void printPublishNotices(const sync::PublishReport& report);

}  // namespace bandmate::app
