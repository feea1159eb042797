#include "app/cli/BeatCommands.h"

#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/engine/SongJump.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "audio/tempo/LinkSession.h"
#if BANDMATE_JACK_TRANSPORT
#include "audio/midi/JackMidiClockIn.h"
#include "audio/midi/JackMidiNotesIn.h"
#include "audio/midi/JackMidiOut.h"
#include "audio/tempo/JackTransport.h"
#endif
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/storage/Database.h"
#include "core/beats/MachineXml.h"
#include "core/util/SafeFiles.h"
#include "core/beats/NoteStream.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <poll.h>
#include <optional>
#include <thread>
#include <unistd.h>

namespace bandmate::app {

using core::ErrorCode;
using core::Result;
using core::fail;
namespace beats = core::beats;

namespace {

/// An export the disk refused for want of space says which disk (the engine only knows that a
/// write failed); the old file stayed as it was.
core::Error onFullDisk(core::Error error, const QString& out)
{
    if (error.code == ErrorCode::Io && core::diskNearlyFull(out)) {
        error.message = core::fullDiskMessage(out) + ": nothing was written (the file there before is unchanged)";
        error.where = out.toStdString();
    }
    return error;
}

enum class Command { Render, ExportMidi, Play };

/// The options of one beat command, after parsing and checking.
struct BeatOptions {
    QString machinePath;
    QString out;
    std::optional<double> bars;
    std::optional<double> seconds;
    std::optional<double> bpm;
    std::optional<int> key;
    std::optional<bool> clave32;
    double swing = 0.0;
    bool countIn = false;
    bool loop = false;
    QString kit;
    QString voice;
    double sampleRate = 48000.0;
    QStringList enable;
    QStringList disable;
    QList<std::pair<QString, int>> programs;
    audio::DeviceSettings device;
    bool link = false;              ///< play --link: join an Ableton Link session
    double linkQuantum = 4.0;       ///< beats: the bar (4) or the clave cycle (8)
    bool linkStartStop = false;
    QString traceBeats;             ///< play --trace-beats FILE: "host_us,beat" per poll
    QString jackTransport;          ///< play --jack-transport follow|master
    QString midiClockOut;           ///< play --midi-clock-out PORT: a JACK MIDI input
    QString midiClockIn;            ///< play --midi-clock-in PORT: a JACK MIDI output to follow
    QString midiOut;                ///< play --midi-out PORT[:CHANNEL]: the notes to a JACK MIDI input
    int midiOutChannel = -1;        ///< 0-15, or -1: each instrument's General MIDI channel
    bool midiOnly = false;          ///< play --midi-only: the audio muted, the notes sent
    QString arrangement;            ///< --arrangement NAME: the machine's whole tune instead of its loop
    QString sectionsFrom;           ///< play --sections-from PORT: a JACK MIDI output whose notes move through the tune
    double ownBpm = 0.0;            ///< the machine's tempo before --bpm (a tune's sections scale with --bpm)
};

constexpr double kDefaultBars = 8.0;  // four clave cycles

/// --midi-out PORT[:CHANNEL]: a JACK MIDI input, then perhaps a channel 1-16 after its last
/// colon (JACK names are "client:port", so the channel is the third part).
Result<std::pair<QString, int>> parseMidiTarget(const QString& value)
{
    QString port = value.trimmed();
    int channel = -1;
    const qsizetype colon = port.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && port.left(colon).contains(QLatin1Char(':'))) {
        // After the port's own "client:port": nothing or digits is a channel (said when it is
        // none of 1-16); anything else is part of the port's name.
        const QString suffix = port.mid(colon + 1).trimmed();
        const bool digits = std::all_of(suffix.begin(), suffix.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
        if (digits) {
            const int given = suffix.size() <= 2 ? suffix.toInt() : 0;
            if (given < 1 || given > 16) {
                return fail(ErrorCode::InvalidArgument,
                            suffix.isEmpty() ? std::string("a MIDI channel is 1 to 16, got nothing after the last \":\"")
                                             : "a MIDI channel is 1 to 16, got " + suffix.toStdString(),
                            "--midi-out");
            }
            channel = given - 1;
            port = port.left(colon).trimmed();
        }
    }
    if (port.isEmpty() || port.startsWith(QLatin1String("--"))) {
        return fail(ErrorCode::InvalidArgument, "which port? Give a JACK MIDI input (jack_lsp -t lists them), and :CHANNEL if you like",
                    "--midi-out");
    }
    return std::pair{port, channel};
}

// Parses the arguments after the command word: MACHINE and --name value / --name=value / flags.
Result<BeatOptions> parseOptions(Command command, const QStringList& rest)
{
    QStringList valued{QStringLiteral("--bars"),  QStringLiteral("--seconds"), QStringLiteral("--bpm"),
                       QStringLiteral("--key"),   QStringLiteral("--clave"),   QStringLiteral("--swing"),
                       QStringLiteral("--enable"), QStringLiteral("--disable"), QStringLiteral("--program")};
    if (command != Command::Play) {
        valued << QStringLiteral("--out");
    }
    if (command != Command::ExportMidi) {
        valued << QStringLiteral("--kit") << QStringLiteral("--voice");
    }
    if (command == Command::Render) {
        valued << QStringLiteral("--sample-rate");
    }
    if (command == Command::Play) {
        valued << QStringLiteral("--driver") << QStringLiteral("--device") << QStringLiteral("--buffer")
               << QStringLiteral("--sample-rate") << QStringLiteral("--link-quantum") << QStringLiteral("--trace-beats")
               << QStringLiteral("--jack-transport") << QStringLiteral("--midi-clock-out") << QStringLiteral("--midi-clock-in")
               << QStringLiteral("--midi-out") << QStringLiteral("--sections-from");
    }
    valued << QStringLiteral("--arrangement");
    QStringList flags{QStringLiteral("--count-in")};
    if (command == Command::Play) {
        flags << QStringLiteral("--link") << QStringLiteral("--link-start-stop") << QStringLiteral("--midi-only");
    }
    if (command == Command::Render) {
        flags << QStringLiteral("--loop");
    }
    auto arguments = parseCommandOptions(rest, valued, flags);
    if (!arguments) {
        return std::unexpected(arguments.error());
    }
    const QHash<QString, QString>& values = arguments->values;
    const QStringList& positional = arguments->words;
    BeatOptions options;
    options.countIn = arguments->flags.contains(QStringLiteral("--count-in"));
    options.loop = arguments->flags.contains(QStringLiteral("--loop"));
    if (options.loop && options.countIn) {
        return fail(ErrorCode::InvalidArgument, "a loop has no count-in: give one or the other", "--loop");
    }
    // positional.first() is the command word itself.
    if (positional.size() < 2) {
        return fail(ErrorCode::InvalidArgument,
                    "which machine? Give a Salsa Beat Machine XML file or a built-in name (bandmate-cli machines)",
                    positional.value(0).toStdString());
    }
    if (positional.size() > 2) {
        return fail(ErrorCode::InvalidArgument, "unexpected argument", positional.at(2).toStdString());
    }
    options.machinePath = positional.at(1);
    if (values.contains(QStringLiteral("--arrangement"))) {
        options.arrangement = values.value(QStringLiteral("--arrangement")).simplified();
        if (options.arrangement.isEmpty() || options.arrangement.startsWith(QLatin1String("--"))) {
            return fail(ErrorCode::InvalidArgument, "which arrangement? Give its name (bandmate-cli arrangements MACHINE lists them)",
                        "--arrangement");
        }
        for (const char* whole : {"--bars", "--seconds"}) {
            if (values.contains(QString::fromLatin1(whole)) && command != Command::Play) {
                return fail(ErrorCode::InvalidArgument, "an arrangement is as long as its sections: no --bars or --seconds with it", whole);
            }
        }
        if (options.loop) {
            return fail(ErrorCode::InvalidArgument, "an arrangement plays once, start to end: no --loop with it", "--loop");
        }
    }
    options.link = arguments->flags.contains(QStringLiteral("--link"));
    options.linkStartStop = arguments->flags.contains(QStringLiteral("--link-start-stop"));
    options.traceBeats = values.value(QStringLiteral("--trace-beats"));
    if (values.contains(QStringLiteral("--link-quantum"))) {
        const QString quantum = values.value(QStringLiteral("--link-quantum"));
        if (quantum != QLatin1String("bar") && quantum != QLatin1String("clave")) {
            return fail(ErrorCode::InvalidArgument, "expected bar or clave, got \"" + quantum.toStdString() + "\"",
                        "--link-quantum");
        }
        options.linkQuantum = quantum == QLatin1String("clave") ? 8.0 : 4.0;
    }
    for (const char* linkOnly : {"--link-quantum", "--link-start-stop", "--trace-beats"}) {
        const QString name = QString::fromLatin1(linkOnly);
        if (!options.link && (values.contains(name) || arguments->flags.contains(name))) {
            return fail(ErrorCode::InvalidArgument, "only with --link", linkOnly);
        }
    }
    if (values.contains(QStringLiteral("--trace-beats"))) {
        // Checked before anything plays; a trace written earlier is not written over.
        if (auto checked = core::checkNewOutputFile(options.traceBeats, "--trace-beats",
                                                    "a file is there already: give another name, nothing was written over it");
            !checked) {
            return std::unexpected(checked.error());
        }
    }
    if (options.link && options.countIn) {
        return fail(ErrorCode::InvalidArgument,
                    "a Link session starts on its own bar line: play with --link or --count-in, not both", "--count-in");
    }
    if (values.contains(QStringLiteral("--jack-transport"))) {
        options.jackTransport = values.value(QStringLiteral("--jack-transport"));
        if (options.jackTransport != QLatin1String("follow") && options.jackTransport != QLatin1String("master")) {
            return fail(ErrorCode::InvalidArgument, "expected follow or master, got \"" + options.jackTransport.toStdString() + "\"",
                        "--jack-transport");
        }
#if !BANDMATE_JACK_TRANSPORT
        return fail(ErrorCode::InvalidArgument, "JACK transport is there on Linux only", "--jack-transport");
#endif
        if (options.link) {
            return fail(ErrorCode::InvalidArgument, "one clock at a time: --link or --jack-transport, not both", "--jack-transport");
        }
        if (options.countIn) {
            return fail(ErrorCode::InvalidArgument, "JACK's transport starts the groove: no --count-in with it", "--count-in");
        }
    }
    options.out = values.value(QStringLiteral("--out"));
    if (command != Command::Play && options.out.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "where to? Give --out FILE", "--out");
    }
    if (values.contains(QStringLiteral("--bars")) && values.contains(QStringLiteral("--seconds"))) {
        return fail(ErrorCode::InvalidArgument, "give either --bars or --seconds, not both", "--seconds");
    }
    const auto number = [&](const char* name, double min, double max) -> Result<std::optional<double>> {
        const QString key = QString::fromLatin1(name);
        if (!values.contains(key)) {
            return std::optional<double>{};
        }
        auto parsed = parseNumber(key, values.value(key), min, max);
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        return std::optional<double>{*parsed};
    };
    auto bars = number("--bars", 0.001, 10000);
    auto seconds = number("--seconds", 0.001, 24 * 3600);
    auto bpm = number("--bpm", beats::MachineLimits::kMinBpm, beats::MachineLimits::kMaxBpm);
    auto swing = number("--swing", 0, 100);
    auto rate = number("--sample-rate", 8000, 384000);
    auto buffer = number("--buffer", 16, 8192);
    for (const auto* parsed : {&bars, &seconds, &bpm, &swing, &rate, &buffer}) {
        if (!*parsed) {
            return std::unexpected(parsed->error());
        }
    }
    options.bars = *bars;
    options.seconds = *seconds;
    options.bpm = *bpm;
    options.swing = swing->value_or(0.0) / 100.0;
    options.sampleRate = rate->value_or(command == Command::Play ? 0.0 : 48000.0);
    options.device.sampleRate = command == Command::Play ? options.sampleRate : 0.0;
    options.device.bufferFrames = static_cast<int>(buffer->value_or(0.0));
    options.device.driver = values.value(QStringLiteral("--driver")).toStdString();
    options.device.device = values.value(QStringLiteral("--device")).toStdString();
    options.midiClockOut = values.value(QStringLiteral("--midi-clock-out")).trimmed();
    if (values.contains(QStringLiteral("--midi-clock-out")) && options.midiClockOut.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "which port? Give a JACK MIDI input (jack_lsp -t lists them)", "--midi-clock-out");
    }
    options.midiClockIn = values.value(QStringLiteral("--midi-clock-in")).trimmed();
    if (values.contains(QStringLiteral("--midi-clock-in"))) {
        if (options.midiClockIn.isEmpty()) {
            return fail(ErrorCode::InvalidArgument, "which port? Give a JACK MIDI output (jack_lsp -t lists them)", "--midi-clock-in");
        }
        if (options.link || !options.jackTransport.isEmpty()) {
            return fail(ErrorCode::InvalidArgument,
                        options.link ? "one clock at a time: --link or --midi-clock-in, not both"
                                     : "one clock at a time: --jack-transport or --midi-clock-in, not both",
                        "--midi-clock-in");
        }
        if (options.countIn) {
            return fail(ErrorCode::InvalidArgument, "the MIDI clock's Start starts the groove: no --count-in with it", "--count-in");
        }
    }
    if (values.contains(QStringLiteral("--midi-out"))) {
        auto target = parseMidiTarget(values.value(QStringLiteral("--midi-out")));
        if (!target) {
            return std::unexpected(target.error());
        }
        options.midiOut = target->first;
        options.midiOutChannel = target->second;
    }
    if (values.contains(QStringLiteral("--sections-from"))) {
        options.sectionsFrom = values.value(QStringLiteral("--sections-from")).trimmed();
        if (options.sectionsFrom.isEmpty()) {
            return fail(ErrorCode::InvalidArgument, "which port? Give a JACK MIDI output (jack_lsp -t lists them)", "--sections-from");
        }
        if (options.arrangement.isEmpty()) {
            return fail(ErrorCode::InvalidArgument, "only with --arrangement: the notes move through its sections", "--sections-from");
        }
    }
    options.midiOnly = arguments->flags.contains(QStringLiteral("--midi-only"));
    if (options.midiOnly && options.midiOut.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "only with --midi-out: the notes go there while the audio is muted", "--midi-only");
    }
    if (options.midiOnly && options.countIn) {
        return fail(ErrorCode::InvalidArgument, "the count-in's clicks would be muted with --midi-only: give one or the other",
                    "--count-in");
    }
    // Bandmate's own ports: its clock fed back into its clock input would run away with itself.
    const auto own = [](const QString& port, const char* client) { return port.startsWith(QLatin1String(client) + QLatin1Char(':')); };
    for (const auto& [source, option] : {std::pair{&options.midiClockIn, "--midi-clock-in"}, std::pair{&options.sectionsFrom, "--sections-from"}}) {
        if (own(*source, "bandmate-midi") || own(*source, "bandmate-clock-in") || own(*source, "bandmate-notes-in")) {
            return fail(ErrorCode::InvalidArgument, "that is Bandmate's own MIDI port: give another app's MIDI output", option);
        }
    }
    for (const auto& [target, option] : {std::pair{&options.midiClockOut, "--midi-clock-out"}, std::pair{&options.midiOut, "--midi-out"}}) {
        if (own(*target, "bandmate-clock-in") || own(*target, "bandmate-midi")) {
            return fail(ErrorCode::InvalidArgument, "that is Bandmate's own MIDI port: give another app's MIDI input", option);
        }
    }
