// MIDI export read back by the test's own Standard MIDI File parser.
#include "audio/render/MidiExport.h"
#include "core/beats/BuiltinMachines.h"
#include "tests/audio/EngineSupport.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestFiles.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

using namespace bandmate;

TEST(MidiExport, WritesATempoTrackAndOneTrackPerInstrumentWithGeneralMidiDrums)
{
    test::TempDir dir;
    auto machine = test::exampleMachine();
    machine.bpm = 96.0;
    machine.keyNote = 5;
    for (auto& instrument : machine.instruments) {
        instrument.enabled = true;
    }
    const auto stream = core::beats::compileMachine(machine);
    const std::string file = dir.file(QStringLiteral("beat.mid")).toStdString();
    const int steps = 64;
    auto stats = audio::exportMidiFile(machine, stream, {steps, machine.bpm, 0.0}, file);
    ASSERT_TRUE(stats.has_value()) << stats.error().toString();

    std::string error;
    const auto midi = test::readMidiFile(file, &error);
    ASSERT_EQ(midi.format, 1) << error;
    EXPECT_EQ(midi.ticksPerQuarter, 480);
    EXPECT_EQ(midi.tempo(), 625'000);  // 60e6 / 96
    ASSERT_EQ(midi.tracks.size(), stream.instruments.size() + 1);
    EXPECT_EQ(stats->tracks, static_cast<int>(midi.tracks.size()));

    int total = 0;
    for (size_t i = 0; i < stream.instruments.size(); ++i) {
        const auto& instrument = stream.instruments[i];
        const auto& track = midi.tracks[i + 1];
        EXPECT_EQ(track.name(), machine.instruments[static_cast<size_t>(instrument.instrumentIndex)].title);
        int expectedNotes = 0;
        for (int k = 0; k < steps; ++k) {
            for (const auto& event : instrument.events) {
                expectedNotes += event.step == k % instrument.loopLength ? 1 : 0;
            }
        }
        EXPECT_EQ(track.countNoteOns(), expectedNotes) << instrument.id;
        total += expectedNotes;
        std::set<int> channels;
        std::set<int> keys;
        for (const auto& event : track.events) {
            if ((event.status & 0xF0) == 0x90) {
                channels.insert(event.status & 0x0F);
                keys.insert(event.data1);
                EXPECT_EQ(event.tick % 240, 0) << "notes sit on the eighth-note grid";
            }
        }
        ASSERT_EQ(channels.size(), 1u) << instrument.id;
        if (instrument.keyed) {
            EXPECT_NE(*channels.begin(), 9) << instrument.id << " is pitched, not on the drum channel";
        } else {
            EXPECT_EQ(*channels.begin(), 9) << instrument.id << " belongs on channel 10";
        }
        if (instrument.id == "clave") {
            EXPECT_EQ(keys, (std::set<int>{75}));
        } else if (instrument.id == "cowbell") {
            EXPECT_EQ(keys, (std::set<int>{56}));
        } else if (instrument.id == "congas") {
            EXPECT_EQ(keys, (std::set<int>{62, 63}));  // heel, tip, slap closed; open tone
        } else if (instrument.id == "bass") {
            EXPECT_EQ(keys, (std::set<int>{36 + 5, 43 + 5})) << "bass tumbao in F";
        }
    }
    EXPECT_EQ(stats->notes, total);
}

TEST(MidiExport, PitchedInstrumentsHaveTheirGeneralMidiSoundAndAChannelEachOffTheDrumChannel)
{
    // The son montuno's tres is a guitar and its bass a bass; the salsa's piano a piano. Each
    // pitched instrument plays on a channel of its own, never the drums' channel 10.
    const std::map<std::string, int> programs{{"tres", 24}, {"bass", 32}, {"piano", 0}};
    int checked = 0;
    for (const char* name : {"son-montuno", "salsa"}) {
        test::TempDir dir;
        auto machine = core::beats::loadBuiltinMachine(QString::fromLatin1(name)).value();
        for (auto& instrument : machine.instruments) {
            instrument.enabled = true;
        }
        const auto stream = core::beats::compileMachine(machine);
        const std::string file = dir.file(QStringLiteral("beat.mid")).toStdString();
        ASSERT_TRUE(audio::exportMidiFile(machine, stream, {16, machine.bpm, 0.0}, file).has_value());
        std::string error;
        const auto midi = test::readMidiFile(file, &error);
        ASSERT_EQ(midi.tracks.size(), stream.instruments.size() + 1) << error;
        std::set<int> pitchedChannels;
        for (size_t i = 0; i < stream.instruments.size(); ++i) {
            const auto& instrument = stream.instruments[i];
            if (!instrument.keyed) {
                continue;
            }
            int program = -1;
            std::set<int> channels;
            for (const auto& event : midi.tracks[i + 1].events) {
                if ((event.status & 0xF0) == 0xC0) {
                    program = event.data1;
                }
                if ((event.status & 0xF0) == 0x90 || (event.status & 0xF0) == 0xC0) {
                    channels.insert(event.status & 0x0F);
                }
            }
            ASSERT_EQ(channels.size(), 1u) << name << " " << instrument.id;
            EXPECT_NE(*channels.begin(), 9) << name << " " << instrument.id << " is on the drum channel";
            EXPECT_TRUE(pitchedChannels.insert(*channels.begin()).second) << name << " " << instrument.id << " shares a channel";
            if (const auto expected = programs.find(instrument.id); expected != programs.end()) {
                EXPECT_EQ(program, expected->second) << name << " " << instrument.id;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 4) << "the tres and bass of the son montuno, the bass and piano of the salsa";
}

TEST(MidiExport, FifteenPitchedInstrumentsTakeFifteenChannelsAndNeverTheDrums)
{
    // More pitched instruments than channels below 10: the count goes past the drum channel.
    test::TempDir dir;
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa")).value();
    const auto piano = std::ranges::find_if(machine.instruments, [](const core::beats::Instrument& i) { return i.id == "piano"; });
    ASSERT_NE(piano, machine.instruments.end());
    const core::beats::Instrument model = *piano;
    for (auto& instrument : machine.instruments) {
        instrument.enabled = instrument.keyed;
    }
    for (int copy = 2; static_cast<int>(std::ranges::count_if(machine.instruments, [](const auto& i) { return i.keyed; })) < 15; ++copy) {
        core::beats::Instrument more = model;
        more.id = "piano" + std::to_string(copy);
        more.title = "Piano " + std::to_string(copy);
        machine.instruments.push_back(more);
    }
    const auto stream = core::beats::compileMachine(machine);
    const std::string file = dir.file(QStringLiteral("many.mid")).toStdString();
    ASSERT_TRUE(audio::exportMidiFile(machine, stream, {16, machine.bpm, 0.0}, file).has_value());
    std::string error;
    const auto midi = test::readMidiFile(file, &error);
    ASSERT_EQ(midi.tracks.size(), stream.instruments.size() + 1) << error;
    std::set<int> used;
    int pitched = 0;
    for (size_t i = 0; i < stream.instruments.size(); ++i) {
        if (!stream.instruments[i].keyed) {
            continue;
        }
        ++pitched;
        std::set<int> channels;  // notes on and off, program and controller changes: one channel
        for (const auto& event : midi.tracks[i + 1].events) {
            const int kind = event.status & 0xF0;
            if (kind == 0x80 || kind == 0x90 || kind == 0xB0 || kind == 0xC0) {
                channels.insert(event.status & 0x0F);
            }
        }
        ASSERT_EQ(channels.size(), 1u) << stream.instruments[i].id;
        EXPECT_NE(*channels.begin(), 9) << stream.instruments[i].id << " is on the drum channel";
        EXPECT_TRUE(used.insert(*channels.begin()).second) << stream.instruments[i].id << " shares channel " << *channels.begin() + 1;
    }
    EXPECT_EQ(pitched, 15);
}

TEST(MidiExport, GeneralMidiKeysForTheSalsaPercussion)
{
    EXPECT_EQ(audio::generalMidiPercussionKey("clave", 0), 75);
    EXPECT_EQ(audio::generalMidiPercussionKey("cowbell", 1), 56);
    EXPECT_EQ(audio::generalMidiPercussionKey("congas", 0), 62);
    EXPECT_EQ(audio::generalMidiPercussionKey("congas", 2), 62);
    EXPECT_EQ(audio::generalMidiPercussionKey("congas", 3), 63);
    EXPECT_EQ(audio::generalMidiPercussionKey("congas", 4), 64);
    EXPECT_EQ(audio::generalMidiPercussionKey("congas", 9), 64);
    EXPECT_EQ(audio::generalMidiPercussionKey("bongos", 0), 60);
    EXPECT_EQ(audio::generalMidiPercussionKey("bongos", 1), 61);
    EXPECT_EQ(audio::generalMidiPercussionKey("timbales", 0), 65);
    EXPECT_EQ(audio::generalMidiPercussionKey("timbales", 1), 66);
    EXPECT_EQ(audio::generalMidiPercussionKey("guiro", 0), 73);
    EXPECT_EQ(audio::generalMidiPercussionKey("guiro", 1), 74);
    EXPECT_EQ(audio::generalMidiPercussionKey("maracas", 0), 70);
    EXPECT_EQ(audio::generalMidiPercussionKey("didgeridoo", 0), 76);
}

TEST(MidiExport, AFailedExportLeavesTheOldFileAlone)
{
    test::TempDir dir;
    const auto machine = test::exampleMachine();
    const QString file = dir.file(QStringLiteral("keep.mid"));
    test::writeAll(file, "old bytes");
    auto zero = audio::exportMidiFile(machine, core::beats::compileMachine(machine), {0, 120.0, 0.0}, file.toStdString());
    EXPECT_FALSE(zero.has_value());
    EXPECT_EQ(test::readAll(file), "old bytes");
    auto noFolder = audio::exportMidiFile(machine, core::beats::compileMachine(machine), {16, 120.0, 0.0},
                                          dir.file(QStringLiteral("no/such/x.mid")).toStdString());
    ASSERT_FALSE(noFolder.has_value());
    EXPECT_EQ(noFolder.error().code, core::ErrorCode::NotFound);
}

TEST(MidiExport, WhatAnExportStoppedHalfWayLeftIsRemovedByTheNextOneOfThatName)
{
    test::TempDir dir;
    const auto machine = test::exampleMachine();
    const QString file = dir.file(QStringLiteral("tune.mid"));
    // An export killed yesterday left its hidden temporary file; one going on now has a fresh one.
    const QString stale = dir.file(QStringLiteral(".tune.mid.partial.mid"));
    const QString fresh = dir.file(QStringLiteral(".tune.mid.partial2.mid"));
    const QString other = dir.file(QStringLiteral(".other.mid.partial.mid"));
    for (const QString& path : {stale, fresh, other}) {
        test::writeAll(path, "half");
    }
    for (const QString& path : {stale, other}) {
        std::filesystem::last_write_time(path.toStdString(), std::filesystem::file_time_type::clock::now() - std::chrono::hours(24));
    }
    ASSERT_TRUE(audio::exportMidiFile(machine, core::beats::compileMachine(machine), {16, 120.0, 0.0}, file.toStdString()).has_value());
    EXPECT_FALSE(QFileInfo::exists(stale));
    EXPECT_TRUE(QFileInfo::exists(fresh)) << "a write going on now is left alone";
    EXPECT_TRUE(QFileInfo::exists(other)) << "another name's is not this export's to remove";
}

namespace {

struct NoteOn {
    int64_t tick = 0;
    int key = 0;
    int velocity = 0;
    friend bool operator==(const NoteOn&, const NoteOn&) = default;
};

std::ostream& operator<<(std::ostream& out, const NoteOn& note)
{
    return out << "{tick " << note.tick << " key " << note.key << " vel " << note.velocity << "}";
}

std::vector<NoteOn> noteOns(const test::MidiTrack& track)
{
    std::vector<NoteOn> out;
    for (const auto& event : track.events) {
        if ((event.status & 0xF0) == 0x90 && event.data2 > 0) {
            out.push_back({event.tick, event.data1, event.data2});
        }
    }
    return out;
}

}  // namespace

TEST(MidiExport, EveryNoteOnSitsWhereTheTestsOwnModelOfTheMachinePutsIt)
{
    // A machine small enough to model by hand: congas (heel, slap, open tone at three
    // velocities) looping every 4 steps, a bass in D looping every 8, swing 0.6, 96 BPM.
    using namespace bandmate::core::beats;
    Machine machine;
    machine.title = "Model";
    machine.keyNote = 2;
    machine.bpm = 96.0;
    Instrument congas;
    congas.id = "congas";
    congas.title = "Congas";
    congas.programs = {Program{"p", 4, {Note{0, 0, 1.0}, Note{1, 2, 0.5}, Note{3, 3, 0.25}}}};
    Instrument bass;
    bass.id = "bass";
    bass.title = "Bass";
    bass.keyed = true;
    bass.pitchOffset = 36;
    bass.programs = {Program{"p", 8, {Note{0, 0, 0.8}, Note{3, 7, 1.0 / 127.0 / 4.0}}}};
    machine.instruments = {congas, bass};
    const double swing = 0.6;
    const int steps = 16;

    // The model: a Salsa step is an eighth (240 ticks at 480 per quarter); swing delays every
    // odd step by a third of the swing's share of a step; velocity is the gain of 127 (at least
    // 1); GM congas: heel and slap 62, open tone 63; the bass sounds at 36 + key + pitch.
    const auto tickOf = [&](int step) { return static_cast<int64_t>(std::llround(step * 240.0 + (step % 2 ? swing * 240.0 / 3.0 : 0.0))); };
    std::vector<NoteOn> expectedCongas;
    std::vector<NoteOn> expectedBass;
    for (int step = 0; step < steps; ++step) {
        switch (step % 4) {
        case 0: expectedCongas.push_back({tickOf(step), 62, 127}); break;
        case 1: expectedCongas.push_back({tickOf(step), 62, 64}); break;
        case 3: expectedCongas.push_back({tickOf(step), 63, 32}); break;
        default: break;
        }
        if (step % 8 == 0) {
            expectedBass.push_back({tickOf(step), 36 + 2 + 0, 102});
        } else if (step % 8 == 3) {
            expectedBass.push_back({tickOf(step), 36 + 2 + 7, 1});
        }
    }

    test::TempDir dir;
    const std::string file = dir.file(QStringLiteral("model.mid")).toStdString();
    auto stats = audio::exportMidiFile(machine, compileMachine(machine), {steps, machine.bpm, swing}, file);
    ASSERT_TRUE(stats.has_value()) << stats.error().toString();
    std::string error;
    const auto midi = test::readMidiFile(file, &error);
    ASSERT_EQ(midi.tracks.size(), 3u) << error;
    EXPECT_EQ(midi.tempo(), 625'000);
    EXPECT_EQ(noteOns(midi.tracks[1]), expectedCongas);
    EXPECT_EQ(noteOns(midi.tracks[2]), expectedBass);
    EXPECT_EQ(stats->notes, static_cast<int>(expectedCongas.size() + expectedBass.size()));
}

TEST(MidiExport, AnArrangementHasAMarkerAndItsTempoAtEachSectionAndEachSectionsNotes)
{
    test::TempDir dir;
    auto machine = test::exampleMachine();
    using core::beats::Section;
    machine.arrangements.push_back(core::beats::Arrangement{
        "Tune",
        {Section{.name = "Intro", .bars = 2, .parts = {{"congas", core::beats::SectionPart::kOff}}},
         Section{.name = "Montuno", .bars = 4, .bpm = 96.0, .breakParts = {{"clave", 0}}},
         Section{.name = "Mambo", .bars = 2, .bpm = 150.0}},
        {0, 1, 2, 1}});
    const auto stream = core::beats::compileArrangement(machine, machine.arrangements.front());
    const std::string file = dir.file(QStringLiteral("tune.mid")).toStdString();
    // The whole tune at 60 BPM: half the machine's 120, and so every section's tempo halved.
    auto stats = audio::exportMidiFile(machine, stream, {stream.song->songSteps, 60.0, 0.0}, file);
    ASSERT_TRUE(stats.has_value()) << stats.error().toString();
    EXPECT_EQ(stats->markers, 4);
    std::string error;
    const auto midi = test::readMidiFile(file, &error);
    ASSERT_EQ(midi.format, 1) << error;
    // Markers (meta 6) and tempi (meta 0x51) on the conductor track, at each section's tick.
    std::vector<std::pair<int64_t, std::string>> markers;
    std::vector<std::pair<int64_t, int>> tempi;
    for (const auto& event : midi.tracks[0].events) {
        if (event.status == 0xFF && event.data1 == 0x06) {
            markers.emplace_back(event.tick, event.meta);
        }
        if (event.status == 0xFF && event.data1 == 0x51 && event.meta.size() == 3) {
            const auto byte = [&](size_t i) { return static_cast<int>(static_cast<uint8_t>(event.meta[i])); };
            tempi.emplace_back(event.tick, (byte(0) << 16) | (byte(1) << 8) | byte(2));
        }
    }
    // Salsa steps are eighths: a bar is 1,920 ticks.
    EXPECT_EQ(markers, (std::vector<std::pair<int64_t, std::string>>{
                           {0, "Intro"}, {2 * 1920, "Montuno"}, {6 * 1920, "Mambo"}, {8 * 1920, "Montuno"}}));
    EXPECT_EQ(tempi, (std::vector<std::pair<int64_t, int>>{
                         {0, 1'000'000}, {2 * 1920, 1'250'000}, {6 * 1920, 800'000}, {8 * 1920, 1'250'000}}));
    // Per section, the notes its programs play: counted from the test's own reading of the
    // machine, not from the compiled stream.
    const auto notesIn = [&](int64_t fromTick, int64_t toTick, const std::string& title) {
        for (size_t t = 1; t < midi.tracks.size(); ++t) {
            if (midi.tracks[t].name() != title) {
                continue;
            }
            int count = 0;
            for (const auto& event : midi.tracks[t].events) {
                count += (event.status & 0xF0) == 0x90 && event.tick >= fromTick && event.tick < toTick ? 1 : 0;
            }
            return count;
        }
        return 0;
    };
    const auto programNotes = [&](const std::string& id, int steps) {
        for (const auto& instrument : machine.instruments) {
            if (instrument.id == id) {
                const auto& program = instrument.programs[static_cast<size_t>(instrument.activeProgram)];
                int count = 0;
                for (int k = 0; k < steps; ++k) {
                    for (const auto& note : program.notes) {
                        count += note.index == k % program.length ? 1 : 0;
                    }
                }
                return count;
            }
        }
        return -1;
    };
    EXPECT_EQ(notesIn(0, 2 * 1920, "Congas"), 0) << "off in the intro";
    EXPECT_EQ(notesIn(2 * 1920, 6 * 1920, "Congas"), programNotes("congas", 24)) << "three bars of groove, then the break";
    EXPECT_EQ(notesIn(6 * 1920, 8 * 1920, "Congas"), programNotes("congas", 16));
    EXPECT_EQ(notesIn(5 * 1920, 6 * 1920, "Clave"), programNotes("clave", 8)) << "the break: the clave's first bar";
}
