// render / export-midi / play through the real bandmate-cli, read back with the test's own
// WAV and MIDI readers.
#include "tests/e2e/CliRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QProcess>

#include <cmath>
#include <sys/stat.h>
#include <set>

using namespace bandmate;
using test::CliRun;
using test::runCli;
using test::TempDir;

TEST(BeatCli, RenderWritesA24BitWavWithEveryNoteOnItsFrame)
{
    TempDir dir;
    const QString kit = test::writeImpulseKit(dir);
    const QString out = dir.file(QStringLiteral("beat.wav"));
    const CliRun run = runCli({QStringLiteral("render"), test::exampleMachinePath(), QStringLiteral("--out"), out,
                            QStringLiteral("--kit"), kit, QStringLiteral("--seconds"), QStringLiteral("30"),
                            QStringLiteral("--bpm"), QStringLiteral("97.3"), QStringLiteral("--key"), QStringLiteral("2"),
                            QStringLiteral("--clave"), QStringLiteral("3-2"), QStringLiteral("--enable"),
                            QStringLiteral("piano"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = run.json();
    EXPECT_EQ(json.value(QStringLiteral("frames")).toInteger(), 1'440'000);
    EXPECT_EQ(json.value(QStringLiteral("sampleRate")).toDouble(), 48000.0);
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("seconds")).toDouble(), 30.0);
    EXPECT_GT(json.value(QStringLiteral("renderSeconds")).toDouble(), 0.0);

    std::string error;
    const auto wav = test::readWav(out.toStdString(), &error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(wav.channels, 2);
    EXPECT_EQ(wav.sampleRate, 48000);
    EXPECT_EQ(wav.bitsPerSample, 24);
    ASSERT_EQ(wav.frames(), 1'440'000u);

    // Expected onsets: the same machine with the same changes, through the test's own grid.
    auto machine = core::beats::readMachineFile(test::exampleMachinePath()).value();
    machine.bpm = 97.3;
    machine.keyNote = 2;
    machine.clave32 = true;
    for (auto& instrument : machine.instruments) {
        instrument.enabled = true;
    }
    const auto stream = core::beats::compileMachine(machine);
    std::set<int64_t> expected;
    uint64_t notes = 0;
    const double stepFrames = 48000.0 * 60.0 / (97.3 * 2);
    for (int64_t k = 0;; ++k) {
        const int64_t frame = std::llround(static_cast<double>(k) * stepFrames);
        if (frame >= 1'440'000) {
            break;
        }
        for (const auto& instrument : stream.instruments) {
            for (const auto& event : instrument.events) {
                if (event.step == k % instrument.loopLength) {
                    expected.insert(frame);
                    ++notes;
                }
            }
        }
    }
    const auto onsets = test::onsetFrames(wav, 1e-4f);
    EXPECT_EQ(std::set<int64_t>(onsets.begin(), onsets.end()), expected);
    EXPECT_EQ(onsets.size(), expected.size()) << "each note is one frame";
    EXPECT_EQ(json.value(QStringLiteral("notes")).toInteger(), static_cast<qint64>(notes));
}

TEST(BeatCli, BadArgumentsGetOneClearLineAndWriteNothing)
{
    TempDir dir;
    const QString kit = test::writeImpulseKit(dir);
    const QString out = dir.file(QStringLiteral("keep.wav"));
    test::writeAll(out, "previous render");
    const QString notXml = dir.file(QStringLiteral("notes.txt"));
    test::writeAll(notXml, "these are not beats");
    const QString machine = test::exampleMachinePath();
    const auto render = [&](QStringList extra) {
        QStringList args{QStringLiteral("render"), machine, QStringLiteral("--out"), out, QStringLiteral("--kit"), kit};
        args << extra;
        return args;
    };
    const std::vector<std::pair<QStringList, const char*>> cases{
        {render({QStringLiteral("--bars"), QStringLiteral("-1")}), "--bars"},
        {render({QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--seconds"), QStringLiteral("3")}), "--seconds"},
        {render({QStringLiteral("--key"), QStringLiteral("12")}), "--key"},
        {render({QStringLiteral("--bpm"), QStringLiteral("400")}), "--bpm"},
        {render({QStringLiteral("--clave"), QStringLiteral("4-4")}), "--clave"},
        {render({QStringLiteral("--swing"), QStringLiteral("lots")}), "--swing"},
        {render({QStringLiteral("--enable"), QStringLiteral("tuba")}), "tuba"},
        {render({QStringLiteral("--program"), QStringLiteral("congas=9")}), "--program"},
        {render({QStringLiteral("--program"), QStringLiteral("congas")}), "--program"},
        {render({QStringLiteral("--loud")}), "--loud"},
        {render({QStringLiteral("--bars")}), "--bars"},
        {{QStringLiteral("render"), machine, QStringLiteral("--kit"), kit}, "--out"},
        {{QStringLiteral("render"), QStringLiteral("no-such-groove"), QStringLiteral("--out"), out}, "salsa, merengue"},
        {render({QStringLiteral("--voice"), QStringLiteral("klingon")}), "--voice"},
        {{QStringLiteral("render"), notXml, QStringLiteral("--out"), out, QStringLiteral("--kit"), kit}, "notes.txt"},
        {{QStringLiteral("render"), machine, QStringLiteral("--out"), out, QStringLiteral("--kit"), dir.file(QStringLiteral("nokit"))}, "nokit"},
        {{QStringLiteral("render"), QStringLiteral("--out"), out}, "which machine"},
    };
    for (const auto& [args, mention] : cases) {
        const CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromUtf8(mention))) << mention << " not in: " << run.err.toStdString();
        EXPECT_EQ(test::readAll(out), "previous render") << args.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2) << "no stray temporary files";

    // play's clocks: one at a time, each said before any device opens.
    const auto play = [](QStringList extra) {
        QStringList args{QStringLiteral("play"), QStringLiteral("salsa")};
        args << extra;
        return args;
    };
    const QString clockIn = QStringLiteral("--midi-clock-in");
    const std::vector<std::pair<QStringList, const char*>> clocks{
        {play({clockIn, QStringLiteral(" ")}), "--midi-clock-in: which port?"},
        {play({clockIn, QStringLiteral("a:out"), QStringLiteral("--link")}), "--midi-clock-in: one clock at a time"},
        {play({clockIn, QStringLiteral("a:out"), QStringLiteral("--jack-transport"), QStringLiteral("follow")}),
         "--midi-clock-in: one clock at a time"},
        {play({clockIn, QStringLiteral("a:out"), QStringLiteral("--count-in")}), "--count-in: the MIDI clock's Start"},
        {play({clockIn, QStringLiteral("a:out"), QStringLiteral("--driver"), QStringLiteral("ALSA")}),
         "--driver: MIDI goes through JACK"},
        {play({QStringLiteral("--midi-clock-out"), QStringLiteral("")}), "--midi-clock-out: which port?"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in:17")}), "--midi-out: a MIDI channel is 1 to 16, got 17"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in:0")}), "--midi-out: a MIDI channel is 1 to 16, got 0"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("  ")}), "--midi-out: which port?"},
        {play({QStringLiteral("--midi-only")}), "--midi-only: only with --midi-out"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in:")}), "--midi-out: a MIDI channel is 1 to 16, got nothing"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in:99999999999")}), "--midi-out: a MIDI channel is 1 to 16, got 99999999999"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("--midi-only")}), "--midi-out: which port?"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in"), QStringLiteral("--midi-only"), QStringLiteral("--count-in")}),
         "--count-in: the count-in's clicks would be muted"},
        {play({clockIn, QStringLiteral("bandmate-midi:clock")}), "--midi-clock-in: that is Bandmate's own MIDI port"},
        {play({clockIn, QStringLiteral("a:out"), QStringLiteral("--midi-clock-out"), QStringLiteral("bandmate-clock-in:in")}),
         "--midi-clock-out: that is Bandmate's own MIDI port"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("bandmate-clock-in:in")}), "--midi-out: that is Bandmate's own MIDI port"},
        {play({QStringLiteral("--midi-out"), QStringLiteral("synth:in:10"), QStringLiteral("--driver"), QStringLiteral("ALSA")}),
         "--driver: MIDI goes through JACK"},
        {play({QStringLiteral("--sections-from"), QStringLiteral("pedal:out")}), "--sections-from: only with --arrangement"},
        {play({QStringLiteral("--sections-from"), QStringLiteral(" "), QStringLiteral("--arrangement"), QStringLiteral("Salsa dura, 64 bars")}),
         "--sections-from: which port?"},
        {play({QStringLiteral("--sections-from"), QStringLiteral("bandmate-notes-in:in"), QStringLiteral("--arrangement"),
               QStringLiteral("Salsa dura, 64 bars")}),
         "--sections-from: that is Bandmate's own MIDI port"},
    };
    for (const auto& [args, mention] : clocks) {
        const CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromUtf8(mention))) << mention << " not in: " << run.err.toStdString();
    }
}