#if !BANDMATE_JACK_TRANSPORT
    if (!options.sectionsFrom.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "MIDI goes through JACK, on Linux only for now", "--sections-from");
    }
    if (!options.midiClockOut.isEmpty() || !options.midiClockIn.isEmpty() || !options.midiOut.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "MIDI goes through JACK, on Linux only for now",
                    !options.midiOut.isEmpty() ? "--midi-out" : options.midiClockOut.isEmpty() ? "--midi-clock-in" : "--midi-clock-out");
    }
#endif
    if (!options.jackTransport.isEmpty() || !options.midiClockOut.isEmpty() || !options.midiClockIn.isEmpty()
        || !options.midiOut.isEmpty() || !options.sectionsFrom.isEmpty()) {
        // The transport's frames and MIDI's are the JACK graph's: another driver's blocks would
        // bunch the notes (or the clock) at JACK's period boundaries.
        if (options.device.driver.empty()) {
            options.device.driver = "JACK";
        } else if (QString::fromStdString(options.device.driver).compare(QLatin1String("JACK"), Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::InvalidArgument,
                        options.jackTransport.isEmpty() ? "MIDI goes through JACK: leave out --driver or give --driver JACK"
                                                        : "JACK transport plays through JACK: leave out --driver or give --driver JACK",
                        "--driver");
        }
    }
    if (values.contains(QStringLiteral("--key"))) {
        auto key = parseInteger(QStringLiteral("--key"), values.value(QStringLiteral("--key")), 0, 11);
        if (!key) {
            return std::unexpected(key.error());
        }
        options.key = *key;
    }
    if (values.contains(QStringLiteral("--clave"))) {
        const QString clave = values.value(QStringLiteral("--clave"));
        if (clave != QLatin1String("2-3") && clave != QLatin1String("3-2")) {
            return fail(ErrorCode::InvalidArgument, "expected 2-3 or 3-2, got \"" + clave.toStdString() + "\"",
                        "--clave");
        }
        options.clave32 = clave == QLatin1String("3-2");
    }
    options.kit = values.value(QStringLiteral("--kit"));
    options.voice = values.value(QStringLiteral("--voice"));
    const auto ids = [&](const char* name) {
        return values.value(QString::fromLatin1(name)).toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
    };
    options.enable = ids("--enable");
    options.disable = ids("--disable");
    for (const QString& item : ids("--program")) {
        const auto parts = item.split(QLatin1Char('='));
        bool ok = false;
        const int index = parts.value(1).toInt(&ok);
        if (parts.size() != 2 || parts.at(0).isEmpty() || !ok || index < 0) {
            return fail(ErrorCode::InvalidArgument, "expected ID=N, e.g. congas=2, got \"" + item.toStdString() + "\"",
                        "--program");
        }
        options.programs.append({parts.at(0).trimmed(), index});
    }
    return options;
}

