#include "app/cli/CoachCommands.h"

#include "app/cli/BeatCommands.h"
#include "audio/coach/TakeScorer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/coach/TakeLog.h"
#include "core/coach/TakeScore.h"
#include "core/storage/Database.h"

#include <QFileInfo>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace bandmate::app {

using core::ErrorCode;
using core::Result;
using core::fail;
namespace beats = core::beats;
namespace coach = core::coach;

namespace {

int runScore(const CliArgs& args)
{
    const QStringList valued{QStringLiteral("--part"),         QStringLiteral("--input"),       QStringLiteral("--bpm"),
                             QStringLiteral("--latency-ms"),   QStringLiteral("--tolerance-ms"), QStringLiteral("--swing"),
                             QStringLiteral("--sensitivity"),  QStringLiteral("--gate-db"),     QStringLiteral("--clave")};
    auto arguments = parseCommandOptions(args.rest, valued, {QStringLiteral("--no-bleed"), QStringLiteral("--save")});
    if (!arguments) {
        return reportError(arguments.error());
    }
    const QStringList& words = arguments->words;  // "score" MACHINE
    if (words.size() < 2) {
        return reportError({ErrorCode::InvalidArgument, "which machine? Give a built-in name, a saved machine or an XML file", "score"});
    }
    if (words.size() > 2) {
        return reportError({ErrorCode::InvalidArgument, "unexpected argument", words.at(2).toStdString()});
    }
    const QHash<QString, QString>& values = arguments->values;
    const QString part = values.value(QStringLiteral("--part")).trimmed().toLower();
    const QString input = values.value(QStringLiteral("--input"));
    if (part.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "which part do you play? Give --part INSTRUMENT (e.g. clave, congas)", "--part"});
    }
    if (input.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "which take? Give --input FILE.wav or FILE.mid", "--input"});
    }
    const auto number = [&](const char* name, double fallback, double min, double max) -> Result<double> {
        const QString key = QString::fromLatin1(name);
        return values.contains(key) ? parseNumber(key, values.value(key), min, max) : Result<double>(fallback);
    };
    auto argument = loadMachineArgument(args, words.at(1));
    if (!argument) {
        return reportError(argument.error());
    }
    beats::Machine machine = argument->machine;
    if (values.contains(QStringLiteral("--clave"))) {
        const QString clave = values.value(QStringLiteral("--clave"));
        if (clave != QLatin1String("2-3") && clave != QLatin1String("3-2")) {
            return reportError({ErrorCode::InvalidArgument, "expected 2-3 or 3-2, got \"" + clave.toStdString() + "\"", "--clave"});
        }
        machine.clave32 = clave == QLatin1String("3-2");
    }
    auto bpm = number("--bpm", machine.bpm, beats::MachineLimits::kMinBpm, beats::MachineLimits::kMaxBpm);
    auto latency = number("--latency-ms", 0.0, -1000.0, 1000.0);
    auto tolerance = number("--tolerance-ms", 30.0, 1.0, 100.0);  // (a hit is matched up to 100 ms away)
    auto swing = number("--swing", 0.0, 0.0, 100.0);
    auto sensitivity = number("--sensitivity", 50.0, 0.0, 100.0);
    auto gate = number("--gate-db", -45.0, -90.0, 0.0);
    for (const auto* parsed : {&bpm, &latency, &tolerance, &swing, &sensitivity, &gate}) {
        if (!*parsed) {
            return reportError(parsed->error());
        }
    }
    machine.bpm = *bpm;
    audio::TakeRequest request;
    request.machine = machine;
    request.part = part.toStdString();
    request.input = input.toStdString();
    request.swing = *swing / 100.0;
    request.latencyMs = *latency;
    request.toleranceMs = *tolerance;
    request.onsets.sensitivity = *sensitivity / 100.0;
    request.onsets.gateDb = *gate;
    request.subtractBacking = !arguments->flags.contains(QStringLiteral("--no-bleed"));
    auto scored = audio::scoreTakeNonRealTime(request);
    if (!scored) {
        core::Error error = scored.error();
        if (error.code == ErrorCode::NotFound && error.where == "--part") {
            QStringList known;
            for (const auto& instrument : machine.instruments) {
                known << QString::fromStdString(instrument.id);
            }
            error.message += " (it has: " + known.join(QStringLiteral(", ")).toStdString() + ")";
        }
        return reportError(error);
    }
    const coach::TakeScore& score = scored->score;
    QJsonValue bleedJson;
    if (scored->bleed) {
        bleedJson = QJsonObject{{QStringLiteral("delay_ms"), std::round(scored->bleed->delayMs * 10.0) / 10.0},
                                {QStringLiteral("gain_db"), std::round(20.0 * std::log10(std::max(scored->bleed->gain, 1e-9)) * 10.0) / 10.0}};
    }

    const bool calibrated = values.contains(QStringLiteral("--latency-ms"));
    // Kept: the take goes into the database and counts for the roadmap.
    QString keptId;
    bool clean = false;
    if (arguments->flags.contains(QStringLiteral("--save"))) {
        coach::KeptTake take = coach::keptTake(score, scored->grid, machine);
        clean = coach::isClean(take);
        const QString name = words.at(1);
        take.machineRef = !argument->savedId.isEmpty()                                  ? QStringLiteral("user:") + argument->savedId
                          : beats::builtinMachineNames().contains(name.toLower()) ? QStringLiteral("builtin:") + name.toLower()
                                                                                   : QStringLiteral("file:") + QFileInfo(name).fileName();
        take.source = QFileInfo(input).fileName();
        auto db = openDatabase(args);
        if (!db) {
            return reportError(db.error());
        }
        auto kept = coach::TakeLog(**db).record(take);
        if (!kept) {
            return reportError(kept.error());
        }
        keptId = *kept;
    }
    if (args.json) {
        QJsonObject json = coach::toJson(score);
        json.insert(QStringLiteral("part"), part);
        json.insert(QStringLiteral("bpm"), *bpm);
        json.insert(QStringLiteral("input"), QFileInfo(input).absoluteFilePath());
        json.insert(QStringLiteral("latency_ms"), *latency);
        json.insert(QStringLiteral("calibrated"), calibrated);
        json.insert(QStringLiteral("bleed"), bleedJson);
        if (!keptId.isEmpty()) {
            json.insert(QStringLiteral("take_id"), keptId);
            json.insert(QStringLiteral("clean"), clean);
        }
        printJson(json);
        return kExitOk;
    }
    printOut(QStringLiteral("%1 at %2 BPM: %3 % of %4 hits within ±%5 ms\n")
                 .arg(part)
                 .arg(*bpm)
                 .arg(std::lround(score.accuracy * 100.0))
                 .arg(score.hits.size())
                 .arg(*tolerance));
    if (score.matched > 0) {
        const long mean = std::lround(score.meanOffsetMs);
        const QString feel = mean < 0   ? QStringLiteral("you rush by %1 ms").arg(-mean)
                             : mean > 0 ? QStringLiteral("you drag by %1 ms").arg(mean)
                                        : QStringLiteral("right on the beat on average");
        printOut(QStringLiteral("%1 (spread %2 ms)\n").arg(feel).arg(std::lround(score.spreadMs)));
    }
    printOut(QStringLiteral("%1 matched, %2 missed, %3 extra\n").arg(score.matched).arg(score.missed).arg(score.extra));
    if (!keptId.isEmpty()) {
        printOut(clean ? QStringLiteral("Kept (take %1): clean at %2 BPM, it counts for your roadmap's %3\n")
                             .arg(keptId)
                             .arg(*bpm)
                             .arg(coach::cleanBpmMetric(part))
                       : QStringLiteral("Kept (take %1). Clean takes (90 % of hits within ±30 ms) also count for your roadmap's %2\n")
                             .arg(keptId)
                             .arg(coach::cleanBpmMetric(part)));
    }
    if (!calibrated) {
        printOut(QStringLiteral("Not calibrated: times are as recorded. Give --latency-ms L (your setup's round trip) "
                                "if every hit seems late by the same amount.\n"));
    }
    return kExitOk;
}

