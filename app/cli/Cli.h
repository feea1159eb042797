#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QStringList>

#include <cstdio>

namespace bandmate::app {

/// Exit codes of bandmate-cli (DESIGN.md section 5).
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

/// The parsed command line common to every command: global options and the rest.
struct CliArgs {
    QStringList command;   ///< the command words and their positional arguments
    QString dbPath;        ///< --db PATH; empty = default location
    bool json = false;     ///< --json
    QStringList options;   ///< remaining --options, for the command to read
    QStringList rest;      ///< every argument after the command word that is not global, in order
};

/// Writes to stdout/stderr in UTF-8.
void printOut(const QString& text);
void printErr(const QString& text);

/// Prints one line "bandmate-cli: <error>" and returns the exit code for its kind.
int reportError(const core::Error& error);

/// Runs bandmate-cli with `arguments` (without the program name); returns the exit code.
int runCli(const QStringList& arguments);

}  // namespace bandmate::app