TEST(BeatCli, MissingKitSamplesAreAWarningNotAFailure)
{
    TempDir dir;
    const QString kit = dir.file(QStringLiteral("kit"));
    QDir().mkpath(kit);
    ASSERT_TRUE(test::writeWav16((kit + QStringLiteral("/c.wav")).toStdString(), 48000, {{0.5f}}));
    test::writeAll(kit + QStringLiteral("/kit.json"), R"({"samples": {"clave-0": "c.wav", "congas": "gone.wav"}})");
    const QString out = dir.file(QStringLiteral("beat.wav"));
    const CliRun run = runCli({QStringLiteral("render"), test::exampleMachinePath(), QStringLiteral("--out"), out,
                            QStringLiteral("--kit"), kit, QStringLiteral("--bars"), QStringLiteral("2"),
                            QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("congas: file not found"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("cowbell-0"))) << run.err.toStdString();
    EXPECT_EQ(run.json().value(QStringLiteral("notes")).toInteger(), 5) << "the clave still plays";
}

TEST(BeatCli, ExportMidiWritesTracksTempoAndNotes)
{
    TempDir dir;
    const QString out = dir.file(QStringLiteral("beat.mid"));
    const CliRun run = runCli({QStringLiteral("export-midi"), test::exampleMachinePath(), QStringLiteral("--out"), out,
                            QStringLiteral("--bars"), QStringLiteral("4"), QStringLiteral("--bpm"), QStringLiteral("100"),
                            QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    std::string error;
    const auto midi = test::readMidiFile(out.toStdString(), &error);
    ASSERT_EQ(midi.format, 1) << error;
    EXPECT_EQ(midi.tempo(), 600'000);
    ASSERT_EQ(midi.tracks.size(), 5u);  // tempo + clave, campana, congas, bass (piano is off)
    EXPECT_EQ(midi.tracks[1].name(), "Clave");
    EXPECT_EQ(midi.tracks[1].countNoteOns(), 10);  // 5 per 16-step cycle, 32 steps
    EXPECT_EQ(midi.tracks[3].countNoteOns(), 32);  // congas on every eighth
    EXPECT_EQ(run.json().value(QStringLiteral("notes")).toInt(), 10 + 16 + 32 + 8);
}

TEST(BeatCli, PlayWithoutAnAudioDeviceSaysSoClearly)
{
    TempDir dir;
    const QString kit = test::writeImpulseKit(dir);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), QStringLiteral("bandmate-nobody-%1").arg(QCoreApplication::applicationPid()));
    env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
    const CliRun run = runCli({QStringLiteral("play"), test::exampleMachinePath(), QStringLiteral("--kit"), kit,
                            QStringLiteral("--driver"), QStringLiteral("JACK"), QStringLiteral("--seconds"),
                            QStringLiteral("1")},
                           env);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("JACK"))) << run.err.toStdString();

    const CliRun noDriver = runCli({QStringLiteral("play"), test::exampleMachinePath(), QStringLiteral("--kit"), kit,
                                 QStringLiteral("--driver"), QStringLiteral("Beos")}, env);
    EXPECT_EQ(noDriver.exitCode, 2);
    EXPECT_TRUE(noDriver.err.contains(QStringLiteral("ALSA"))) << "lists the drivers there are: " << noDriver.err.toStdString();
}