// Applies --bpm, --key, --clave, --enable, --disable and --program to the machine.
Result<void> applyOverrides(beats::Machine& machine, const BeatOptions& options)
{
    const auto find = [&](const QString& id, const char* option) -> Result<beats::Instrument*> {
        for (auto& instrument : machine.instruments) {
            if (QString::fromStdString(instrument.id) == id) {
                return &instrument;
            }
        }
        QStringList known;
        for (const auto& instrument : machine.instruments) {
            known << QString::fromStdString(instrument.id);
        }
        return fail(ErrorCode::InvalidArgument,
                    "no instrument \"" + id.toStdString() + "\" in this machine (it has: "
                        + known.join(QStringLiteral(", ")).toStdString() + ")",
                    option);
    };
    for (const QString& id : options.enable) {
        auto instrument = find(id, "--enable");
        if (!instrument) {
            return std::unexpected(instrument.error());
        }
        (*instrument)->enabled = true;
    }
    for (const QString& id : options.disable) {
        auto instrument = find(id, "--disable");
        if (!instrument) {
            return std::unexpected(instrument.error());
        }
        (*instrument)->enabled = false;
    }
    for (const auto& [id, index] : options.programs) {
        auto instrument = find(id, "--program");
        if (!instrument) {
            return std::unexpected(instrument.error());
        }
        const auto count = static_cast<int>((*instrument)->programs.size());
        if (index >= count) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 has programs 0 to %2, not %3").arg(id).arg(count - 1).arg(index).toStdString(),
                        "--program");
        }
        (*instrument)->activeProgram = index;
    }
    if (options.bpm) {
        machine.bpm = *options.bpm;
    }
    if (options.key) {
        machine.keyNote = *options.key;
    }
    if (options.clave32) {
        machine.clave32 = *options.clave32;
    }
    return {};
}

Result<std::shared_ptr<const audio::Kit>> loadKit(const BeatOptions& options, double sampleRate)
{
    std::string folder = options.kit.toStdString();
    if (folder.empty()) {
        folder = audio::Kit::defaultFolderNonRealTime();
        if (folder.empty()) {
            return fail(ErrorCode::NotFound,
                        "the built-in kit is not installed here: give --kit DIR (a folder with kit.json) "
                        "or set BANDMATE_KIT_DIR",
                        "--kit");
        }
    }
    auto kit = audio::Kit::loadNonRealTime(folder, sampleRate, options.voice.toStdString());
    if (kit && !options.voice.isEmpty() && (*kit)->voice() != options.voice.toStdString()) {
        QStringList voices;
        for (const auto& voice : (*kit)->voices()) {
            voices << QString::fromStdString(voice);
        }
        return fail(ErrorCode::InvalidArgument,
                    "the kit has no instructor voice \"" + options.voice.toStdString() + "\" (it has: "
                        + (voices.isEmpty() ? std::string("none") : voices.join(QStringLiteral(", ")).toStdString()) + ")",
                    "--voice");
    }
    return kit;
}

void warnAboutKit(const audio::Kit& kit, const audio::Pattern& pattern, bool midiOut = false)
{
    for (const auto& problem : kit.problems()) {
        printErr(QStringLiteral("bandmate-cli: warning: kit sample %1\n").arg(QString::fromStdString(problem)));
    }
    if (!pattern.missingSamples().empty()) {
        QStringList names;
        for (const auto& name : pattern.missingSamples()) {
            names << QString::fromStdString(name);
        }
        printErr(QStringLiteral("bandmate-cli: warning: the kit has no sample for %1 (%2)\n")
                     .arg(names.join(QStringLiteral(", ")),
                          midiOut ? QStringLiteral("silent here; MIDI out still sends their notes") : QStringLiteral("played without them")));
    }
}

QJsonArray toJsonArray(const std::vector<std::string>& items)
{
    QJsonArray array;
    for (const auto& item : items) {
        array.append(QString::fromStdString(item));
    }
    return array;
}

/// What a beat command plays: the machine's loop, or the arrangement --arrangement names.
Result<beats::NoteStream> compileFor(const BeatOptions& options, const beats::Machine& machine)
{
    if (options.arrangement.isEmpty()) {
        return beats::compileMachine(machine);
    }
    const beats::Arrangement* arrangement = beats::findArrangement(machine, options.arrangement.toStdString());
    if (arrangement == nullptr) {
        QStringList names;
        for (const auto& known : machine.arrangements) {
            names << QStringLiteral("\"%1\"").arg(QString::fromStdString(known.name));
        }
        return fail(ErrorCode::NotFound,
                    names.isEmpty() ? std::string("this machine has no arrangements (the Beat Machine's Arrange view makes them)")
                                    : "no arrangement \"" + options.arrangement.toStdString() + "\" in this machine (it has: "
                                          + names.join(QStringLiteral(", ")).toStdString() + ")",
                    "--arrangement");
    }
    // Sections with a tempo of their own keep it relative to the machine's: --bpm scales the
    // whole tune, as the app's tempo trainer and its export do.
    beats::Machine own = machine;
    own.bpm = options.ownBpm > 0.0 ? options.ownBpm : machine.bpm;
    beats::NoteStream stream = beats::compileArrangement(own, *findArrangement(own, arrangement->name));
    if (stream.song->songSteps == 0) {
        return fail(ErrorCode::InvalidArgument, "the arrangement \"" + arrangement->name + "\" has no sections to play", "--arrangement");
    }
    return stream;
}

