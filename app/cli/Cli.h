#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <memory>

namespace bandmate::core {
class Database;
}

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

/// A command's own arguments: positional words, "--name value" / "--name=value" options and
/// flags without a value.
struct CommandOptions {
    QStringList words;
    QHash<QString, QString> values;
    QStringList flags;
};

/// Parses `rest` for one command. Unknown options, options without their value and options
/// given twice are refused, naming the option.
[[nodiscard]] core::Result<CommandOptions> parseCommandOptions(const QStringList& rest, const QStringList& valued,
                                                               const QStringList& flags = {});

/// Opens (creating or migrating) the database of --db, or the default one.
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> openDatabase(const CliArgs& args);
/// Opens the database of --db (or the default one) for commands that only read: never creates,
/// upgrades or writes it; a missing file or one at another schema is refused.
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> openDatabaseForReading(const CliArgs& args);

/// Prints a JSON object or array on one line.
void printJson(const QJsonValue& value);

/// Writes `bytes` to `path`, replacing the file only once all of it is written.
[[nodiscard]] core::Result<void> writeFile(const QString& path, const QByteArray& bytes);

/// Writes to stdout/stderr in UTF-8.
void printOut(const QString& text);
void printErr(const QString& text);

/// The number `text` given for option `name`, from `min` to `max`; the error names the option.
[[nodiscard]] core::Result<double> parseNumber(const QString& name, const QString& text, double min, double max);
/// The whole number `text` given for option `name`, from `min` to `max`; the error names the option.
[[nodiscard]] core::Result<int> parseInteger(const QString& name, const QString& text, int min, int max);

/// Prints one line "bandmate-cli: <error>" and returns the exit code for its kind.
int reportError(const core::Error& error);

/// Runs bandmate-cli with `arguments` (without the program name); returns the exit code.
int runCli(const QStringList& arguments);

}  // namespace bandmate::app
