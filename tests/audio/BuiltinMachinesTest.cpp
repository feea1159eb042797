// The built-in rhythm library (resources/machines) played with the built-in kit.
#include "audio/engine/Engine.h"
#include "core/beats/BuiltinMachines.h"
#include "tests/audio/EngineSupport.h"
#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace bandmate;
using core::beats::Machine;
using core::beats::builtinMachineNames;
using core::beats::loadBuiltinMachine;

namespace {

std::shared_ptr<const audio::Kit> defaultKit()
{
    static const auto kit = [] {
        const std::string folder = audio::Kit::defaultFolderNonRealTime();
        EXPECT_FALSE(folder.empty());
        auto loaded = audio::Kit::loadNonRealTime(folder, 48000.0);
        EXPECT_TRUE(loaded.has_value());
        return loaded.value_or(nullptr);
    }();
    return kit;
}

struct Level {
    float peak = 0.0f;
    double rmsDb = -200.0;
};

Level render(const Machine& machine, double seconds)
{
    audio::RenderSettings settings;
    settings.bpm = machine.bpm;
    settings.frames = std::llround(seconds * 48000.0);
    const auto rendered = test::renderInMemory(audio::Pattern::build(core::beats::compileMachine(machine), defaultKit()), settings);
    Level level;
    double sum = 0.0;
    for (size_t i = 0; i < rendered.left.size(); ++i) {
        level.peak = std::max({level.peak, std::abs(rendered.left[i]), std::abs(rendered.right[i])});
        sum += 0.5 * (rendered.left[i] * rendered.left[i] + rendered.right[i] * rendered.right[i]);
    }
    level.rmsDb = 10.0 * std::log10(std::max(sum / static_cast<double>(rendered.left.size()), 1e-20));
    return level;
}

std::set<int> programSteps(const core::beats::Program& program)
{
    std::set<int> steps;
    for (const auto& note : program.notes) {
        steps.insert(note.index);
    }
    return steps;
}

}  // namespace

TEST(BuiltinMachines, EveryMachineLoadsWithTheInstrumentsItPromises)
{
    std::map<std::string, std::vector<std::string>> promised{
        {"salsa", {"clave", "cowbell", "congas", "bongos", "timbales", "guiro", "maracas", "piano", "bass", "trumpet", "instructor"}},
        {"merengue", {"guira", "tambora", "congas", "cowbell", "piano", "bass", "kick", "instructor"}},
        {"cha-cha-cha", {"guiro", "cowbell", "congas", "timbales", "clave", "piano", "bass", "instructor"}},
        {"bachata", {"bongos", "guira", "cowbell", "guitar", "bass", "instructor"}},
        {"son-montuno", {"clave", "bongos", "maracas", "tres", "congas", "bass", "instructor"}},
        {"rumba-guaguanco", {"clave", "palitos", "salidor", "segundo", "quinto", "instructor"}},
    };
    ASSERT_EQ(builtinMachineNames().size(), static_cast<qsizetype>(promised.size()));
    for (const QString& name : builtinMachineNames()) {
        auto machine = loadBuiltinMachine(name);
        ASSERT_TRUE(machine.has_value()) << machine.error().toString();
        std::vector<std::string> ids;
        for (const auto& instrument : machine->instruments) {
            ids.push_back(instrument.id);
        }
        EXPECT_EQ(ids, promised[name.toStdString()]) << name.toStdString();
    }
    EXPECT_EQ(loadBuiltinMachine(QStringLiteral("polka")).error().code, core::ErrorCode::NotFound);
}

TEST(BuiltinMachines, SalsaHasTheProgramsLearnersAskFor)
{
    const Machine salsa = loadBuiltinMachine(QStringLiteral("salsa")).value();
    std::map<std::string, size_t> counts;
    size_t total = 0;
    for (const auto& instrument : salsa.instruments) {
        counts[instrument.id] = instrument.programs.size();
        total += instrument.programs.size();
    }
    EXPECT_GE(total, 60u);
    EXPECT_GE(counts["cowbell"], 4u);
    EXPECT_GE(counts["congas"], 8u);
    EXPECT_GE(counts["guiro"], 3u);
    EXPECT_GE(counts["piano"], 12u);
    EXPECT_GE(counts["bass"], 12u);
    // Montunos in major and minor, played with both hands and the tonic octave.
    const auto& piano = salsa.instruments[7];
    EXPECT_TRUE(piano.playBothHands);
    int major = 0;
    int minor = 0;
    bool tonic = false;
    bool rightHandOnly = false;
    for (const auto& program : piano.programs) {
        major += program.title.starts_with("Montuno I") ? 1 : 0;
        minor += program.title.starts_with("Montuno i") ? 1 : 0;
        for (const auto& note : program.notes) {
            tonic = tonic || note.pianoTonic;
            rightHandOnly = rightHandOnly || note.hand == core::beats::Hand::Right;
        }
    }
    EXPECT_GE(major, 6);
    EXPECT_GE(minor, 4);
    EXPECT_TRUE(tonic);
    EXPECT_TRUE(rightHandOnly);
}

