#include "app/cli/CoachCommands.h"

#include "app/cli/BeatCommands.h"
#include "audio/coach/Calibration.h"
#include "audio/coach/LiveTake.h"
#include "audio/coach/TakeScorer.h"
#include "audio/device/LivePlayer.h"
#include "core/util/SafeFiles.h"
#include "core/beats/BuiltinMachines.h"
#include "core/coach/TakeLog.h"
#include "core/coach/TakeScore.h"
#include "core/storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

namespace bandmate::app {

using core::ErrorCode;
using core::Result;
using core::fail;
namespace beats = core::beats;
namespace coach = core::coach;

namespace {

/// What `coach score` and `coach live` both take: the machine, the part, and how to score it.
struct TakeArguments {
    MachineArgument argument;
    QString machineName;  ///< as given
    audio::TakeRequest request;
    bool latencyGiven = false;
};

const QStringList& takeOptions()
{
    static const QStringList options{QStringLiteral("--part"),        QStringLiteral("--bpm"),          QStringLiteral("--latency-ms"),
                                     QStringLiteral("--tolerance-ms"), QStringLiteral("--swing"),        QStringLiteral("--sensitivity"),
                                     QStringLiteral("--gate-db"),     QStringLiteral("--clave")};
    return options;
}

Result<TakeArguments> parseTake(const CliArgs& args, const CommandOptions& arguments)
{
    const QStringList& words = arguments.words;  // "score" MACHINE
    if (words.size() < 2) {
        return fail(ErrorCode::InvalidArgument, "which machine? Give a built-in name, a saved machine or an XML file", words.value(0).toStdString());
    }
    if (words.size() > 2) {
        return fail(ErrorCode::InvalidArgument, "unexpected argument", words.at(2).toStdString());
    }
    const QHash<QString, QString>& values = arguments.values;
    const QString part = values.value(QStringLiteral("--part")).trimmed().toLower();
    if (part.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "which part do you play? Give --part INSTRUMENT (e.g. clave, congas)", "--part");
    }
    const auto number = [&](const char* name, double fallback, double min, double max) -> Result<double> {
        const QString key = QString::fromLatin1(name);
        return values.contains(key) ? parseNumber(key, values.value(key), min, max) : Result<double>(fallback);
    };
    auto argument = loadMachineArgument(args, words.at(1));
    if (!argument) {
        return std::unexpected(argument.error());
    }
    TakeArguments take;
    take.argument = *argument;
    take.machineName = words.at(1);
    beats::Machine& machine = take.argument.machine;
    if (values.contains(QStringLiteral("--clave"))) {
        const QString clave = values.value(QStringLiteral("--clave"));
        if (clave != QLatin1String("2-3") && clave != QLatin1String("3-2")) {
            return fail(ErrorCode::InvalidArgument, "expected 2-3 or 3-2, got \"" + clave.toStdString() + "\"", "--clave");
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
            return std::unexpected(parsed->error());
        }
    }
    machine.bpm = *bpm;
    audio::TakeRequest& request = take.request;
    request.machine = machine;
    request.part = part.toStdString();
    request.swing = *swing / 100.0;
    request.latencyMs = *latency;
    request.toleranceMs = *tolerance;
    request.onsets.sensitivity = *sensitivity / 100.0;
    request.onsets.gateDb = *gate;
    request.subtractBacking = !arguments.flags.contains(QStringLiteral("--no-bleed"));
    take.latencyGiven = values.contains(QStringLiteral("--latency-ms"));
    return take;
}

/// Prints a scored take (and keeps it with --save): the same for a file and a live take.
int reportTake(const CliArgs& args, const CommandOptions& arguments, const TakeArguments& take,
               const Result<audio::TakeResult>& scored, const QString& source, QJsonObject json)
{
    const beats::Machine& machine = take.request.machine;
    const QString part = QString::fromStdString(take.request.part);
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
    // Kept: the take goes into the database and counts for the roadmap. A take that cannot be
    // kept is still printed first: a live one cannot be played again the same way.
    QString keptId;
    bool clean = false;
    std::optional<core::Error> saveError;
    if (arguments.flags.contains(QStringLiteral("--save"))) {
        coach::KeptTake kept = coach::keptTake(score, scored->grid, machine);
        clean = coach::isClean(kept);
        const QString& name = take.machineName;
        kept.machineRef = !take.argument.savedId.isEmpty()                           ? QStringLiteral("user:") + take.argument.savedId
                          : beats::builtinMachineNames().contains(name.toLower()) ? QStringLiteral("builtin:") + name.toLower()
                                                                                   : QStringLiteral("file:") + QFileInfo(name).fileName();
        kept.source = source;
        auto db = openDatabase(args);
        auto id = db ? coach::TakeLog(**db).record(kept) : Result<QString>(std::unexpected(db.error()));
        if (id) {
            keptId = *id;
        } else {
            saveError = id.error();
        }
    }
    const double bpm = machine.bpm;
    const double latency = scored->latencyMs;
    if (args.json) {
        const QJsonObject scoreJson = coach::toJson(score);
        for (auto it = scoreJson.begin(); it != scoreJson.end(); ++it) {
            json.insert(it.key(), it.value());
        }
        json.insert(QStringLiteral("part"), part);
        json.insert(QStringLiteral("bpm"), bpm);
        json.insert(QStringLiteral("latency_ms"), latency);
        json.insert(QStringLiteral("calibrated"), take.latencyGiven);
        json.insert(QStringLiteral("bleed"), bleedJson);
        json.insert(QStringLiteral("dropouts"), scored->dropouts);
        if (!keptId.isEmpty()) {
            json.insert(QStringLiteral("take_id"), keptId);
            json.insert(QStringLiteral("clean"), clean);
        }
        printJson(json);
        return saveError ? reportError(*saveError) : kExitOk;
    }
    printOut(QStringLiteral("%1 at %2 BPM: %3 % of %4 hits within ±%5 ms\n")
                 .arg(part)
                 .arg(bpm)
                 .arg(std::lround(score.accuracy * 100.0))
                 .arg(score.hits.size())
                 .arg(take.request.toleranceMs));
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
                             .arg(bpm)
                             .arg(coach::cleanBpmMetric(part))
                       : QStringLiteral("Kept (take %1). Clean takes (90 % of hits within ±30 ms) also count for your roadmap's %2\n")
                             .arg(keptId)
                             .arg(coach::cleanBpmMetric(part)));
    }
    if (scored->dropouts > 0) {
        printOut(QStringLiteral("The audio dropped out %1 time(s) during the take: a dropout can read as a hit. "
                                "Close other programs, or choose a larger buffer, and play it again.\n")
                     .arg(scored->dropouts));
    }
    if (!take.latencyGiven) {
        printOut(QStringLiteral("Not calibrated: times are as recorded. Give --latency-ms L (your setup's round trip) "
                                "if every hit seems late by the same amount.\n"));
    }
    return saveError ? reportError(*saveError) : kExitOk;
}