int runRender(const CliArgs& args, const BeatOptions& options, const beats::Machine& machine)
{
    auto compiled = compileFor(options, machine);
    if (!compiled) {
        return reportError(compiled.error());
    }
    const beats::NoteStream& stream = *compiled;
    auto kit = loadKit(options, options.sampleRate);
    if (!kit) {
        return reportError(kit.error());
    }
    const auto pattern = audio::Pattern::build(stream, *kit);
    warnAboutKit(**kit, *pattern);

    audio::RenderSettings settings;
    settings.sampleRate = options.sampleRate;
    settings.bpm = machine.bpm;
    settings.swing = options.swing;
    settings.countIn = options.countIn;
    settings.seamlessLoop = options.loop;
    if (stream.song) {
        // The whole tune once (after the count-in), and its last notes ringing out.
        // The count-in clicks at the first section's tempo, as the engine plays it.
        const double firstBpm = stream.song->entries.front().bpm * machine.bpm / stream.bpm;
        settings.frames = audio::framesForSong(*stream.song, machine.flavor, stream.bpm, machine.bpm, options.sampleRate)
                          + (options.countIn ? audio::framesForBars(1, machine.flavor, firstBpm, options.sampleRate) : 0);
        settings.tailFrames = std::llround(options.sampleRate * 2.0);
    } else {
        settings.frames = options.seconds
                              ? std::llround(*options.seconds * options.sampleRate)
                              : audio::framesForBars(options.bars.value_or(kDefaultBars) + (options.countIn ? 1 : 0),
                                                     machine.flavor, machine.bpm, options.sampleRate);
    }
    const bool showProgress = !args.json && isatty(fileno(stderr)) != 0;
    if (showProgress) {
        settings.progress = [](double done) {
            std::fprintf(stderr, "\rRendering… %3d %%", static_cast<int>(done * 100.0));
            return true;
        };
    }
    const auto stats = audio::renderToWavFile(pattern, settings, options.out.toStdString());
    if (showProgress) {
        std::fputs("\r", stderr);
    }
    if (!stats) {
        return reportError(onFullDisk(stats.error(), options.out));
    }
    const double seconds = static_cast<double>(stats->frames) / stats->sampleRate;
    if (args.json) {
        QJsonObject json{{QStringLiteral("output"), QFileInfo(options.out).absoluteFilePath()},
                         {QStringLiteral("arrangement"), options.arrangement.isEmpty() ? QJsonValue() : QJsonValue(options.arrangement)},
                         {QStringLiteral("frames"), static_cast<qint64>(stats->frames)},
                         {QStringLiteral("sampleRate"), stats->sampleRate},
                         {QStringLiteral("seconds"), seconds},
                         {QStringLiteral("notes"), static_cast<qint64>(stats->notes)},
                         {QStringLiteral("renderSeconds"), stats->renderSeconds},
                         {QStringLiteral("missingSamples"), toJsonArray(pattern->missingSamples())},
                         {QStringLiteral("kit"), QString::fromStdString((*kit)->folder())}};
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("Rendered %1 s (%2 notes) to %3 in %4 s\n")
                     .arg(seconds, 0, 'f', 2)
                     .arg(stats->notes)
                     .arg(options.out)
                     .arg(stats->renderSeconds, 0, 'f', 2));
    }
    return kExitOk;
}

int runExportMidi(const CliArgs& args, const BeatOptions& options, const beats::Machine& machine)
{
    auto compiled = compileFor(options, machine);
    if (!compiled) {
        return reportError(compiled.error());
    }
    const beats::NoteStream& stream = *compiled;
    audio::MidiExportSettings settings;
    settings.bpm = machine.bpm;
    settings.swing = options.swing;
    const double stepsPerSecond = machine.bpm / 60.0 * beats::stepsPerBeat(machine.flavor);
    settings.steps = stream.song ? stream.song->songSteps
                     : options.seconds ? static_cast<int>(std::lround(*options.seconds * stepsPerSecond))
                                       : static_cast<int>(std::lround(options.bars.value_or(kDefaultBars)
                                                                      * beats::stepsPerBar(machine.flavor)));
    const auto stats = audio::exportMidiFile(machine, stream, settings, options.out.toStdString());
    if (!stats) {
        return reportError(onFullDisk(stats.error(), options.out));
    }
    if (args.json) {
        QJsonObject json{{QStringLiteral("output"), QFileInfo(options.out).absoluteFilePath()},
                         {QStringLiteral("tracks"), stats->tracks},
                         {QStringLiteral("notes"), stats->notes},
                         {QStringLiteral("markers"), stats->markers},
                         {QStringLiteral("steps"), settings.steps},
                         {QStringLiteral("ticksPerQuarter"), audio::kMidiTicksPerQuarter}};
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("Wrote %1 tracks, %2 notes to %3\n").arg(stats->tracks).arg(stats->notes).arg(options.out));
    }
    return kExitOk;
}

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int /*signal*/)
{
    g_interrupted.store(true);
}

/// Lines typed on standard input while playing (a headless transport): "tempo BPM", "stop",
/// "start", "quit". Read without blocking, at most kChunk bytes a call (an endless input such
/// as `yes` cannot hold the loop); a closed input is no more commands, its last line counted
/// even without a newline.
class ConsoleCommands {
public:
    static constexpr int kChunk = 4096;
    static constexpr int kLongestLine = 200;

    /// The complete lines that arrived since the last call; a line longer than kLongestLine is
    /// given as the empty-named "line too long" marker below.
    QStringList take()
    {
        QStringList lines;
        // A terminal is read only while this is its foreground job: a background job reading it
        // would be stopped (SIGTTIN), audio and all.
        const bool mayRead = ::isatty(STDIN_FILENO) == 0 || ::tcgetpgrp(STDIN_FILENO) == ::getpgrp();
        if (m_open && mayRead) {
            pollfd fd{STDIN_FILENO, POLLIN, 0};
            if (::poll(&fd, 1, 0) > 0 && (fd.revents & (POLLIN | POLLHUP)) != 0) {
                char buffer[kChunk];
                const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                    m_open = false;
                    m_pending.append('\n');  // the last line, newline or not
                } else if (n > 0) {
                    m_pending.append(buffer, static_cast<int>(n));
                }
            }
        }
        for (int newline = m_pending.indexOf('\n'); newline >= 0; newline = m_pending.indexOf('\n')) {
            lines << (m_skipping || newline > kLongestLine ? tooLong() : QString::fromUtf8(m_pending.left(newline)).trimmed());
            m_skipping = false;
            m_pending.remove(0, newline + 1);
        }
        if (m_pending.size() > kLongestLine) {
            m_pending.clear();  // the rest of a line already too long: dropped as it comes
            m_skipping = true;
        }
        lines.removeAll(QString());
        return lines;
    }

    static QString tooLong() { return QStringLiteral("\x01"); }

private:
    QByteArray m_pending;
    bool m_open = true;
    bool m_skipping = false;  ///< inside a line too long to be a command
};

