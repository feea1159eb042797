#include "app/cli/MachineCommands.h"

#include "app/cli/BeatCommands.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bandmate::app {

using core::ErrorCode;
namespace beats = core::beats;

namespace {

int listMachines(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "unexpected argument", options.words.at(1).toStdString()});
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    beats::MachineRepository machines(**db);
    auto saved = machines.list();
    if (!saved) {
        return reportError(saved.error());
    }
    QJsonArray list;
    QString text;
    for (const auto& summary : *saved) {
        auto versions = machines.versions(summary.id);
        if (!versions) {
            return reportError(versions.error());
        }
        list.append(QJsonObject{{QStringLiteral("id"), summary.id},
                                {QStringLiteral("title"), summary.title},
                                {QStringLiteral("flavor"), QString::fromLatin1(beats::flavorName(summary.flavor))},
                                {QStringLiteral("bpm"), summary.bpm},
                                {QStringLiteral("instruments"), summary.instrumentCount},
                                {QStringLiteral("versions"), static_cast<int>(versions->size())},
                                {QStringLiteral("origin"), summary.origin}});
        text += QStringLiteral("%1  %2 (%3, %4 BPM, %5 %6)\n")
                    .arg(summary.id, summary.title, QString::fromLatin1(beats::flavorName(summary.flavor)))
                    .arg(summary.bpm)
                    .arg(versions->size())
                    .arg(versions->size() == 1 ? QStringLiteral("version") : QStringLiteral("versions"));
    }
    if (args.json) {
        printJson(list);
    } else {
        printOut(saved->isEmpty() ? QStringLiteral("No saved machines.\n") : text);
    }
    return kExitOk;
}

int importMachines(const CliArgs& args, const CommandOptions& options)
{
    const QStringList files = options.words.mid(1);
    if (files.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "which files? (Salsa Beat Machine XML)", "machine import"});
    }
    // Every file is read and checked before anything is saved: one bad file saves nothing.
    QList<beats::Machine> read;
    for (const QString& file : files) {
        auto machine = beats::readMachineFile(file);
        if (!machine) {
            return reportError(machine.error());
        }
        read.append(std::move(*machine));
    }
    QString into;
    if (options.values.contains(QStringLiteral("--into"))) {
        auto target = loadSavedMachine(args, options.values.value(QStringLiteral("--into")));
        if (!target) {
            return reportError(target.error());
        }
        into = target->savedId;
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    beats::MachineRepository machines(**db);
    QJsonArray saved;
    // A failure part of the way (a full disk) still tells a script what was kept.
    const auto stopped = [&](const core::Error& error) {
        if (args.json && !saved.isEmpty()) {
            printJson(QJsonObject{{QStringLiteral("saved"), saved}, {QStringLiteral("error"), QString::fromStdString(error.toString())}});
        }
        return reportError(error);
    };
    // Each file is one save (one transaction), reported as soon as it is committed.
    for (qsizetype i = 0; i < files.size(); ++i) {
        qsizetype before = 0;
        if (!into.isEmpty()) {
            auto versions = machines.versions(into);
            if (!versions) {
                return stopped(versions.error());
            }
            before = versions->size();
        }
        auto id = machines.save(read.at(i), into);
        if (!id) {
            return stopped(id.error());
        }
        auto versions = machines.versions(*id);
        if (!versions) {
            return stopped(versions.error());
        }
        const QString version = versions->isEmpty() ? QString() : versions->first().id;
        const bool changed = versions->size() > before;
        saved.append(QJsonObject{{QStringLiteral("file"), files.at(i)},
                                 {QStringLiteral("machine_id"), *id},
                                 {QStringLiteral("version_id"), version},
                                 {QStringLiteral("versions"), static_cast<int>(versions->size())},
                                 {QStringLiteral("changed"), changed},
                                 {QStringLiteral("title"), QString::fromStdString(read.at(i).title)}});
        if (!args.json) {
            printOut(changed ? QStringLiteral("Saved %1 as %2, version %3 (%4 in all).\n").arg(files.at(i), *id, version).arg(versions->size())
                             : QStringLiteral("%1 is the same as %2's latest version: nothing to save.\n").arg(files.at(i), *id));
        }
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("saved"), saved}});
    }
    return kExitOk;
}

int exportMachine(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 2) {
        return reportError({ErrorCode::InvalidArgument, options.words.size() < 2 ? "which machine? (its id or title)" : "unexpected argument",
                            options.words.size() < 2 ? "machine export" : options.words.at(2).toStdString()});
    }
    const QString out = options.values.value(QStringLiteral("--out"));
    if (out.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "where to? (--out FILE.xml)", "machine export"});
    }
    auto machine = loadSavedMachine(args, options.words.at(1));
    if (!machine) {
        return reportError(machine.error());
    }
    if (auto written = writeFile(out, beats::writeMachineXml(machine->machine)); !written) {
        return reportError(written.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("machine_id"), machine->savedId}, {QStringLiteral("file"), out}});
    } else {
        printOut(QStringLiteral("Wrote %1.\n").arg(out));
    }
    return kExitOk;
}

int listVersions(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 2) {
        return reportError({ErrorCode::InvalidArgument, options.words.size() < 2 ? "which machine? (its id or title)" : "unexpected argument",
                            options.words.size() < 2 ? "machine versions" : options.words.at(2).toStdString()});
    }
    auto machine = loadSavedMachine(args, options.words.at(1));
    if (!machine) {
        return reportError(machine.error());
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto versions = beats::MachineRepository(**db).versions(machine->savedId);
    if (!versions) {
        return reportError(versions.error());
    }
    QJsonArray list;
    QString text;
    for (const auto& version : *versions) {
        const QString at = version.savedAt.toUTC().toString(Qt::ISODateWithMs);
        list.append(QJsonObject{{QStringLiteral("id"), version.id}, {QStringLiteral("saved_at"), at}, {QStringLiteral("title"), version.title}});
        text += QStringLiteral("%1  %2  %3\n").arg(version.id, at, version.title);
    }
    if (args.json) {
        printJson(list);
    } else {
        printOut(text);
    }
    return kExitOk;
}

}  // namespace

int runMachineCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--into"), QStringLiteral("--out")});
    if (!options) {
        return reportError(options.error());
    }
    const QString sub = options->words.value(0);
    const bool into = options->values.contains(QStringLiteral("--into"));
    const bool out = options->values.contains(QStringLiteral("--out"));
    if ((into && sub != QLatin1String("import")) || (out && sub != QLatin1String("export"))) {
        return reportError({ErrorCode::InvalidArgument, into ? "--into goes with machine import only" : "--out goes with machine export only",
                            into ? "--into" : "--out"});
    }
    if (sub == QLatin1String("list")) {
        return listMachines(args, *options);
    }
    if (sub == QLatin1String("import")) {
        return importMachines(args, *options);
    }
    if (sub == QLatin1String("export")) {
        return exportMachine(args, *options);
    }
    if (sub == QLatin1String("versions")) {
        return listVersions(args, *options);
    }
    return reportError({ErrorCode::InvalidArgument, "machine what? (list, import, export or versions)", sub.isEmpty() ? "machine" : sub.toStdString()});
}

}  // namespace bandmate::app