int runScore(const CliArgs& args)
{
    auto arguments = parseCommandOptions(args.rest, takeOptions() + QStringList{QStringLiteral("--input"), QStringLiteral("--notes")},
                                         {QStringLiteral("--no-bleed"), QStringLiteral("--save")});
    if (!arguments) {
        return reportError(arguments.error());
    }
    auto take = parseTake(args, *arguments);
    if (!take) {
        return reportError(take.error());
    }
    const QString input = arguments->values.value(QStringLiteral("--input"));
    if (input.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "which take? Give --input FILE.wav or FILE.mid", "--input"});
    }
    take->request.input = input.toStdString();
    QJsonObject json{{QStringLiteral("input"), QFileInfo(input).absoluteFilePath()}};
    // --notes: which notes of a MIDI take are the part's (a pad's or a keyboard's mapping); "gm"
    // for the part's General MIDI keys, as the MIDI export writes them.
    if (arguments->values.contains(QStringLiteral("--notes"))) {
        if (!audio::isMidiTake(take->request.input)) {
            return reportError({ErrorCode::InvalidArgument, "--notes picks the notes of a MIDI take; this take is audio", "--notes"});
        }
        const QString notes = arguments->values.value(QStringLiteral("--notes")).trimmed();
        if (notes.compare(QLatin1String("gm"), Qt::CaseInsensitive) == 0) {
            if (auto grid = audio::takeGrid(take->request); !grid) {
                return reportTake(args, *arguments, *take, std::unexpected(grid.error()), {}, {});  // (names the parts there are)
            }
            // The General MIDI drums: their keys on channel 10 (a whole band's file has the keyed
            // parts on other channels, on the same note numbers).
            take->request.midiNotes = audio::generalMidiNotes(take->request);
            take->request.midiChannel = 10;
            if (take->request.midiNotes.empty()) {
                return reportError({ErrorCode::InvalidArgument,
                                    "\"" + take->request.part + "\" is played on keys, not pads: any note is a hit (leave out --notes)", "--notes"});
            }
        } else {
            auto parsed = audio::parseMidiNotes(notes.toStdString());
            if (!parsed) {
                core::Error error = parsed.error();
                error.where = "--notes";
                return reportError(error);
            }
            if (parsed->empty()) {
                return reportError({ErrorCode::InvalidArgument, "which notes? e.g. --notes 75, --notes 62-64 or --notes gm", "--notes"});
            }
            take->request.midiNotes = *parsed;
        }
        QJsonArray list;
        for (const int note : take->request.midiNotes) {
            list.append(note);
        }
        json.insert(QStringLiteral("midi_notes"), list);
    }
    return reportTake(args, *arguments, *take, audio::scoreTakeNonRealTime(take->request), QFileInfo(input).fileName(), json);
}