int runPlay(const CliArgs& args, const BeatOptions& options, const beats::Machine& machine)
{
    auto player = audio::LivePlayer::openNonRealTime(options.device);
    if (!player) {
        return reportError(player.error());
    }
    const audio::DeviceInfo& info = (*player)->info();
    auto kit = loadKit(options, info.sampleRate);
    if (!kit) {
        return reportError(kit.error());
    }
    auto compiled = compileFor(options, machine);
    if (!compiled) {
        return reportError(compiled.error());
    }
    const auto pattern = audio::Pattern::build(*compiled, *kit);
    warnAboutKit(**kit, *pattern, !options.midiOut.isEmpty());

    audio::Engine engine;
    engine.prepareNonRealTime(info.sampleRate);
    engine.setPattern(pattern);
    engine.setTempo(machine.bpm);
    engine.setSwing(options.swing);
    std::unique_ptr<audio::LinkSession> link;
    std::unique_ptr<audio::ClockSource> transport;  // JACK's transport or a MIDI clock, when asked for
#if BANDMATE_JACK_TRANSPORT
    audio::JackMidiClockIn* clockIn = nullptr;     // the MIDI clock (in `transport`)
#endif
    if (options.link) {
        link = std::make_unique<audio::LinkSession>(machine.bpm, options.linkQuantum);
        link->setStartStopSync(options.linkStartStop);
        link->requestPlaying(true);
    } else if (!options.jackTransport.isEmpty()) {
#if BANDMATE_JACK_TRANSPORT
        auto opened = audio::JackTransport::open(options.jackTransport == QLatin1String("master")
                                                     ? audio::JackTransport::Role::Master
                                                     : audio::JackTransport::Role::Follow,
                                                 machine.bpm);
        if (!opened) {
            return reportError(opened.error());
        }
        transport = std::move(*opened);
#endif
#if BANDMATE_JACK_TRANSPORT
    } else if (!options.midiClockIn.isEmpty()) {
        auto opened = audio::JackMidiClockIn::open(options.midiClockIn.toStdString(), "--midi-clock-in", machine.bpm);
        if (!opened) {
            return reportError(opened.error());
        }
        clockIn = opened->get();
        transport = std::move(*opened);
#endif
    } else {
        engine.play(options.countIn);
    }
    audio::ClockSource* clock = link ? static_cast<audio::ClockSource*>(link.get()) : transport.get();
#if BANDMATE_JACK_TRANSPORT
    std::unique_ptr<audio::JackMidiOut> midiOut;
    if (!options.midiClockOut.isEmpty() || !options.midiOut.isEmpty()) {
        audio::JackMidiOut::Options midi;
        midi.clock = !options.midiClockOut.isEmpty();
        midi.clockTo = options.midiClockOut.toStdString();
        midi.notes = !options.midiOut.isEmpty();
        midi.notesTo = options.midiOut.toStdString();
        midi.notesChannel = options.midiOutChannel;
        auto opened = audio::JackMidiOut::open(midi);
        if (!opened) {
            return reportError(opened.error());
        }
        midiOut = std::move(*opened);
    }
    if (options.midiOnly) {
        engine.setMasterGain(0.0);
    }
    audio::BlockObserver* observer = midiOut.get();
    // A pedal or pad's notes: C next section, D break, E previous (any octave, any channel).
    std::unique_ptr<audio::JackMidiNotesIn> notesIn;
    if (!options.sectionsFrom.isEmpty()) {
        auto opened = audio::JackMidiNotesIn::open(options.sectionsFrom.toStdString(), "--sections-from");
        if (!opened) {
            return reportError(opened.error());
        }
        notesIn = std::move(*opened);
    }
#else
    audio::BlockObserver* observer = nullptr;
#endif
    std::FILE* trace = nullptr;  // opened once nothing else can fail
    if (!options.traceBeats.isEmpty()) {
        // "x": made here, or refused (a file that came meanwhile is not written over either).
        trace = std::fopen(QFile::encodeName(options.traceBeats).constData(), "wx");
        if (trace == nullptr) {
            return reportError(core::Error{ErrorCode::Io, std::string("cannot write the beat trace there: ") + std::strerror(errno),
                                           options.traceBeats.toStdString()});
        }
        std::fputs("host_us,beat\n", trace);
    }
    g_interrupted.store(false);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::signal(SIGHUP, onInterrupt);  // a closed terminal: the report and the trace still written
    (*player)->start(engine, nullptr, clock, observer);
    if (!args.json) {
        // One arg() for all: a title with "%2" in it is text, not a place to fill.
        printOut(QStringLiteral("Playing %1 at %2 on %3 \"%4\": %5 Hz, %6-frame buffer, output latency %7 ms. "
                                "Ctrl+C stops.\n")
                     .arg(QString::fromStdString(machine.title.empty() ? "the machine" : machine.title),
                          link ? QStringLiteral("the Link session's tempo")
                          : options.midiClockIn.isEmpty() ? QStringLiteral("%1 BPM").arg(machine.bpm)
                                                          : QStringLiteral("the MIDI clock's tempo"),
                          QString::fromStdString(info.driver), QString::fromStdString(info.device), QString::number(info.sampleRate),
                          QString::number(info.bufferFrames), QString::number(info.outputLatencySeconds() * 1000.0, 'f', 1)));
        if (!options.jackTransport.isEmpty()) {
            printOut(options.jackTransport == QLatin1String("master")
                         ? QStringLiteral("JACK transport: Bandmate is the timebase master (its tempo and bars for every JACK "
                                          "app); it plays while the transport rolls (type start, or press Play in another app).\n")
                         : QStringLiteral("JACK transport: playing while it rolls, from where it is (type start, or press Play in "
                                          "another app).\n"));
        }
#if BANDMATE_JACK_TRANSPORT
        if (midiOut && !options.midiClockOut.isEmpty()) {
            printOut(QStringLiteral("MIDI clock out: %1 to %2 (24 ticks a beat, start, stop and song position).\n")
                         .arg(QString::fromStdString(midiOut->clockPortName()), options.midiClockOut));
        }
        if (midiOut && !options.midiOut.isEmpty()) {
            printOut(QStringLiteral("MIDI notes out: %1 to %2 (%3)%4.\n")
                         .arg(QString::fromStdString(midiOut->notesPortName()), options.midiOut,
                              options.midiOutChannel < 0 ? QStringLiteral("each instrument on its General MIDI channel, percussion on 10")
                                                         : QStringLiteral("every instrument on channel %1").arg(options.midiOutChannel + 1),
                              options.midiOnly ? QStringLiteral(", the audio muted") : QString()));
        }
        if (clockIn != nullptr) {
            printOut(QStringLiteral("MIDI clock in: following %1 on %2 (its tempo; its Start, Stop, Continue and song position). "
                                    "The groove starts when the clock's sender starts.\n")
                         .arg(options.midiClockIn, QString::fromStdString(clockIn->portName())));
        }
#endif
        if (link) {
            printOut(QStringLiteral("Ableton Link on: in time with the session's %1 (start/stop sync %2).\n")
                         .arg(options.linkQuantum == 8.0 ? QStringLiteral("clave cycle (8 beats)") : QStringLiteral("bar (4 beats)"),
                              options.linkStartStop ? QStringLiteral("on") : QStringLiteral("off")));
        }
    }
    const auto started = std::chrono::steady_clock::now();
    const auto hostMicros = [&] {
        return link ? link->hostMicros()
                    : std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
    ConsoleCommands console;
    QJsonArray tempoChanges;
    QJsonArray transportChanges;  // the engine starting and stopping (a Link peer's start/stop)
    bool rolling = false;
    double tempo = 0.0;
    size_t peers = 0;
    size_t mostPeers = 0;
    int64_t lastTraced = 0;
    bool quit = false;
    bool clockReceiving = false;
    uint64_t clockLosses = 0;
    bool portsIn = true;   // the MIDI clock's sender connected to our input
    bool portsOut = true;  // MIDI out's ports connected to where they go
    QElapsedTimer portsChecked;
    portsChecked.start();
    bool notesConnected = true;  // the pedal's output connected to our notes input
    QElapsedTimer notesChecked;
    notesChecked.start();
    std::optional<core::Error> lost;  // the JACK server went away under the transport or MIDI out
    // Live jumps through an arrangement, at the next bar line: typed ("next", "previous",
    // "break") or a pedal's notes (--sections-from). What was asked and the sections heard go in
    // the JSON.
    QJsonArray sectionCommands;
    QJsonArray sectionsHeard;
    int lastEntry = -1;
    audio::PedalNotes pedal;
    QElapsedTimer pedalClock;
    pedalClock.start();
    const auto jump = [&](audio::SongJump which, const QString& from) {
        const QString name = which == audio::SongJump::Next ? QStringLiteral("next")
                             : which == audio::SongJump::Previous ? QStringLiteral("previous")
                                                                   : QStringLiteral("break");
        if (!pattern->song()) {
            printErr(QStringLiteral("bandmate-cli: %1 moves through an arrangement: play one with --arrangement NAME\n").arg(name));
            return;
        }
        if (!engine.isPlaying()) {
            // Waiting for a clock's Start or a transport, or stopped: the engine's start clears a jump.
            printErr(QStringLiteral("bandmate-cli: %1 once the tune plays\n").arg(name));
            return;
        }
        const bool queued = audio::queueSongJump(engine, *pattern->song(), which);
        if (!queued) {
            printErr(QStringLiteral("bandmate-cli: no section of this arrangement has a break to play\n"));
        } else if (!args.json) {
            printOut(QStringLiteral("%1 at the next bar line\n").arg(which == audio::SongJump::Next ? QStringLiteral("Next section")
                                                                   : which == audio::SongJump::Previous ? QStringLiteral("Previous section")
                                                                                                         : QStringLiteral("Break")));
        }
        if (sectionCommands.size() >= 10'000) {
            return;  // a flood (a stuck pad): the first ten thousand tell the story
        }
        sectionCommands.append(QJsonObject{{QStringLiteral("command"), name},
                                           {QStringLiteral("from"), from},
                                           {QStringLiteral("queued"), queued},
                                           {QStringLiteral("song_step"), engine.songStep()},
                                           {QStringLiteral("frames_played"), static_cast<qint64>(engine.framesPlayed())}});
    };
    while (!g_interrupted.load() && !quit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (options.seconds
            && std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= *options.seconds) {
            break;
        }
        for (const QString& line : console.take()) {
            if (line == ConsoleCommands::tooLong()) {
                printErr(QStringLiteral("bandmate-cli: a line of more than %1 characters is no command (tempo BPM, stop, start, quit)\n")
                             .arg(ConsoleCommands::kLongestLine));
                continue;
            }
            const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QString word = words.value(0).toLower();
            bool ok = false;
            // 97,3 as it is written in Spanish or Norwegian is 97.3.
            const double bpm = QString(words.value(1)).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
            if (!options.midiClockIn.isEmpty() && (word == QLatin1String("tempo") || word == QLatin1String("stop")
                                                   || word == QLatin1String("start"))) {
                printErr(QStringLiteral("bandmate-cli: following a MIDI clock: its sender sets the tempo, starts and stops "
                                        "(quit still quits)\n"));
            } else if (word == QLatin1String("tempo") && ok && words.size() == 2 && bpm >= beats::MachineLimits::kMinBpm
                && bpm <= beats::MachineLimits::kMaxBpm) {
                clock != nullptr ? clock->requestTempo(bpm) : engine.setTempo(bpm);
            } else if (word == QLatin1String("stop") && words.size() == 1) {
                clock != nullptr ? clock->requestPlaying(false) : engine.stop();
            } else if (word == QLatin1String("start") && words.size() == 1) {
                clock != nullptr ? clock->requestPlaying(true) : engine.resume();
            } else if (word == QLatin1String("quit") && words.size() == 1) {
                quit = true;
            } else if ((word == QLatin1String("next") || word == QLatin1String("previous") || word == QLatin1String("break"))
                       && words.size() == 1) {
                jump(word == QLatin1String("next") ? audio::SongJump::Next
                     : word == QLatin1String("previous") ? audio::SongJump::Previous
                                                          : audio::SongJump::Break,
                     QStringLiteral("console"));
            } else if (!word.isEmpty()) {
                // (One arg() for all: a %1 typed in the line is text, not a place to fill.)
                printErr(QStringLiteral("bandmate-cli: not a command while playing: \"%1\" (tempo BPM, stop, start, quit; "
                                        "tempo from %2 to %3)\n")
                             .arg(line, QString::number(beats::MachineLimits::kMinBpm), QString::number(beats::MachineLimits::kMaxBpm)));
            }
        }
#if BANDMATE_JACK_TRANSPORT
        while (notesIn) {
            const auto note = notesIn->take();
            if (!note) {
                break;
            }
            if (const auto asked = pedal.press(note->key, pedalClock.elapsed())) {
                jump(*asked, QStringLiteral("note %1").arg(note->key));
            }
        }
        if (notesIn && notesIn->serverGone()) {
            lost = core::Error{ErrorCode::Io, "the JACK server went away: no more notes for the sections", "--sections-from"};
            break;
        }
#endif
        if (pattern->song() && engine.framesPlayed() > 0) {
            const int entry = pattern->song()->entryAt(static_cast<int>(engine.songStep()));
            if (entry >= 0 && entry != lastEntry) {
                lastEntry = entry;
                sectionsHeard.append(QJsonObject{{QStringLiteral("entry"), entry},
                                                 {QStringLiteral("song_step"), engine.songStep()},
                                                 {QStringLiteral("frames_played"), static_cast<qint64>(engine.framesPlayed())}});
            }
        }
        // A MIDI clock's tempo is fitted anew at every tick: a change is one of a tenth of a BPM
        // at least, not each tick's jitter in the last digits.
        const bool tempoMoved = options.midiClockIn.isEmpty() ? engine.tempo() != tempo : std::abs(engine.tempo() - tempo) >= 0.1;
        if (tempoMoved && engine.framesPlayed() > 0) {
            tempo = engine.tempo();
            tempoChanges.append(QJsonObject{{QStringLiteral("host_us"), static_cast<qint64>(hostMicros())},
                                            {QStringLiteral("bpm"), tempo}});
            if (!args.json && (tempoChanges.size() > 1 || (link && tempo != machine.bpm))) {
                printOut(QStringLiteral("Tempo %1 BPM\n").arg(tempo));
            }
        }
#if BANDMATE_JACK_TRANSPORT
        if (!options.jackTransport.isEmpty() && transport && static_cast<audio::JackTransport*>(transport.get())->serverGone()) {
            lost = core::Error{ErrorCode::Io, "the JACK server went away: its transport is gone", "--jack-transport"};
            break;
        }
        if (midiOut && midiOut->serverGone()) {
            lost = options.midiClockOut.isEmpty()
                       ? core::Error{ErrorCode::Io, "the JACK server went away: MIDI notes out stopped", "--midi-out"}
                       : core::Error{ErrorCode::Io, "the JACK server went away: MIDI clock out stopped", "--midi-clock-out"};
            break;
        }
        if (clockIn != nullptr) {
            if (clockIn->serverGone()) {
                lost = core::Error{ErrorCode::Io, "the JACK server went away: no MIDI clock to follow", "--midi-clock-in"};
                break;
            }
            if (clockIn->receiving() != clockReceiving || clockIn->losses() != clockLosses) {
                // Lost: the ticks stopped while it played. A sender that clocks only while it
                // plays goes quiet after its Stop: that is no loss.
                const bool lostNow = clockIn->losses() != clockLosses;
                clockReceiving = clockIn->receiving();
                clockLosses = clockIn->losses();
                if (!args.json) {
                    printOut(lostNow ? QStringLiteral("MIDI clock lost: its ticks stopped coming while it played (the groove waits "
                                                      "for the clock's Start or Continue)\n")
                             : clockReceiving ? QStringLiteral("MIDI clock: receiving\n")
                                              : QStringLiteral("MIDI clock: no ticks are coming\n"));
                }
            }
        }
        if (notesIn && notesChecked.elapsed() >= 500) {
            notesChecked.restart();
            if (const bool now = notesIn->keepConnected(options.sectionsFrom.toStdString()); now != notesConnected) {
                notesConnected = now;
                if (!args.json) {
                    printErr(now ? QStringLiteral("bandmate-cli: MIDI: %1 is back, connected again\n").arg(options.sectionsFrom)
                                 : QStringLiteral("bandmate-cli: MIDI: %1 went away (its app closed?): connecting again when it "
                                                  "is back\n")
                                       .arg(options.sectionsFrom));
                }
            }
        }
        if ((clockIn != nullptr || midiOut) && portsChecked.elapsed() >= 500) {
            // An app whose port went away (restarted, quit): said once, and connected again
            // when it is back.
            portsChecked.restart();
            const bool inNow = clockIn == nullptr || clockIn->keepConnected(options.midiClockIn.toStdString());
            const bool outNow = !midiOut || midiOut->keepConnected();
            if (inNow != portsIn || outNow != portsOut) {
                if (!args.json) {
                    QStringList outs;
                    for (const QString& port : {options.midiClockOut, options.midiOut}) {
                        if (!port.isEmpty() && !outs.contains(port)) {
                            outs << port;
                        }
                    }
                    const QString ports = inNow != portsIn ? options.midiClockIn : outs.join(QStringLiteral(", "));
                    printErr((inNow != portsIn ? inNow : outNow)
                                 ? QStringLiteral("bandmate-cli: MIDI: %1 is back, connected again\n").arg(ports)
                                 : QStringLiteral("bandmate-cli: MIDI: %1 went away (its app closed?): connecting again when it is "
                                                  "back\n")
                                       .arg(ports));
                }
                portsIn = inNow;
                portsOut = outNow;
            }
        }
#endif
        if (engine.isPlaying() != rolling) {
            rolling = engine.isPlaying();
            const audio::BeatAtTime last = link ? link->lastBlock().value_or(audio::BeatAtTime{hostMicros(), 0.0, rolling})
                                                : audio::BeatAtTime{hostMicros(), 0.0, rolling};
            transportChanges.append(QJsonObject{{QStringLiteral("host_us"), static_cast<qint64>(last.hostMicros)},
                                                {QStringLiteral("playing"), rolling}});
            if (!args.json && transportChanges.size() > 1) {
                printOut(rolling ? QStringLiteral("Playing\n") : QStringLiteral("Stopped\n"));
            }
        }
        if (link) {
            if (const size_t now = link->peers(); now != peers) {
                peers = now;
                mostPeers = std::max(mostPeers, peers);
                if (!args.json) {
                    printOut(QStringLiteral("Link: %1 other app%2 in the session\n").arg(peers).arg(peers == 1 ? "" : "s"));
                }
            }
            const auto last = link->lastBlock();
            if (trace != nullptr && last && last->playing && last->beat >= 0.0 && last->hostMicros != lastTraced) {
                lastTraced = last->hostMicros;
                std::fprintf(trace, "%lld,%.9f\n", static_cast<long long>(last->hostMicros), last->beat);
            }
        }
    }
    engine.stop();
#if BANDMATE_JACK_TRANSPORT
    if (midiOut && !midiOut->serverGone()) {
        // The receivers hear the stop (an outside clock may keep the engine rolling): a block
        // takes it up, and MIDI leaves a period later.
        midiOut->requestStop();
        const auto period = std::chrono::microseconds(static_cast<int64_t>(1e6 * info.bufferFrames / info.sampleRate));
        for (int waited = 0; !midiOut->stopSent() && waited < 100; ++waited) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        std::this_thread::sleep_for(3 * period + std::chrono::milliseconds(10));
    }
#endif
    (*player)->stop();
#if BANDMATE_JACK_TRANSPORT
    if (midiOut) {
        // A stop no block took up (a stalled driver): worked out here; then everything queued
        // goes out before the client closes.
        midiOut->stopAfterDevice();
        for (int waited = 0; !midiOut->drained() && waited < midiOut->drainTimeoutMs(); waited += 5) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
#endif
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGHUP, SIG_DFL);
    if (lost) {
        if (trace != nullptr) {
            std::fclose(trace);
        }
        return reportError(*lost);
    }
    if (trace != nullptr) {
        const bool written = std::ferror(trace) == 0;
        if (std::fclose(trace) != 0 || !written) {
            return reportError(core::Error{ErrorCode::Io, "the beat trace could not be written whole (is the disk full?)",
                                           options.traceBeats.toStdString()});
        }
    }
    const audio::CallbackLoad load = (*player)->load();
    if (args.json) {
        QJsonObject json{{QStringLiteral("driver"), QString::fromStdString(info.driver)},
                         {QStringLiteral("device"), QString::fromStdString(info.device)},
                         {QStringLiteral("sampleRate"), info.sampleRate},
                         {QStringLiteral("bufferFrames"), info.bufferFrames},
                         {QStringLiteral("outputLatencyMs"), info.outputLatencySeconds() * 1000.0},
                         {QStringLiteral("callbacks"), static_cast<qint64>(load.callbacks)},
                         {QStringLiteral("framesPlayed"), static_cast<qint64>(engine.framesPlayed())},
                         {QStringLiteral("notes"), static_cast<qint64>(engine.notesStarted())},
                         {QStringLiteral("tempo"), engine.tempo()},
                         {QStringLiteral("beats_played"), engine.beatsPlayed()},
                         {QStringLiteral("tempo_changes"), tempoChanges},
                         {QStringLiteral("transport_changes"), transportChanges},
                         {QStringLiteral("loadP50"), load.p50},
                         {QStringLiteral("loadP99"), load.p99},
                         {QStringLiteral("loadMax"), load.max},
                         {QStringLiteral("overruns"), static_cast<qint64>(load.overruns)},
                         {QStringLiteral("lateCallbacks"), static_cast<qint64>(load.late)},
                         {QStringLiteral("driverXruns"), (*player)->driverXruns()}};
        if (link) {
            json.insert(QStringLiteral("link_peers"), static_cast<qint64>(mostPeers));
        }
        if (pattern->song()) {
            // The form entries heard in order, each where it was first heard (a live break counts as
            // its entry's; polled every 10 ms), and the jumps asked.
            QJsonObject sections{{QStringLiteral("heard"), sectionsHeard}, {QStringLiteral("commands"), sectionCommands}};
#if BANDMATE_JACK_TRANSPORT
            if (notesIn) {
                sections.insert(QStringLiteral("port"), QString::fromStdString(notesIn->portName()));
                sections.insert(QStringLiteral("from"), options.sectionsFrom);
                sections.insert(QStringLiteral("dropped"), static_cast<qint64>(notesIn->dropped()));
            }
#endif
            json.insert(QStringLiteral("sections"), sections);
        }
        if (!options.jackTransport.isEmpty()) {
            json.insert(QStringLiteral("jack_transport"), options.jackTransport);
        }
#if BANDMATE_JACK_TRANSPORT
        if (midiOut && !options.midiOut.isEmpty()) {
            json.insert(QStringLiteral("midi_out"),
                        QJsonObject{{QStringLiteral("port"), QString::fromStdString(midiOut->notesPortName())},
                                    {QStringLiteral("to"), options.midiOut},
                                    {QStringLiteral("channel"), options.midiOutChannel < 0 ? QJsonValue(QStringLiteral("gm"))
                                                                                           : QJsonValue(options.midiOutChannel + 1)},
                                    {QStringLiteral("notes"), static_cast<qint64>(midiOut->notesSent())},
                                    {QStringLiteral("audio_muted"), options.midiOnly},
                                    {QStringLiteral("late"), static_cast<qint64>(midiOut->notesCounts().late)},
                                    {QStringLiteral("lost"), static_cast<qint64>(midiOut->notesCounts().lost)}});
        }
        if (midiOut && !options.midiClockOut.isEmpty()) {
            json.insert(QStringLiteral("midi_clock"), QJsonObject{{QStringLiteral("port"), QString::fromStdString(midiOut->clockPortName())},
                                                               {QStringLiteral("ticks"), static_cast<qint64>(midiOut->clockTicksSent())},
                                                               {QStringLiteral("late"), static_cast<qint64>(midiOut->clockCounts().late)},
                                                               {QStringLiteral("lost"), static_cast<qint64>(midiOut->clockCounts().lost)}});
        }
        if (clockIn != nullptr) {
            json.insert(QStringLiteral("midi_clock_in"),
                        QJsonObject{{QStringLiteral("port"), QString::fromStdString(clockIn->portName())},
                                    {QStringLiteral("from"), options.midiClockIn},
                                    {QStringLiteral("ticks"), static_cast<qint64>(clockIn->ticks())},
                                    {QStringLiteral("tempo"), clockIn->tempo() > 0.0
                                                                  ? QJsonValue(std::min(clockIn->tempo(), audio::Engine::kMaxClockBpm))
                                                                  : QJsonValue()},
                                    {QStringLiteral("receiving"), clockIn->receiving()},
                                    {QStringLiteral("losses"), static_cast<qint64>(clockIn->losses())},
                                    {QStringLiteral("dropped"), static_cast<qint64>(clockIn->dropped())}});
        }
#endif
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("Stopped after %1 callbacks (%2 beats played); callback load p50 %3 %, p99 %4 %; %5 overruns.\n")
                     .arg(load.callbacks)
                     .arg(engine.beatsPlayed(), 0, 'f', 1)
                     .arg(load.p50 * 100.0, 0, 'f', 1)
                     .arg(load.p99 * 100.0, 0, 'f', 1)
                     .arg(load.overruns));
#if BANDMATE_JACK_TRANSPORT
        if (midiOut) {
            printOut(QStringLiteral("MIDI out: %1 notes, %2 clock ticks sent; %3 late, %4 lost.\n")
                         .arg(midiOut->notesSent())
                         .arg(midiOut->clockTicksSent())
                         .arg(midiOut->late())
                         .arg(midiOut->lost()));
        }
        if (clockIn != nullptr) {
            printOut(QStringLiteral("MIDI clock in: %1 ticks received; lost %2 times.\n").arg(clockIn->ticks()).arg(clockIn->losses()));
        }
#endif
    }
    return kExitOk;
}

}  // namespace