// The section material of a whole tune (issue 30): enough programs to build one, each machine's
// own names for its parts, and salsa's cierres for either clave, each on its own side of it.
TEST(BuiltinMachines, EveryMachineHasTheSectionMaterialRealBandsUse)
{
    const std::map<std::string, std::pair<size_t, std::vector<std::string>>> wanted{
        {"salsa", {93, {"Cáscara 2-3", "Tumbao, one conga", "Montuno I-V", "Mambo bell", "Mambo horns I-V",
                        "Moña I-IV-V-IV", "Cierre 1", "Cierre 2", "Cierre 3", "Cierre 1 (3-2)", "Cierre 2 (3-2)",
                        "Cierre 3 (3-2)"}}},
        {"merengue", {15, {"Merengue derecho", "Jaleo I-V", "Merengue break"}}},
        {"bachata", {15, {"Bachata derecho", "Bachata majao", "Bachata mambo bell", "Güira, mambo", "Bachata break"}}},
        {"cha-cha-cha", {15, {"Cha-cha güiro", "Cha-cha montuno", "Cáscara for the verse", "Cha-cha-chá break"}}},
        {"son-montuno", {15, {"Tres guajeo", "Tres guajeo I-IV-V-IV", "Son tumbao", "Son break"}}},
        {"rumba-guaguanco", {15, {"Guaguancó palitos", "Quinto calls", "Quinto llamada", "Quinto floreo", "Rumba cierre"}}},
    };
    for (const QString& name : builtinMachineNames()) {
        SCOPED_TRACE(name.toStdString());
        const Machine machine = loadBuiltinMachine(name).value();
        const auto& [least, titles] = wanted.at(name.toStdString());
        size_t count = 0;
        std::set<std::string> have;
        for (const auto& instrument : machine.instruments) {
            count += instrument.programs.size();
            for (const auto& program : instrument.programs) {
                have.insert(program.title);
            }
        }
        EXPECT_GE(count, least);
        for (const std::string& title : titles) {
            EXPECT_TRUE(have.contains(title)) << title;
        }
    }

    const Machine salsa = loadBuiltinMachine(QStringLiteral("salsa")).value();
    int parts = 0;
    for (const auto& instrument : salsa.instruments) {
        const auto find = [&](const std::string& title) {
            return std::ranges::find(instrument.programs, title, &core::beats::Program::title);
        };
        if (find("Cierre 1") == instrument.programs.end()) {
            continue;
        }
        ++parts;
        for (const char* title : {"Cierre 2", "Cierre 3", "Cierre 1 (3-2)", "Cierre 2 (3-2)", "Cierre 3 (3-2)"}) {
            EXPECT_NE(find(title), instrument.programs.end()) << instrument.id << " " << title;
        }
    }
    EXPECT_EQ(parts, 8) << "clave, bell, congas, bongós, timbales, piano, bass and horns";
    // A break is its section's last bar: in 2-3 the clave's three side, in 3-2 its two side. The
    // first cierre of each is that side's own strokes.
    const auto& clave = salsa.instruments[0];
    const auto steps = [&](const std::string& title) {
        return programSteps(*std::ranges::find(clave.programs, title, &core::beats::Program::title));
    };
    EXPECT_EQ(steps("Cierre 1"), (std::set<int>{0, 3, 6})) << "son clave's 8, 11, 14";
    EXPECT_EQ(steps("Cierre 1 (3-2)"), (std::set<int>{2, 4})) << "son clave's 2 and 4";
}

TEST(BuiltinMachines, ClaveProgramsHitTheTraditionalStepsAndTurnAroundForThreeTwo)
{
    Machine salsa = loadBuiltinMachine(QStringLiteral("salsa")).value();
    const auto& clave = salsa.instruments[0];
    ASSERT_EQ(clave.id, "clave");
    EXPECT_EQ(programSteps(clave.programs[0]), (std::set<int>{2, 4, 8, 11, 14}));
    EXPECT_EQ(programSteps(clave.programs[1]), (std::set<int>{2, 4, 8, 11, 15}));
    EXPECT_TRUE(clave.respectsClave);

    salsa.clave32 = true;
    for (auto& instrument : salsa.instruments) {
        instrument.enabled = instrument.id == "clave";
    }
    const auto stream = core::beats::compileMachine(salsa);
    std::set<int> rotated;
    for (const auto& event : stream.instruments.at(0).events) {
        rotated.insert(event.step);
    }
    EXPECT_EQ(rotated, (std::set<int>{0, 3, 6, 10, 12})) << "each stroke moved by 8 steps";
}

