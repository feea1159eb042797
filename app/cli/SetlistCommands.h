#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `setlist list|show|export|import|performed`.
int runSetlistCommand(const CliArgs& args);

/// `dev seed-repertoire`: a made-up salsa band's songs and an upcoming show (demos, screenshots).
int seedRepertoire(const CliArgs& args);

/// Whether these arguments need Qt Gui (a PDF is laid out with Qt's text engine).
[[nodiscard]] bool setlistCommandNeedsGui(const QStringList& arguments);

}  // namespace bandmate::app