core::Result<MachineArgument> loadMachineArgument(const CliArgs& args, const QString& name)
{
    // A file path first, then a built-in machine's name, then a machine saved in the database
    // (a saved title may hold a "/": "Son 2/3"); a path that is none of them is a missing file.
    const bool looksLikePath = name.contains(QLatin1Char('/')) || name.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive);
    if (QFileInfo::exists(name)) {
        auto machine = beats::readMachineFile(name);
        if (!machine) {
            return std::unexpected(machine.error());
        }
        return MachineArgument{std::move(*machine), {}, {}};
    }
    if (beats::builtinMachineNames().contains(name)) {
        auto machine = beats::loadBuiltinMachine(name);
        if (!machine) {
            return std::unexpected(machine.error());
        }
        return MachineArgument{std::move(*machine), {}, {}};
    }
    const core::Error unknown{ErrorCode::NotFound,
                              "no such machine: give a Salsa Beat Machine XML file, a built-in name (" + beats::builtinMachineNames().join(QStringLiteral(", ")).toStdString()
                                  + ") or the id or title of a machine saved in Bandmate",
                              name.toStdString()};
    auto saved = loadSavedMachine(args, name);
    if (saved || saved.error().code != ErrorCode::NotFound) {
        return saved;
    }
    return std::unexpected(looksLikePath ? beats::readMachineFile(name).error() : unknown);
}