// A beat trace goes to a new file: one there already (a trace of an earlier run) is not written
// over, and the answer comes before any device opens.
TEST(BeatCli, ATraceOfTheBeatsIsNotWrittenOverAnEarlierFile)
{
    TempDir dir;
    const QString earlier = dir.file(QStringLiteral("earlier.csv"));
    {
        QFile file(earlier);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("host_us,beat\n1,0.5\n");
    }
    const CliRun run = runCli({QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--link"),
                               QStringLiteral("--trace-beats"), earlier, QStringLiteral("--seconds"), QStringLiteral("1")});
    EXPECT_EQ(run.exitCode, 2) << run.err.toStdString();
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("a file is there already"))) << run.err.toStdString();
    QFile file(earlier);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("host_us,beat\n1,0.5\n"));

    const CliRun folder = runCli({QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--link"),
                                  QStringLiteral("--trace-beats"), dir.path(), QStringLiteral("--seconds"), QStringLiteral("1")});
    EXPECT_EQ(folder.exitCode, 2);
    EXPECT_TRUE(folder.err.contains(QStringLiteral("--trace-beats: that is a folder"))) << folder.err.toStdString();

    // No name, and a pipe nobody reads (opening it would wait for ever, after the device opened):
    // one clear line each, before anything plays.
    const CliRun empty = runCli({QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--link"),
                                 QStringLiteral("--trace-beats"), QString(), QStringLiteral("--seconds"), QStringLiteral("1")});
    EXPECT_EQ(empty.exitCode, 2);
    EXPECT_TRUE(empty.err.contains(QStringLiteral("--trace-beats: which file?"))) << empty.err.toStdString();
    const QString fifo = dir.file(QStringLiteral("pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const CliRun pipe = runCli({QStringLiteral("play"), QStringLiteral("salsa"), QStringLiteral("--link"),
                                QStringLiteral("--trace-beats"), fifo, QStringLiteral("--seconds"), QStringLiteral("1")});
    EXPECT_EQ(pipe.exitCode, 2);
    EXPECT_TRUE(pipe.err.contains(QStringLiteral("a file is there already"))) << pipe.err.toStdString();
}

