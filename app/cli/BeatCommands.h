#pragma once

#include "app/cli/Cli.h"
#include "core/beats/Machine.h"

namespace bandmate::app {

/// A machine named on the command line.
struct MachineArgument {
    core::beats::Machine machine;
    QString savedId;  ///< the database's machine, or empty for a file or a built-in one
    QString origin;   ///< the shared groove a saved machine is a copy of, or empty
};

/// The machine `name` names: a Salsa Beat Machine XML file, a built-in machine, or one saved in
/// the database (--db) by its id or its title (any case; a title several machines share is an
/// error listing their ids). The database is only read.
[[nodiscard]] core::Result<MachineArgument> loadMachineArgument(const CliArgs& args, const QString& name);

/// A machine saved in the database (--db, only read) by its id or its title (any case); a title
/// several machines share is an error listing their ids; none is NotFound.
[[nodiscard]] core::Result<MachineArgument> loadSavedMachine(const CliArgs& args, const QString& name);

/// `render`, `export-midi` and `play`; returns the exit code.
int runBeatCommand(const CliArgs& args);

/// `machines`: the built-in machines with their instruments and programs.
int runMachinesCommand(const CliArgs& args);
/// `arrangements MACHINE`: the machine's arrangements, their sections and lengths.
int runArrangementsCommand(const CliArgs& args);

}  // namespace bandmate::app