/// --driver, --device, --input-device and --input-channel (from 1) as device settings.
Result<audio::DeviceSettings> parseDevice(const CommandOptions& arguments)
{
    const QHash<QString, QString>& values = arguments.values;
    audio::DeviceSettings device;
    device.driver = values.value(QStringLiteral("--driver")).toStdString();
    device.device = values.value(QStringLiteral("--device")).toStdString();
    device.inputDevice = values.value(QStringLiteral("--input-device")).toStdString();
    if (device.inputDevice.empty()) {
        return fail(ErrorCode::InvalidArgument, "which input? Give --input-device NAME (the microphone or interface to listen on)",
                    "--input-device");
    }
    if (values.contains(QStringLiteral("--input-channel"))) {
        auto channel = parseInteger(QStringLiteral("--input-channel"), values.value(QStringLiteral("--input-channel")), 1, 256);
        if (!channel) {
            return std::unexpected(channel.error());
        }
        device.inputChannel = *channel - 1;
    }
    return device;
}

const QStringList& deviceOptions()
{
    static const QStringList options{QStringLiteral("--driver"), QStringLiteral("--device"), QStringLiteral("--input-device"),
                                     QStringLiteral("--input-channel")};
    return options;
}

QJsonObject roundTripJson(const audio::RoundTrip& trip)
{
    return {{QStringLiteral("round_trip_ms"), std::round(trip.ms() * 100.0) / 100.0},
            {QStringLiteral("round_trip_frames"), static_cast<qint64>(trip.frames)},
            {QStringLiteral("clicks_heard"), trip.clicksHeard},
            {QStringLiteral("clicks_played"), trip.clicksPlayed},
            {QStringLiteral("spread_ms"), std::round(trip.spreadMs * 100.0) / 100.0}};
}

int runCalibrate(const CliArgs& args)
{
    auto arguments = parseCommandOptions(args.rest, deviceOptions());
    if (!arguments) {
        return reportError(arguments.error());
    }
    if (arguments->words.size() > 1) {
        return reportError({ErrorCode::InvalidArgument, "unexpected argument", arguments->words.at(1).toStdString()});
    }
    auto device = parseDevice(*arguments);
    if (!device) {
        return reportError(device.error());
    }
    auto player = audio::LivePlayer::openNonRealTime(*device);
    if (!player) {
        return reportError(player.error());
    }
    auto trip = audio::measureRoundTripNonRealTime(**player);
    if (!trip) {
        return reportError(trip.error());
    }
    QJsonObject json = roundTripJson(*trip);
    const audio::DeviceInfo& info = (*player)->info();
    json.insert(QStringLiteral("driver"), QString::fromStdString(info.driver));
    json.insert(QStringLiteral("device"), QString::fromStdString(info.device));
    json.insert(QStringLiteral("input_device"), QString::fromStdString(info.inputDevice));
    json.insert(QStringLiteral("input_channel"), info.inputChannel + 1);
    if (args.json) {
        printJson(json);
        return kExitOk;
    }
    printOut(QStringLiteral("Round trip %1 ms (%2 frames at %3 Hz): %4 of %5 clicks came back. "
                            "Give --latency-ms %1 to coach score for takes recorded with this setup; coach live --calibrate "
                            "measures it again before each take (safest when the input and the output are different devices).\n")
                 .arg(trip->ms(), 0, 'f', 1)
                 .arg(trip->frames)
                 .arg(trip->sampleRate)
                 .arg(trip->clicksHeard)
                 .arg(trip->clicksPlayed));
    return kExitOk;
}