TEST(BeatCli, MachinesListsTheBuiltInsAndRenderTakesTheirNames)
{
    const CliRun list = runCli({QStringLiteral("machines"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray machines = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_EQ(machines.size(), 6);
    const QJsonObject salsa = machines.at(0).toObject();
    EXPECT_EQ(salsa.value(QStringLiteral("name")).toString(), QStringLiteral("salsa"));
    int programs = 0;
    for (const auto& instrument : salsa.value(QStringLiteral("instruments")).toArray()) {
        programs += static_cast<int>(instrument.toObject().value(QStringLiteral("programs")).toArray().size());
    }
    EXPECT_GE(programs, 60);

    TempDir dir;
    const QString out = dir.file(QStringLiteral("salsa.wav"));
    const CliRun run = runCli({QStringLiteral("render"), QStringLiteral("salsa"), QStringLiteral("--out"), out,
                               QStringLiteral("--bars"), QStringLiteral("4"), QStringLiteral("--voice"),
                               QStringLiteral("en"), QStringLiteral("--enable"), QStringLiteral("instructor"),
                               QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << "the built-in kit has every sample: " << run.err.toStdString();
    std::string error;
    const auto wav = test::readWav(out.toStdString(), &error);
    ASSERT_TRUE(error.empty()) << error;
    float peak = 0.0f;
    for (const float v : wav.samples[0]) {
        peak = std::max(peak, std::abs(v));
    }
    EXPECT_GT(peak, 0.3f);
    EXPECT_LT(peak, 1.0f);
}

TEST(BeatCli, MachineImportSavesEachFileOrNothingAndExportGivesTheSameMachineBack)
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("machines.sqlite"));
    const auto cli = [&](const QStringList& args) { return runCli(QStringList{QStringLiteral("--db"), db} + args); };
    ASSERT_EQ(cli({QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
    const QString example = test::exampleMachinePath();
    auto machine = core::beats::readMachineFile(example);
    ASSERT_TRUE(machine.has_value());
    machine->bpm = 101;
    const QString faster = dir.file(QStringLiteral("faster.xml"));
    test::writeAll(faster, core::beats::writeMachineXml(*machine));
    const QString broken = dir.file(QStringLiteral("broken.xml"));
    test::writeAll(broken, QByteArrayLiteral("<?xml version=\"1.0\"?>\n<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\">\n  <bm:bpm>"));

    // One unreadable file saves nothing, and the error names it.
    const CliRun refused = cli({QStringLiteral("machine"), QStringLiteral("import"), example, broken});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("broken.xml:"))) << refused.err.toStdString();
    EXPECT_EQ(refused.err.count(QLatin1Char('\n')), 1) << refused.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("list")}).out.trimmed(), QStringLiteral("[]"));

    // Two files, two machines; each printed once it is kept.
    const CliRun imported = cli({QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("import"), example, faster});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const QJsonArray saved = imported.json().value(QStringLiteral("saved")).toArray();
    ASSERT_EQ(saved.size(), 2);
    const QString first = saved.at(0).toObject().value(QStringLiteral("machine_id")).toString();
    EXPECT_NE(first, saved.at(1).toObject().value(QStringLiteral("machine_id")).toString());
    const QJsonArray list = QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("list")}).out.toUtf8()).array();
    EXPECT_EQ(list.size(), 2);

    // --into: the faster file is a new version of the first machine; the same file again is not.
    const CliRun into = cli({QStringLiteral("machine"), QStringLiteral("import"), faster, faster, QStringLiteral("--into"), first});
    ASSERT_EQ(into.exitCode, 0) << into.err.toStdString();
    EXPECT_TRUE(into.out.contains(QStringLiteral("(2 in all)"))) << into.out.toStdString();
    EXPECT_TRUE(into.out.contains(QStringLiteral("nothing to save"))) << into.out.toStdString();
    const QJsonArray versions =
        QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("machine"), QStringLiteral("versions"), first}).out.toUtf8()).array();
    EXPECT_EQ(versions.size(), 2);

    // Export: the machine as the file said (the latest version).
    const QString out = dir.file(QStringLiteral("out.xml"));
    ASSERT_EQ(cli({QStringLiteral("machine"), QStringLiteral("export"), first, QStringLiteral("--out"), out}).exitCode, 0);
    auto back = core::beats::readMachineFile(out);
    ASSERT_TRUE(back.has_value()) << back.error().toString();
    EXPECT_TRUE(*back == *machine);
    const CliRun unknown = cli({QStringLiteral("machine"), QStringLiteral("export"), QStringLiteral("no such groove"), QStringLiteral("--out"), out});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no saved machine"))) << unknown.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("machine"), QStringLiteral("list"), QStringLiteral("--into"), first}).exitCode, 2);
}

