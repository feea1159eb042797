#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `db info` and `db migrate`; returns the exit code.
int runDbCommand(const CliArgs& args);

/// The newest schema version this build knows.
int dbSchemaVersion();

}  // namespace bandmate::app