core::Result<MachineArgument> loadSavedMachine(const CliArgs& args, const QString& name)
{
    auto db = openDatabaseForReading(args);
    if (!db) {
        return std::unexpected(db.error());
    }
    beats::MachineRepository machines(**db);
    auto saved = machines.list();
    if (!saved) {
        return std::unexpected(saved.error());
    }
    QStringList ids;
    for (const auto& summary : *saved) {
        if (summary.id == name) {
            ids = QStringList{summary.id};
            break;
        }
        if (summary.title.compare(name, Qt::CaseInsensitive) == 0) {
            ids << summary.id;
        }
    }
    if (ids.isEmpty()) {
        return core::fail(ErrorCode::NotFound, "no saved machine has this id or title (bandmate-cli machine list)", name.toStdString());
    }
    if (ids.size() > 1) {
        return core::fail(ErrorCode::InvalidArgument, "several saved machines have this title; name one by its id: " + ids.join(QStringLiteral(", ")).toStdString(),
                          name.toStdString());
    }
    auto machine = machines.load(ids.first());
    auto origin = machines.origin(ids.first());
    if (!machine || !origin) {
        return std::unexpected(!machine ? machine.error() : origin.error());
    }
    return MachineArgument{std::move(*machine), ids.first(), *origin};
}