TEST(BeatCli, AnInstalledCommandFoundOnThePathUsesTheKitOfItsPrefix)
{
    // An install prefix as the package lays it out: PREFIX/bin/bandmate-cli and
    // PREFIX/share/bandmate/kits/default, started by name from the PATH in another folder (argv[0]
    // is then just "bandmate-cli": the kit was once looked for beside the working folder).
    TempDir dir;
    const QString prefix = dir.file(QStringLiteral("prefix"));
    QDir().mkpath(prefix + QStringLiteral("/bin"));
    QDir().mkpath(prefix + QStringLiteral("/share/bandmate/kits"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(BANDMATE_CLI), prefix + QStringLiteral("/bin/bandmate-cli")));
    ASSERT_TRUE(QFile::link(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/kits/default"), prefix + QStringLiteral("/share/bandmate/kits/default")));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), prefix + QStringLiteral("/bin:") + env.value(QStringLiteral("PATH")));
    env.remove(QStringLiteral("BANDMATE_KIT_DIR"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("bandmate-cli --json render salsa --out out.wav --bars 1")});
    ASSERT_TRUE(process.waitForFinished(60'000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    EXPECT_EQ(json.value(QStringLiteral("kit")).toString(), prefix + QStringLiteral("/share/bandmate/kits/default"));
}

namespace {

/// The example machine with a tune: Intro (2 bars, no congas), Montuno (4 bars at 100 BPM
/// ending on a clave break), Montuno again; written as a file another tool could have made.
QString writeArrangedMachine(const TempDir& dir)
{
    auto machine = core::beats::readMachineFile(test::exampleMachinePath()).value();
    using core::beats::Section;
    machine.arrangements.push_back(core::beats::Arrangement{
        "Tune",
        {Section{.name = "Intro", .bars = 2, .parts = {{"congas", core::beats::SectionPart::kOff}}},
         Section{.name = "Montuno", .bars = 4, .bpm = 100.0, .breakParts = {{"clave", 0}}}},
        {0, 1, 1}});
    machine.arrangements.push_back(core::beats::Arrangement{"Just the intro", {Section{.name = "Intro", .bars = 1}}, {0}});
    const QString path = dir.file(QStringLiteral("arranged.xml"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(core::beats::writeMachineXml(machine));
    return path;
}

}  // namespace

TEST(BeatCli, ArrangementsAreListedRenderedWholeAndExportedWithMarkers)
{
    TempDir dir;
    const QString machine = writeArrangedMachine(dir);
    const CliRun list = runCli({QStringLiteral("arrangements"), machine, QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray arrangements = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_EQ(arrangements.size(), 2);
    const QJsonObject tune = arrangements.at(0).toObject();
    EXPECT_EQ(tune.value(QStringLiteral("name")).toString(), QStringLiteral("Tune"));
    EXPECT_EQ(tune.value(QStringLiteral("bars")).toInt(), 10);
    // 2 bars at 120 (4 s) and twice 4 bars at 100 (9.6 s each).
    EXPECT_NEAR(tune.value(QStringLiteral("seconds")).toDouble(), 23.2, 1e-9);
    const QJsonArray sections = tune.value(QStringLiteral("sections")).toArray();
    ASSERT_EQ(sections.size(), 3);
    EXPECT_EQ(sections.at(2).toObject().value(QStringLiteral("bar")).toInt(), 7);
    EXPECT_TRUE(sections.at(1).toObject().value(QStringLiteral("break")).toBool());
    EXPECT_DOUBLE_EQ(sections.at(1).toObject().value(QStringLiteral("bpm")).toDouble(), 100.0);

    // Rendered once, whole, with two seconds for its last notes to ring.
    const QString kit = test::writeImpulseKit(dir);
    const QString wavPath = dir.file(QStringLiteral("tune.wav"));
    const CliRun render = runCli({QStringLiteral("render"), machine, QStringLiteral("--arrangement"), QStringLiteral("Tune"),
                                  QStringLiteral("--out"), wavPath, QStringLiteral("--kit"), kit, QStringLiteral("--json")});
    ASSERT_EQ(render.exitCode, 0) << render.err.toStdString();
    EXPECT_EQ(render.json().value(QStringLiteral("frames")).toInteger(), std::llround(23.2 * 48000) + 2 * 48000);
    EXPECT_EQ(render.json().value(QStringLiteral("arrangement")).toString(), QStringLiteral("Tune"));
    std::string error;
    const auto wav = test::readWav(wavPath.toStdString(), &error);
    ASSERT_TRUE(error.empty()) << error;
    const auto onsets = test::onsetFrames(wav, 1e-4f);
    ASSERT_FALSE(onsets.empty());
    EXPECT_EQ(onsets.front(), 0);
    EXPECT_LT(onsets.back(), std::llround(23.2 * 48000)) << "nothing starts after the tune's end";
    // The montuno comes in on bar 3, at 4 s exactly.
    EXPECT_TRUE(std::ranges::find(onsets, 4 * 48000) != onsets.end());

    const QString midPath = dir.file(QStringLiteral("tune.mid"));
    const CliRun midi = runCli({QStringLiteral("export-midi"), machine, QStringLiteral("--arrangement=Tune"), QStringLiteral("--out"),
                                midPath, QStringLiteral("--json")});
    ASSERT_EQ(midi.exitCode, 0) << midi.err.toStdString();
    EXPECT_EQ(midi.json().value(QStringLiteral("markers")).toInt(), 3);
    EXPECT_EQ(midi.json().value(QStringLiteral("steps")).toInt(), 80);
}

TEST(BeatCli, AnArrangementThatIsNotThereOrWithALengthGetsOneClearLine)
{
    TempDir dir;
    const QString machine = writeArrangedMachine(dir);
    const QString out = dir.file(QStringLiteral("x.wav"));
    const auto refused = [&](const QStringList& args, const QString& expected) {
        const CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.contains(expected)) << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
        EXPECT_FALSE(QFile::exists(out));
    };
    refused({QStringLiteral("render"), machine, QStringLiteral("--arrangement"), QStringLiteral("Outro"), QStringLiteral("--out"), out},
            QStringLiteral("no arrangement \"Outro\" in this machine (it has: \"Tune\", \"Just the intro\")"));
    refused({QStringLiteral("render"), test::exampleMachinePath(), QStringLiteral("--arrangement"), QStringLiteral("Tune"),
             QStringLiteral("--out"), out},
            QStringLiteral("this machine has no arrangements"));
    refused({QStringLiteral("render"), machine, QStringLiteral("--arrangement"), QStringLiteral("Tune"), QStringLiteral("--bars"),
             QStringLiteral("4"), QStringLiteral("--out"), out},
            QStringLiteral("--bars: an arrangement is as long as its sections"));
    refused({QStringLiteral("render"), machine, QStringLiteral("--arrangement"), QStringLiteral("Tune"), QStringLiteral("--loop"),
             QStringLiteral("--out"), out},
            QStringLiteral("no --loop with it"));
    refused({QStringLiteral("arrangements")}, QStringLiteral("which machine?"));
    const CliRun none = runCli({QStringLiteral("arrangements"), test::exampleMachinePath(), QStringLiteral("--json")});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(none.out.trimmed(), QStringLiteral("[]"));
}

TEST(BeatCli, BpmScalesEveryTempoOfATuneAndTheCountInIsAtItsFirstSections)
{
    TempDir dir;
    const QString machine = writeArrangedMachine(dir);
    const QString kit = test::writeImpulseKit(dir);
    // At 60 BPM, half the machine's 120: the intro's 2 bars take 8 s, the montuno's 100 BPM
    // becomes 50 (4 bars: 19.2 s, played twice); a count-in bar at the intro's 60 BPM (4 s).
    const CliRun run = runCli({QStringLiteral("render"), machine, QStringLiteral("--arrangement"), QStringLiteral("Tune"),
                               QStringLiteral("--bpm"), QStringLiteral("60"), QStringLiteral("--count-in"), QStringLiteral("--out"),
                               dir.file(QStringLiteral("slow.wav")), QStringLiteral("--kit"), kit, QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.json().value(QStringLiteral("frames")).toInteger(), std::llround((4.0 + 8.0 + 2 * 19.2) * 48000) + 2 * 48000);
}
