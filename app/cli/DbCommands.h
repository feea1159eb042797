#pragma once

#include "app/cli/Cli.h"

namespace bandmate::app {

/// `db info` and `db migrate`; returns the exit code.
int runDbCommand(const CliArgs& args);

/// The newest schema version this build knows.
int dbSchemaVersion();

/// `dump`: every synced entity and field, canonical and sorted (two converged databases print
/// the same text).
int runDumpCommand(const CliArgs& args);

}  // namespace bandmate::app