int runTakes(const CliArgs& args)
{
    auto arguments = parseCommandOptions(args.rest, {QStringLiteral("--part")});
    if (!arguments) {
        return reportError(arguments.error());
    }
    if (arguments->words.size() > 1) {
        return reportError({ErrorCode::InvalidArgument, "unexpected argument", arguments->words.at(1).toStdString()});
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto takes = coach::TakeLog(**db).since(QDateTime::fromMSecsSinceEpoch(0), arguments->values.value(QStringLiteral("--part")).toLower());
    if (!takes) {
        return reportError(takes.error());
    }
    if (args.json) {
        QJsonArray list;
        for (const auto& take : *takes) {
            list.append(QJsonObject{{QStringLiteral("id"), take.id},
                                    {QStringLiteral("taken_at"), take.takenAt.toUTC().toString(Qt::ISODate)},
                                    {QStringLiteral("machine"), take.machineTitle},
                                    {QStringLiteral("part"), take.part},
                                    {QStringLiteral("bpm"), take.bpm},
                                    {QStringLiteral("clave"), take.clave},
                                    {QStringLiteral("accuracy"), take.accuracy},
                                    {QStringLiteral("tolerance_ms"), take.toleranceMs},
                                    {QStringLiteral("mean_offset_ms"), take.meanOffsetMs},
                                    {QStringLiteral("matched"), take.matched},
                                    {QStringLiteral("missed"), take.missed},
                                    {QStringLiteral("extra"), take.extra},
                                    {QStringLiteral("hits"), static_cast<qint64>(take.offsetsMs.size())}});
        }
        printJson(list);
        return kExitOk;
    }
    if (takes->isEmpty()) {
        printOut(QStringLiteral("No takes kept yet (coach score ... --save keeps one)\n"));
    }
    for (const auto& take : *takes) {
        printOut(QStringLiteral("%1  %2 %3 at %4 BPM: %5 % within ±%6 ms, mean %7 ms  (%8)\n")
                     .arg(take.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), take.machineTitle, take.part)
                     .arg(take.bpm)
                     .arg(std::lround(take.accuracy * 100.0))
                     .arg(take.toleranceMs)
                     .arg(std::lround(take.meanOffsetMs))
                     .arg(take.id));
    }
    return kExitOk;
}

}  // namespace

int runCoachCommand(const CliArgs& args)
{
    const QString sub = args.command.value(1);
    if (sub == QLatin1String("score")) {
        return runScore(args);
    }
    if (sub == QLatin1String("takes")) {
        return runTakes(args);
    }
    return reportError({ErrorCode::InvalidArgument, sub.isEmpty() ? "coach what? (coach score, coach takes)" : "unknown coach command (coach score, coach takes)",
                        sub.isEmpty() ? std::string("coach") : sub.toStdString()});
}

}  // namespace bandmate::app