TEST(BuiltinMachines, EveryProgramPlaysInEveryKeyWithNoMissingSampleAndNoLimiting)
{
    int checked = 0;
    for (const QString& name : builtinMachineNames()) {
        const Machine original = loadBuiltinMachine(name).value();
        for (size_t i = 0; i < original.instruments.size(); ++i) {
            for (size_t p = 0; p < original.instruments[i].programs.size(); ++p) {
                Machine machine = original;
                for (size_t j = 0; j < machine.instruments.size(); ++j) {
                    machine.instruments[j].enabled = j == i;
                }
                machine.instruments[i].activeProgram = static_cast<int>(p);
                const int keys = machine.instruments[i].keyed ? 12 : 1;
                for (int key = 0; key < keys; ++key) {
                    machine.keyNote = key;
                    const auto pattern = audio::Pattern::build(core::beats::compileMachine(machine), defaultKit());
                    EXPECT_TRUE(pattern->missingSamples().empty())
                        << name.toStdString() << " " << original.instruments[i].id << " program " << p << " key "
                        << key << " lacks " << pattern->missingSamples().front();
                    ++checked;
                }
                // One instrument alone never needs the limiter: its peak stays under the ceiling.
                const Level level = render(machine, 4.0);
                EXPECT_LT(level.peak, audio::Engine::kLimiterCeiling - 0.001f)
                    << name.toStdString() << " " << original.instruments[i].id << " program " << p;
            }
        }
    }
    EXPECT_GT(checked, 400);
}

TEST(BuiltinMachines, DefaultMixesNeverClipAndSitInALoudnessRange)
{
    // Stated range: −26 … −12 dBFS RMS for every machine's default mix at its default tempo.
    for (const QString& name : builtinMachineNames()) {
        Machine machine = loadBuiltinMachine(name).value();
        for (auto& instrument : machine.instruments) {
            if (instrument.id == "instructor") {
                instrument.enabled = true;  // the counting voice must fit in the mix too
            }
        }
        const Level level = render(machine, 20.0);
        EXPECT_LT(level.peak, 1.0f) << name.toStdString();
        EXPECT_GT(level.rmsDb, -26.0) << name.toStdString();
        EXPECT_LT(level.rmsDb, -12.0) << name.toStdString();
        RecordProperty(name.toStdString() + "_rms_db", std::to_string(level.rmsDb));
    }
}

TEST(BuiltinMachines, TheCommittedFilesAreWhatTheScriptWrites)
{
    // make_machines.py is the source; the XML must not be edited by hand.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    ASSERT_FALSE(python.isEmpty());
    test::TempDir dir;
    const QString copy = dir.file(QStringLiteral("make_machines.py"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/machines/make_machines.py"), copy));
    QProcess script;
    script.start(python, {copy});
    ASSERT_TRUE(script.waitForFinished(60'000));
    ASSERT_EQ(script.exitCode(), 0) << script.readAllStandardError().toStdString();
    for (const QString& name : builtinMachineNames()) {
        EXPECT_EQ(test::readAll(dir.file(name + QStringLiteral(".xml"))),
                  test::readAll(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/machines/") + name + QStringLiteral(".xml")))
            << name.toStdString() << ".xml differs from make_machines.py's output";
    }
    EXPECT_EQ(test::readAll(dir.file(QStringLiteral("README.md"))),
              test::readAll(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/machines/README.md")));
}

TEST(BuiltinMachines, EveryMachineHasAWholeTuneOf32To64BarsWithABreakAndNoMissingSampleInAnyKey)
{
    for (const QString& name : builtinMachineNames()) {
        SCOPED_TRACE(name.toStdString());
        Machine machine = loadBuiltinMachine(name).value();
        ASSERT_GE(machine.arrangements.size(), 1u);
        const auto& tune = machine.arrangements.front();
        const auto stream = core::beats::compileArrangement(machine, tune);
        const int bars = stream.song->songSteps / stream.song->barSteps;
        EXPECT_GE(bars, 32);
        EXPECT_LE(bars, 64);
        EXPECT_TRUE(std::ranges::any_of(tune.sections, [](const auto& s) { return !s.breakParts.empty(); }));
        // A tune moves through at least four sections, and not every one is the machine's loop.
        EXPECT_GE(tune.form.size(), 4u);
        EXPECT_TRUE(std::ranges::any_of(tune.sections, [](const auto& s) { return !s.parts.empty(); }));
        for (int key = 0; key < 12; ++key) {
            machine.keyNote = key;
            const auto pattern = audio::Pattern::build(core::beats::compileArrangement(machine, tune), defaultKit());
            EXPECT_TRUE(pattern->missingSamples().empty()) << "key " << key << " lacks " << pattern->missingSamples().front();
        }
    }
}