/// "Bar 2: 4 of 5 within ±30 ms, 1 missed, 6 ms late on average" for bar `bar` (from 0) of a
/// live take as heard so far.
QString barLine(const audio::LiveProgress& heard, int bar)
{
    int due = 0;
    int within = 0;
    int missed = 0;
    double sum = 0.0;
    for (const auto& hit : heard.marks) {
        if (hit.expectedMs < bar * heard.barMs || hit.expectedMs >= (bar + 1) * heard.barMs) {
            continue;
        }
        ++due;
        if (!hit.offsetMs) {
            ++missed;
            continue;
        }
        within += std::abs(*hit.offsetMs) <= heard.tally.toleranceMs ? 1 : 0;
        sum += *hit.offsetMs;
    }
    if (due == 0) {
        return QStringLiteral("Bar %1: nothing to play").arg(bar + 1);
    }
    QString line = QStringLiteral("Bar %1: %2 of %3 within ±%4 ms").arg(bar + 1).arg(within).arg(due).arg(heard.tally.toleranceMs);
    if (missed > 0) {
        line += QStringLiteral(", %1 missed").arg(missed);
    }
    if (due > missed) {
        const long mean = std::lround(sum / (due - missed));
        line += mean == 0 ? QStringLiteral(", on the beat on average")
                          : QStringLiteral(", %1 ms %2 on average").arg(std::abs(mean)).arg(mean < 0 ? QStringLiteral("early") : QStringLiteral("late"));
    }
    return line;
}