int runMachinesCommand(const CliArgs& args)
{
    if (!args.options.isEmpty() || args.command.size() > 1) {
        return reportError({ErrorCode::InvalidArgument, "machines takes no arguments besides --json",
                            (args.options.isEmpty() ? args.command.at(1) : args.options.first()).toStdString()});
    }
    QJsonArray list;
    QString text;
    for (const QString& name : beats::builtinMachineNames()) {
        auto machine = beats::loadBuiltinMachine(name);
        if (!machine) {
            return reportError(machine.error());
        }
        QJsonArray instruments;
        QStringList on;
        for (const auto& instrument : machine->instruments) {
            QJsonArray programs;
            for (const auto& program : instrument.programs) {
                programs.append(QString::fromStdString(program.title));
            }
            instruments.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(instrument.id)},
                                           {QStringLiteral("title"), QString::fromStdString(instrument.title)},
                                           {QStringLiteral("enabled"), instrument.enabled},
                                           {QStringLiteral("activeProgram"), instrument.activeProgram},
                                           {QStringLiteral("programs"), programs}});
            on << QStringLiteral("%1 (%2)").arg(QString::fromStdString(instrument.id)).arg(instrument.programs.size());
        }
        list.append(QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("title"), QString::fromStdString(machine->title)},
                                {QStringLiteral("flavor"), QString::fromLatin1(beats::flavorName(machine->flavor))},
                                {QStringLiteral("bpm"), machine->bpm},
                                {QStringLiteral("key"), machine->keyNote},
                                {QStringLiteral("clave"), machine->clave32 ? QStringLiteral("3-2") : QStringLiteral("2-3")},
                                {QStringLiteral("instruments"), instruments}});
        text += QStringLiteral("%1  %2, %3 BPM: %4\n")
                    .arg(name, -16)
                    .arg(QString::fromStdString(machine->title))
                    .arg(machine->bpm)
                    .arg(on.join(QStringLiteral(", ")));
    }
    printOut(args.json ? QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) + QLatin1Char('\n') : text);
    return kExitOk;
}

int runArrangementsCommand(const CliArgs& args)
{
    auto parsed = parseCommandOptions(args.rest, {}, {});
    if (!parsed) {
        return reportError(parsed.error());
    }
    if (parsed->words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument,
                            parsed->words.isEmpty() ? "which machine? Give a Salsa Beat Machine XML file, a built-in name or a saved machine"
                                                    : "unexpected argument",
                            parsed->words.isEmpty() ? "arrangements" : parsed->words.at(1).toStdString()});
    }
    auto argument = loadMachineArgument(args, parsed->words.first());
    if (!argument) {
        return reportError(argument.error());
    }
    const beats::Machine& machine = argument->machine;
    QJsonArray list;
    QString text;
    for (const beats::Arrangement& arrangement : machine.arrangements) {
        const beats::NoteStream stream = beats::compileArrangement(machine, arrangement);
        const beats::SongLayout& song = *stream.song;
        const double seconds = static_cast<double>(audio::framesForSong(song, machine.flavor, machine.bpm, machine.bpm, 48000.0)) / 48000.0;
        QJsonArray sections;
        QStringList names;
        for (const beats::SongEntry& entry : song.entries) {
            const beats::Section& section = arrangement.sections[static_cast<size_t>(entry.section)];
            sections.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(entry.name)},
                                        {QStringLiteral("section"), entry.section},
                                        {QStringLiteral("bar"), entry.startStep / song.barSteps + 1},
                                        {QStringLiteral("bars"), entry.steps / song.barSteps},
                                        {QStringLiteral("repeats"), section.repeats},
                                        {QStringLiteral("bpm"), entry.bpm},
                                        {QStringLiteral("key"), entry.keyNote},
                                        {QStringLiteral("break"), entry.breakStep >= 0}});
            names << QStringLiteral("%1 (%2)").arg(QString::fromStdString(entry.name)).arg(entry.steps / song.barSteps);
        }
        list.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(arrangement.name)},
                                {QStringLiteral("bars"), song.songSteps / song.barSteps},
                                {QStringLiteral("seconds"), seconds},
                                {QStringLiteral("sections"), sections}});
        text += QStringLiteral("%1  %2 bars, %3:%4: %5\n")
                    .arg(QString::fromStdString(arrangement.name))
                    .arg(song.songSteps / song.barSteps)
                    .arg(static_cast<int>(seconds) / 60)
                    .arg(static_cast<int>(seconds) % 60, 2, 10, QLatin1Char('0'))
                    .arg(names.join(QStringLiteral(", ")));
    }
    if (!args.json && machine.arrangements.empty()) {
        text = QStringLiteral("%1 has no arrangements\n").arg(QString::fromStdString(machine.title));
    }
    printOut(args.json ? QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) + QLatin1Char('\n') : text);
    return kExitOk;
}

int runBeatCommand(const CliArgs& args)
{
    const QString& word = args.command.first();
    const Command command = word == QLatin1String("render")        ? Command::Render
                            : word == QLatin1String("export-midi") ? Command::ExportMidi
                                                                   : Command::Play;
    QStringList rest = args.rest;
    rest.prepend(word);
    auto options = parseOptions(command, rest);
    if (!options) {
        return reportError(options.error());
    }
    auto argument = loadMachineArgument(args, options->machinePath);
    if (!argument) {
        return reportError(argument.error());
    }
    auto machine = std::make_optional(std::move(argument->machine));
    options->ownBpm = machine->bpm;
    if (auto applied = applyOverrides(*machine, *options); !applied) {
        return reportError(applied.error());
    }
    switch (command) {
    case Command::Render:
        return runRender(args, *options, *machine);
    case Command::ExportMidi:
        return runExportMidi(args, *options, *machine);
    case Command::Play:
        return runPlay(args, *options, *machine);
    }
    return kExitFailure;
}

}  // namespace bandmate::app