int runLive(const CliArgs& args)
{
    auto arguments = parseCommandOptions(args.rest,
                                         takeOptions() + deviceOptions() + QStringList{QStringLiteral("--bars"), QStringLiteral("--keep-recording")},
                                         {QStringLiteral("--no-bleed"), QStringLiteral("--save"), QStringLiteral("--calibrate"),
                                          QStringLiteral("--no-count-in"), QStringLiteral("--play-part")});
    if (!arguments) {
        return reportError(arguments.error());
    }
    auto take = parseTake(args, *arguments);
    if (!take) {
        return reportError(take.error());
    }
    auto device = parseDevice(*arguments);
    if (!device) {
        return reportError(device.error());
    }
    const bool calibrate = arguments->flags.contains(QStringLiteral("--calibrate"));
    if (calibrate && take->latencyGiven) {
        return reportError({ErrorCode::InvalidArgument, "give --latency-ms or --calibrate, not both", "--calibrate"});
    }
    if (arguments->flags.contains(QStringLiteral("--play-part")) && arguments->flags.contains(QStringLiteral("--save"))) {
        // The machine then plays the part itself: its take is no practice of anyone's.
        return reportError({ErrorCode::InvalidArgument, "a take the machine played itself is not kept: leave out --save", "--play-part"});
    }
    audio::LiveTakeRequest live;
    live.take = take->request;
    live.take.input = "live take";
    live.countIn = !arguments->flags.contains(QStringLiteral("--no-count-in"));
    live.playPart = arguments->flags.contains(QStringLiteral("--play-part"));
    if (arguments->values.contains(QStringLiteral("--bars"))) {
        auto bars = parseInteger(QStringLiteral("--bars"), arguments->values.value(QStringLiteral("--bars")), 1, 1000);
        if (!bars) {
            return reportError(bars.error());
        }
        live.bars = *bars;
    }
    if (arguments->values.contains(QStringLiteral("--keep-recording"))) {
        const QString keep = arguments->values.value(QStringLiteral("--keep-recording"));
        // Where the recording goes is checked before anyone plays, not after; a take kept earlier
        // is not recorded over (a live take cannot be played again).
        if (auto checked = core::checkNewOutputFile(
                keep, "--keep-recording",
                "a file is there already (a take kept earlier?): give another name, nothing was recorded over it");
            !checked) {
            return reportError(checked.error());
        }
    }
    if (auto checked = audio::checkLiveTake(live); !checked) {
        return reportTake(args, *arguments, *take, std::unexpected(checked.error()), {}, {});  // before any device opens
    }
    auto player = audio::LivePlayer::openNonRealTime(*device);
    if (!player) {
        return reportError(player.error());
    }
    QJsonObject json{{QStringLiteral("input"), QStringLiteral("live")},
                     {QStringLiteral("input_device"), QString::fromStdString((*player)->info().inputDevice)}};
    if (calibrate) {
        auto trip = audio::measureRoundTripNonRealTime(**player);
        if (!trip) {
            return reportError(trip.error());
        }
        live.take.latencyMs = trip->ms();
        take->latencyGiven = true;
        json.insert(QStringLiteral("calibration"), roundTripJson(*trip));
    }
    if (!args.json) {
        printOut(QStringLiteral("Recording %1 bars of %2 at %3 BPM%4…\n")
                     .arg(live.bars)
                     .arg(QString::fromStdString(live.take.part))
                     .arg(live.take.machine.bpm)
                     .arg(live.countIn ? QStringLiteral(" after a bar of count-in") : QString()));
    }
    // The recording kept (asked for by name): written before the take is scored; a failure to
    // write it is reported after the score, which is printed either way.
    const QString keep = arguments->values.value(QStringLiteral("--keep-recording"));
    std::optional<core::Error> keepError;
    // Without --json, each bar's tally as soon as its last hit's window closed.
    int barsShown = 0;
    const auto showBars = [&](double /*done*/, const audio::LiveProgress& heard) {
        // A bar is shown once it has been heard and its hits' windows have closed (its last hits
        // may be played a little late).
        const auto settled = [&heard, &live](int bar) {
            const double end = (bar + 1) * heard.barMs;
            const auto due = std::count_if(heard.marks.begin(), heard.marks.end(), [end](const auto& hit) { return hit.expectedMs < end; });
            return heard.heardMs >= std::min(end, live.bars * heard.barMs) - 1e-6 && due <= heard.closed;
        };
        for (; !args.json && heard.barMs > 0.0 && barsShown < static_cast<int>(live.bars) && settled(barsShown); ++barsShown) {
            printOut(barLine(heard, barsShown) + QStringLiteral("\n"));
        }
        return true;
    };
    auto scored = audio::recordTakeNonRealTime(**player, live, showBars, [&](const audio::RecordedTake& recorded) {
        if (!keep.isEmpty()) {
            if (auto written = audio::writeRecordingNonRealTime(recorded, QFile::encodeName(keep).toStdString()); !written) {
                keepError = written.error();
            }
        }
    });
    if (!keep.isEmpty() && !keepError) {
        json.insert(QStringLiteral("recording"), QFileInfo(keep).absoluteFilePath());
    }
    const int code = reportTake(args, *arguments, *take, scored, keep.isEmpty() || keepError ? QStringLiteral("live") : QFileInfo(keep).fileName(),
                                json);
    return keepError && code == kExitOk ? reportError(*keepError) : code;
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
    if (sub == QLatin1String("calibrate")) {
        return runCalibrate(args);
    }
    if (sub == QLatin1String("live")) {
        return runLive(args);
    }
    return reportError({ErrorCode::InvalidArgument,
                        sub.isEmpty() ? "coach what? (coach score, coach live, coach calibrate, coach takes)"
                                      : "unknown coach command (coach score, coach live, coach calibrate, coach takes)",
                        sub.isEmpty() ? std::string("coach") : sub.toStdString()});
}

}  // namespace bandmate::app
