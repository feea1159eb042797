#include "ui/beats/BeatSession.h"

#include "audio/device/BlockObserver.h"
#include "audio/device/LivePlayer.h"
#include "audio/engine/Engine.h"
#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/engine/SongJump.h"
#include "audio/tempo/LinkSession.h"
#if BANDMATE_JACK_TRANSPORT
#include "audio/midi/JackMidiClockIn.h"
#include "audio/midi/JackMidiNotesIn.h"
#include "audio/midi/JackMidiOut.h"
#include "audio/tempo/JackTransport.h"
#endif
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "core/beats/PracticeLog.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/util/SafeFiles.h"

#include <QThread>
#include <QUndoCommand>

#include <algorithm>
#include <cmath>

namespace bandmate::ui {

using core::beats::Hand;
using core::beats::Machine;
using core::beats::MachineLimits;

namespace {

constexpr int kMergeBpm = 1;
constexpr int kMergeMaster = 2;
constexpr int kMergeVolumeBase = 1000;
constexpr int kMergeVelocityBase = 100000;

std::unexpected<core::Error> failWith(const core::Error& error)
{
    return std::unexpected(error);
}

}  // namespace

/// One undoable change of the machine: the whole machine before and after (machines are small).
class MachineEditCommand : public QUndoCommand {
public:
    MachineEditCommand(BeatSession& session, Machine before, Machine after, const QString& text, int mergeId)
        : QUndoCommand(text), m_session(session), m_before(std::move(before)), m_after(std::move(after)), m_mergeId(mergeId)
    {
    }

    void redo() override { m_session.setMachineFromUndo(m_after); }
    void undo() override { m_session.setMachineFromUndo(m_before); }
    [[nodiscard]] int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* edit = dynamic_cast<const MachineEditCommand*>(other);
        if (edit == nullptr || edit->m_mergeId != m_mergeId || m_mergeId < 0) {
            return false;
        }
        m_after = edit->m_after;
        return true;
    }

private:
    BeatSession& m_session;
    Machine m_before;
    Machine m_after;
    int m_mergeId;
};

BeatSession::BeatSession(core::Database& db, QObject* parent)
    : QObject(parent),
      m_db(db),
      m_repository(std::make_unique<core::beats::MachineRepository>(db)),
      m_engine(std::make_unique<audio::Engine>()),
      m_deviceSettings(std::make_unique<audio::DeviceSettings>())
{
    m_engine->prepareNonRealTime(m_sampleRate);
    m_poll.setInterval(30);
    connect(&m_poll, &QTimer::timeout, this, &BeatSession::poll);
    m_notesPoll.setInterval(10);  // a press is taken within 10 ms: well before most bar lines
    connect(&m_notesPoll, &QTimer::timeout, this, &BeatSession::pollSectionNotes);
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        // A built-in machine edited and then undone back to where it was is the built-in again
        // (and a redo makes it the copy again).
        if (!m_builtinName.isEmpty() && m_userId.isEmpty() && (m_origin == MachineOrigin::Draft || m_origin == MachineOrigin::Builtin)) {
            m_origin = clean ? MachineOrigin::Builtin : MachineOrigin::Draft;
        }
        Q_EMIT originChanged();
    });
    if (auto opened = openBuiltin(core::beats::builtinMachineNames().first()); !opened) {
        Q_EMIT errorOccurred(QString::fromStdString(opened.error().toString()));
    }
}

BeatSession::~BeatSession()
{
    // A session going away announces nothing: its listeners (the page that owns it) may already
    // be half destroyed, and clearing the undo stack below would otherwise emit originChanged.
    blockSignals(true);
    if (m_player) {
        silenceMidiOut();
        m_player->stop();  // the device thread lets go of the engine (and the clocks) first
    }
    finishMidiOut(true);
    // Leaving is not stopping the others: a Link session and JACK's transport play on.
    m_jackTransportClock.reset();
    m_midiClockIn.reset();
    m_linkSession.reset();
    m_notesPoll.stop();
    m_notesIn.reset();
    if (m_playing || m_paused) {
        stop();  // records the practice, also when quitting while paused
    }
}

bool BeatSession::isModified() const
{
    return m_origin == MachineOrigin::Draft || !m_undo.isClean();
}

std::shared_ptr<const audio::Kit> BeatSession::kit()
{
    if (!m_kit) {
        const std::string folder = audio::Kit::defaultFolderNonRealTime();
        auto loaded = folder.empty() ? core::Result<std::shared_ptr<const audio::Kit>>(
                                           std::unexpected(core::Error{core::ErrorCode::NotFound, "no built-in kit", {}}))
                                     : audio::Kit::loadNonRealTime(folder, m_sampleRate, m_voice.toStdString());
        if (loaded) {
            m_kit = *loaded;
        } else {
            m_kit = audio::Kit::fromSamples("none", {}, m_sampleRate);
            Q_EMIT errorOccurred(tr("The built-in sample kit could not be loaded (%1); the beat plays silently.")
                                     .arg(QString::fromStdString(loaded.error().toString())));
        }
    }
    return m_kit;
}

std::shared_ptr<const audio::Pattern> BeatSession::pattern()
{
    if (m_patternStale) {
        m_patternStale = false;
        const bool song = m_playingArrangement >= 0 && m_playingArrangement < static_cast<int>(m_machine.arrangements.size());
        m_pattern = audio::Pattern::build(
            song ? core::beats::compileArrangement(m_machine, m_machine.arrangements[static_cast<size_t>(m_playingArrangement)],
                                                   {std::max(0, m_arrangementLoop.first), m_arrangementLoop.second})
                 : core::beats::compileMachine(m_machine),
            kit());
        m_engine->setPattern(m_pattern);
        // A missing sample is named "<instrument id>-<number>"; ids hold no "-". With no kit
        // at all, its own error has said that everything is silent.
        QList<int> silent;
        for (const std::string& name : m_kit->samples().empty() ? std::vector<std::string>{} : m_pattern->missingSamples()) {
            const std::string id = name.substr(0, name.find('-'));
            const auto found = std::ranges::find(m_machine.instruments, id, &core::beats::Instrument::id);
            const int index = static_cast<int>(found - m_machine.instruments.begin());
            if (found != m_machine.instruments.end() && !silent.contains(index)) {
                silent.append(index);
            }
        }
        std::ranges::sort(silent);
        if (silent != m_silent) {
            m_silent = silent;
            Q_EMIT silentInstrumentsChanged();
        }
    }
    return m_pattern;
}

void BeatSession::rebuildPattern()
{
    m_patternStale = true;
    // With the kit in memory (or the engine sounding) an edit reaches the engine at once; before
    // that the first pattern() builds it.
    if (m_kit || m_playing || m_paused) {
        (void)pattern();
    }
}

void BeatSession::replaceMachine(Machine machine, MachineOrigin origin, QString builtin, QString userId)
{
    // Practice so far belongs to the machine that was playing; the new one starts its own.
    const bool practising = m_playing || m_paused;
    if (practising) {
        recordPractice();
    }
    m_machine = std::move(machine);
    m_playingArrangement = -1;
    m_arrangementLoop = {-1, -1};
    m_origin = origin;
    m_builtinName = std::move(builtin);
    m_userId = std::move(userId);
    m_undo.clear();
    m_muted.assign(m_machine.instruments.size(), false);
    m_solo.assign(m_machine.instruments.size(), false);
    for (int channel = 0; channel < audio::Engine::kMaxChannels; ++channel) {
        m_engine->setChannelMute(channel, false);
        m_engine->setChannelSolo(channel, false);
    }
    rebuildPattern();
    if (practising) {
        startPracticeStretch();
        // Bars of another flavor have another length: the trainer counts afresh from here.
        restartTrainerCount();
    }
    // In a Link session with others, opening a machine does not change everyone's tempo.
    if (!(practising && m_trainer.enabled) && !(m_linkSession && m_linkSession->peers() > 0)) {
        applyTempo(m_machine.bpm);
    }
    Q_EMIT machineChanged();
    Q_EMIT originChanged();
}

core::Result<void> BeatSession::openBuiltin(const QString& name)
{
    auto machine = core::beats::loadBuiltinMachine(name);
    if (!machine) {
        return failWith(machine.error());
    }
    replaceMachine(std::move(*machine), MachineOrigin::Builtin, name, {});
    return {};
}

core::Result<void> BeatSession::openUser(const QString& id)
{
    auto machine = m_repository->load(id);
    if (!machine) {
        return failWith(machine.error());
    }
    replaceMachine(std::move(*machine), MachineOrigin::User, {}, id);
    return {};
}

core::Result<void> BeatSession::importFile(const QString& path)
{
    auto machine = core::beats::readMachineFile(path);
    if (!machine) {
        return failWith(machine.error());
    }
    replaceMachine(std::move(*machine), MachineOrigin::Draft, {}, {});
    return {};
}

core::Result<void> BeatSession::exportFile(const QString& path) const
{
    return core::writeFileAtomically(path, core::beats::writeMachineXml(m_machine));
}

core::Result<QString> BeatSession::save()
{
    auto saved = m_origin == MachineOrigin::User ? m_repository->save(m_machine, m_userId) : m_repository->save(m_machine);
    if (!saved) {
        return failWith(saved.error());
    }
    m_userId = *saved;
    // The arrangements and sections now have rows: the next save finds them by id, through
    // renames and moves (an edit, not a new row), as sync needs.
    if (auto stored = m_repository->load(m_userId); stored && stored->arrangements.size() == m_machine.arrangements.size()) {
        for (size_t a = 0; a < m_machine.arrangements.size(); ++a) {
            auto& mine = m_machine.arrangements[a];
            const auto& theirs = stored->arrangements[a];
            mine.id = theirs.id;
            if (mine.sections.size() == theirs.sections.size()) {
                for (size_t i = 0; i < mine.sections.size(); ++i) {
                    mine.sections[i].id = theirs.sections[i].id;
                }
            }
        }
    }
    m_builtinName.clear();
    m_origin = MachineOrigin::User;
    m_undo.setClean();
    Q_EMIT originChanged();
    return *saved;
}

core::Result<void> BeatSession::restoreVersion(const QString& versionId)
{
    auto version = m_repository->loadVersion(versionId);
    if (!version) {
        return failWith(version.error());
    }
    edit(tr("Restore version"), [&](Machine& machine) { machine = *version; });
    return {};
}

// ---- edits ----------------------------------------------------------------------------------

void BeatSession::edit(const QString& description, const std::function<void(Machine&)>& change, int mergeId)
{
    Machine next = m_machine;
    change(next);
    if (next == m_machine) {
        return;
    }
    if (auto valid = core::beats::validateMachine(next, "edit"); !valid) {
        Q_EMIT errorOccurred(QString::fromStdString(valid.error().message));
        return;
    }
    if (m_origin == MachineOrigin::Builtin) {
        m_origin = MachineOrigin::Draft;  // a built-in is never changed: the edit makes a copy
        Q_EMIT originChanged();
    }
    m_undo.push(new MachineEditCommand(*this, m_machine, std::move(next), description, mergeId));
}

void BeatSession::setMachineFromUndo(const Machine& machine)
{
    const bool tempoChanged = machine.bpm != m_machine.bpm;
    m_machine = machine;
    if (m_playingArrangement >= static_cast<int>(m_machine.arrangements.size())) {
        m_playingArrangement = -1;  // undone: the arrangement that played is gone
        m_arrangementLoop = {-1, -1};
    }
    m_muted.resize(m_machine.instruments.size(), false);
    m_solo.resize(m_machine.instruments.size(), false);
    rebuildPattern();
    if (tempoChanged && !(m_playing && m_trainer.enabled)) {
        applyTempo(m_machine.bpm);
    }
    Q_EMIT machineChanged();
}

namespace {

bool validInstrument(const Machine& machine, int instrument)
{
    return instrument >= 0 && instrument < static_cast<int>(machine.instruments.size());
}

bool validProgram(const Machine& machine, int instrument, int program)
{
    return validInstrument(machine, instrument) && program >= 0
           && program < static_cast<int>(machine.instruments[static_cast<size_t>(instrument)].programs.size());
}

/// Every section part and break part of instrument `id` that chose a program: `map(program)`.
void renumberParts(Machine& machine, const std::string& id, const std::function<int(int)>& map)
{
    for (auto& arrangement : machine.arrangements) {
        for (auto& section : arrangement.sections) {
            for (auto* parts : {&section.parts, &section.breakParts}) {
                for (auto& part : *parts) {
                    if (part.instrument == id && part.program >= 0) {
                        part.program = map(part.program);
                    }
                }
            }
        }
    }
}

core::beats::Instrument& at(Machine& machine, int instrument)
{
    return machine.instruments[static_cast<size_t>(instrument)];
}

core::beats::Program& at(Machine& machine, int instrument, int program)
{
    return at(machine, instrument).programs[static_cast<size_t>(program)];
}

}  // namespace

void BeatSession::setInstrumentEnabled(int instrument, bool enabled)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    edit(enabled ? tr("Turn on %1").arg(QString::fromStdString(m_machine.instruments[static_cast<size_t>(instrument)].title))
                 : tr("Turn off %1").arg(QString::fromStdString(m_machine.instruments[static_cast<size_t>(instrument)].title)),
         [&](Machine& m) { at(m, instrument).enabled = enabled; });
}

void BeatSession::setActiveProgram(int instrument, int program)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    edit(tr("Choose program"), [&](Machine& m) { at(m, instrument).activeProgram = program; });
}

void BeatSession::cycleProgram(int instrument)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    const auto& item = m_machine.instruments[static_cast<size_t>(instrument)];
    if (item.programs.empty()) {
        return;  // a machine whose programs have not all arrived from another computer yet
    }
    setActiveProgram(instrument, (item.activeProgram + 1) % static_cast<int>(item.programs.size()));
}

void BeatSession::setInstrumentVolume(int instrument, double volume)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    edit(tr("Change volume"), [&](Machine& m) { at(m, instrument).volume = std::clamp(volume, 0.0, 1.0); },
         kMergeVolumeBase + instrument);
}

void BeatSession::setBpm(double bpm)
{
    edit(tr("Change tempo"), [&](Machine& m) { m.bpm = std::round(std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm) * 10.0) / 10.0; },
         kMergeBpm);
}

void BeatSession::setKey(int key)
{
    edit(tr("Change key"), [&](Machine& m) { m.keyNote = ((key % 12) + 12) % 12; });
}

void BeatSession::setClave32(bool threeTwo)
{
    edit(threeTwo ? tr("Clave 3-2") : tr("Clave 2-3"), [&](Machine& m) { m.clave32 = threeTwo; });
}

void BeatSession::setMasterVolume(double volume)
{
    edit(tr("Change master volume"), [&](Machine& m) { m.volume = std::clamp(volume, 0.0, 1.0); }, kMergeMaster);
}

void BeatSession::toggleNote(int instrument, int program, int step, int pitch, Hand hand)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    edit(tr("Edit step"), [&](Machine& m) {
        auto& notes = at(m, instrument, program).notes;
        const auto same = [&](const core::beats::Note& n) { return n.index == step && n.pitch == pitch && n.hand == hand; };
        if (std::any_of(notes.begin(), notes.end(), same)) {
            std::erase_if(notes, same);
        } else {
            notes.push_back(core::beats::Note{step, pitch, 1.0, false, hand});
            std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
        }
    });
}

void BeatSession::setNoteVelocity(int instrument, int program, int step, int pitch, double velocity)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    edit(tr("Change velocity"),
         [&](Machine& m) {
             for (auto& note : at(m, instrument, program).notes) {
                 if (note.index == step && note.pitch == pitch) {
                     note.velocity = std::clamp(std::round(velocity * 20.0) / 20.0, 0.05, 1.0);
                 }
             }
         },
         kMergeVelocityBase + ((instrument * 512 + program) * 256 + step) * 4 + (pitch & 3));
}

void BeatSession::setProgramLength(int instrument, int program, int length)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    edit(tr("Change program length"), [&](Machine& m) {
        auto& target = at(m, instrument, program);
        target.length = std::clamp(length, 1, MachineLimits::kMaxSteps);
        std::erase_if(target.notes, [&](const auto& n) { return n.index >= target.length; });
    });
}

void BeatSession::addProgram(int instrument)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    edit(tr("Add program"), [&](Machine& m) {
        auto& item = at(m, instrument);
        core::beats::Program program;
        program.title = tr("New program %1").arg(item.programs.size() + 1).toStdString();
        program.length = item.programs.empty() ? core::beats::stepsPerBar(m.flavor) * 2
                                               : item.programs[static_cast<size_t>(item.activeProgram)].length;
        item.programs.push_back(program);
        item.activeProgram = static_cast<int>(item.programs.size()) - 1;
    });
}

void BeatSession::duplicateProgram(int instrument, int program)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    edit(tr("Duplicate program"), [&](Machine& m) {
        auto& item = at(m, instrument);
        core::beats::Program copy = item.programs[static_cast<size_t>(program)];
        copy.title += tr(" (copy)").toStdString();
        item.programs.insert(item.programs.begin() + program + 1, copy);
        item.activeProgram = program + 1;
        // Sections keep the programs they chose, now one further down the list.
        renumberParts(m, item.id, [program](int chosen) { return chosen > program ? chosen + 1 : chosen; });
    });
}

void BeatSession::renameProgram(int instrument, int program, const QString& title)
{
    if (!validProgram(m_machine, instrument, program) || title.trimmed().isEmpty()) {
        return;
    }
    edit(tr("Rename program"), [&](Machine& m) { at(m, instrument, program).title = title.trimmed().toStdString(); });
}

void BeatSession::removeProgram(int instrument, int program)
{
    if (!validProgram(m_machine, instrument, program)) {
        return;
    }
    if (m_machine.instruments[static_cast<size_t>(instrument)].programs.size() <= 1) {
        Q_EMIT errorOccurred(tr("An instrument keeps at least one program."));
        return;
    }
    edit(tr("Delete program"), [&](Machine& m) {
        auto& item = at(m, instrument);
        item.programs.erase(item.programs.begin() + program);
        if (item.activeProgram >= program && item.activeProgram > 0) {
            --item.activeProgram;
        }
        // Sections that chose it rest there now; those after it keep their program.
        renumberParts(m, item.id, [program](int chosen) {
            return chosen == program ? core::beats::SectionPart::kOff : chosen > program ? chosen - 1 : chosen;
        });
    });
}

namespace {

/// "Verso" → "Verso 2", "Verso 3", …: a name no section of `arrangement` has yet.
std::string freshSectionName(const core::beats::Arrangement& arrangement, const std::string& base)
{
    const auto taken = [&](const std::string& name) {
        return std::ranges::any_of(arrangement.sections, [&](const auto& section) { return section.name == name; });
    };
    if (!taken(base)) {
        return base;
    }
    for (int n = 2;; ++n) {
        const std::string name = base + " " + std::to_string(n);
        if (!taken(name)) {
            return name;
        }
    }
}

bool validEntry(const Machine& machine, int arrangement, int entry)
{
    return arrangement >= 0 && arrangement < static_cast<int>(machine.arrangements.size()) && entry >= 0
           && entry < static_cast<int>(machine.arrangements[static_cast<size_t>(arrangement)].form.size());
}

}  // namespace

int BeatSession::addArrangement(const QString& name)
{
    const int index = static_cast<int>(m_machine.arrangements.size());
    edit(tr("New arrangement"), [&](Machine& m) {
        std::string wanted = name.simplified().isEmpty() ? tr("Tune").toStdString() : name.simplified().toStdString();
        std::string unique = wanted;
        for (int n = 2; core::beats::findArrangement(m, unique) != nullptr; ++n) {
            unique = wanted + " " + std::to_string(n);
        }
        core::beats::Section first;
        first.name = tr("A").toStdString();
        first.bars = 8;
        core::beats::Arrangement made;
        made.name = unique;
        made.sections = {first};
        made.form = {0};
        m.arrangements.push_back(std::move(made));
    });
    return static_cast<int>(m_machine.arrangements.size()) > index ? index : -1;
}

void BeatSession::renameArrangement(int arrangement, const QString& name)
{
    const std::string wanted = name.simplified().toStdString();
    if (arrangement < 0 || arrangement >= static_cast<int>(m_machine.arrangements.size()) || wanted.empty()) {
        return;
    }
    if (const auto* other = core::beats::findArrangement(m_machine, wanted);
        other != nullptr && other != &m_machine.arrangements[static_cast<size_t>(arrangement)]) {
        Q_EMIT errorOccurred(tr("Another arrangement is called “%1”.").arg(QString::fromStdString(wanted)));
        return;
    }
    edit(tr("Rename arrangement"), [&](Machine& m) { m.arrangements[static_cast<size_t>(arrangement)].name = wanted; });
}

void BeatSession::removeArrangement(int arrangement)
{
    if (arrangement < 0 || arrangement >= static_cast<int>(m_machine.arrangements.size())) {
        return;
    }
    if (m_playingArrangement == arrangement) {
        m_playingArrangement = -1;
        m_arrangementLoop = {-1, -1};
    } else if (m_playingArrangement > arrangement) {
        --m_playingArrangement;
    }
    edit(tr("Delete arrangement"), [&](Machine& m) { m.arrangements.erase(m.arrangements.begin() + arrangement); });
}

void BeatSession::editSection(int arrangement, int section, const QString& description,
                              const std::function<void(core::beats::Section&)>& change, int mergeId)
{
    if (arrangement < 0 || arrangement >= static_cast<int>(m_machine.arrangements.size()) || section < 0
        || section >= static_cast<int>(m_machine.arrangements[static_cast<size_t>(arrangement)].sections.size())) {
        return;
    }
    edit(description, [&](Machine& m) { change(m.arrangements[static_cast<size_t>(arrangement)].sections[static_cast<size_t>(section)]); },
         mergeId);
}

int BeatSession::addSection(int arrangement, int entry)
{
    if (arrangement < 0 || arrangement >= static_cast<int>(m_machine.arrangements.size())) {
        return -1;
    }
    const auto& form = m_machine.arrangements[static_cast<size_t>(arrangement)].form;
    const int at = entry >= 0 && entry < static_cast<int>(form.size()) ? entry + 1 : static_cast<int>(form.size());
    edit(tr("Add section"), [&](Machine& m) {
        auto& arr = m.arrangements[static_cast<size_t>(arrangement)];
        core::beats::Section section;
        section.bars = 8;
        if (validEntry(m, arrangement, at - 1)) {
            section = arr.sections[static_cast<size_t>(arr.form[static_cast<size_t>(at - 1)])];
            section.breakParts.clear();
            section.id.clear();  // a section of its own
        }
        section.name = freshSectionName(arr, tr("Section").toStdString());
        arr.sections.push_back(section);
        arr.form.insert(arr.form.begin() + at, static_cast<int>(arr.sections.size()) - 1);
    });
    return at;
}

void BeatSession::repeatEntry(int arrangement, int entry)
{
    if (!validEntry(m_machine, arrangement, entry)) {
        return;
    }
    edit(tr("Repeat section"), [&](Machine& m) {
        auto& form = m.arrangements[static_cast<size_t>(arrangement)].form;
        form.insert(form.begin() + entry + 1, form[static_cast<size_t>(entry)]);
    });
}

void BeatSession::duplicateEntry(int arrangement, int entry)
{
    if (!validEntry(m_machine, arrangement, entry)) {
        return;
    }
    edit(tr("Duplicate section"), [&](Machine& m) {
        auto& arr = m.arrangements[static_cast<size_t>(arrangement)];
        core::beats::Section copy = arr.sections[static_cast<size_t>(arr.form[static_cast<size_t>(entry)])];
        copy.name = freshSectionName(arr, copy.name);
        copy.id.clear();  // a section of its own, stored in a row of its own
        arr.sections.push_back(copy);
        arr.form.insert(arr.form.begin() + entry + 1, static_cast<int>(arr.sections.size()) - 1);
    });
}

void BeatSession::removeEntry(int arrangement, int entry)
{
    if (!validEntry(m_machine, arrangement, entry)) {
        return;
    }
    edit(tr("Delete section"), [&](Machine& m) {
        auto& arr = m.arrangements[static_cast<size_t>(arrangement)];
        const int section = arr.form[static_cast<size_t>(entry)];
        arr.form.erase(arr.form.begin() + entry);
        if (std::ranges::find(arr.form, section) == arr.form.end()) {
            arr.sections.erase(arr.sections.begin() + section);
            for (int& index : arr.form) {
                index -= index > section ? 1 : 0;
            }
        }
    });
    const int count = static_cast<int>(m_machine.arrangements[static_cast<size_t>(arrangement)].form.size());
    if (m_playingArrangement == arrangement && m_arrangementLoop.second >= count) {
        setArrangementLoop(-1, -1);
    }
}

void BeatSession::moveEntry(int arrangement, int from, int to)
{
    if (!validEntry(m_machine, arrangement, from) || !validEntry(m_machine, arrangement, to) || from == to) {
        return;
    }
    edit(tr("Move section"), [&](Machine& m) {
        auto& form = m.arrangements[static_cast<size_t>(arrangement)].form;
        const int section = form[static_cast<size_t>(from)];
        form.erase(form.begin() + from);
        form.insert(form.begin() + to, section);
    });
}

void BeatSession::setPlayingArrangement(int index)
{
    if (index >= static_cast<int>(m_machine.arrangements.size())) {
        index = -1;
    }
    if (index == m_playingArrangement) {
        return;
    }
    m_playingArrangement = index;
    m_arrangementLoop = {-1, -1};
    rebuildPattern();
    if (index >= 0 && (m_playing || m_paused)) {
        m_engine->restartSongInBar();  // from its top, in phase with the bar playing now
    }
}

void BeatSession::setArrangementLoop(int first, int last)
{
    if (m_playingArrangement < 0) {
        return;
    }
    const int count = static_cast<int>(m_machine.arrangements[static_cast<size_t>(m_playingArrangement)].form.size());
    if (first < 0 || first >= count) {
        m_arrangementLoop = {-1, -1};
    } else {
        m_arrangementLoop = {first, std::clamp(last, first, count - 1)};
    }
    rebuildPattern();
    // Playing outside the new loop: into it at the next bar line.
    const int entry = playingEntry();
    if (m_arrangementLoop.first >= 0 && entry >= 0 && (entry < m_arrangementLoop.first || entry > m_arrangementLoop.second)) {
        queueEntry(m_arrangementLoop.first);
    }
}

const core::beats::SongLayout* BeatSession::songLayout()
{
    if (m_playingArrangement < 0) {
        return nullptr;
    }
    const auto built = pattern();
    return built && built->song() ? &*built->song() : nullptr;
}

double BeatSession::songStep() const
{
    return m_playingArrangement >= 0 ? m_engine->songStep() : 0.0;
}

int BeatSession::playingEntry() const
{
    if (m_playingArrangement < 0 || !m_pattern || !m_pattern->song() || !(m_playing || m_paused)) {
        return -1;
    }
    return m_pattern->song()->entryAt(static_cast<int>(m_engine->songStep()));
}

int BeatSession::queuedEntry() const
{
    const int target = m_engine->queuedJump();
    if (target < 0 || !m_pattern || !m_pattern->song()) {
        return -1;
    }
    return m_pattern->song()->entryAt(target);
}

bool BeatSession::breakQueued() const
{
    const int target = m_engine->queuedJump();
    return target >= 0 && m_pattern && m_pattern->song() && target >= m_pattern->song()->songSteps;
}

void BeatSession::queueEntry(int entry, bool clave)
{
    const auto* song = songLayout();
    if (song == nullptr || entry < 0 || entry >= static_cast<int>(song->entries.size())) {
        return;
    }
    m_engine->queueJump(song->entries[static_cast<size_t>(entry)].startStep, song->barSteps * (clave ? 2 : 1));
}

void BeatSession::queueNextSection(bool clave)
{
    if (const auto* song = songLayout(); song != nullptr && playingEntry() >= 0) {
        audio::queueSongJump(*m_engine, *song, audio::SongJump::Next, clave);
    }
}

void BeatSession::queuePreviousSection(bool clave)
{
    if (const auto* song = songLayout(); song != nullptr && playingEntry() >= 0) {
        audio::queueSongJump(*m_engine, *song, audio::SongJump::Previous, clave);
    }
}

void BeatSession::queueBreak()
{
    const auto* song = songLayout();
    if (song == nullptr || playingEntry() < 0) {
        return;
    }
    if (!audio::queueSongJump(*m_engine, *song, audio::SongJump::Break)) {
        Q_EMIT errorOccurred(tr("No section of this arrangement has a break to play."));
    }
}

void BeatSession::renameMachine(const QString& title)
{
    if (title.trimmed().isEmpty()) {
        return;
    }
    edit(tr("Rename machine"), [&](Machine& m) { m.title = title.trimmed().toStdString(); });
}

// ---- performance --------------------------------------------------------------------------

void BeatSession::setMuted(int instrument, bool muted)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    m_muted[static_cast<size_t>(instrument)] = muted;
    m_engine->setChannelMute(instrument, muted);
}

void BeatSession::setSolo(int instrument, bool solo)
{
    if (!validInstrument(m_machine, instrument)) {
        return;
    }
    m_solo[static_cast<size_t>(instrument)] = solo;
    m_engine->setChannelSolo(instrument, solo);
}

bool BeatSession::isMuted(int instrument) const
{
    return validInstrument(m_machine, instrument) && m_muted[static_cast<size_t>(instrument)];
}

bool BeatSession::isSolo(int instrument) const
{
    return validInstrument(m_machine, instrument) && m_solo[static_cast<size_t>(instrument)];
}

void BeatSession::setSwing(double amount)
{
    m_swing = std::clamp(amount, 0.0, 1.0);
    m_engine->setSwing(m_swing);
}

void BeatSession::setVoice(const QString& language)
{
    if (language == m_voice) {
        return;
    }
    m_voice = language;
    m_kit.reset();
    rebuildPattern();
}

void BeatSession::tapTempo()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_taps.empty() && now - m_taps.back() > 2000) {
        m_taps.clear();  // a pause starts a new count
    }
    m_taps.push_back(now);
    if (m_taps.size() > 5) {
        m_taps.erase(m_taps.begin());
    }
    if (m_taps.size() >= 2) {
        const double interval = static_cast<double>(m_taps.back() - m_taps.front()) / static_cast<double>(m_taps.size() - 1);
        if (interval > 0) {
            setBpm(60'000.0 / interval);
        }
    }
}

// ---- transport ------------------------------------------------------------------------------

void BeatSession::setDeviceSettings(const audio::DeviceSettings& settings)
{
    // Preferences applied unchanged (OK pressed while playing) change nothing: no new stretch of
    // practice, no restart from bar 1, the tempo trainer where it was.
    if (settings == *m_deviceSettings) {
        return;
    }
    *m_deviceSettings = settings;
    if (m_player) {
        const bool wasPlaying = m_playing;
        releaseDevice();  // reopened with the new settings on the next play
        if (wasPlaying) {
            play();
        }
    }
}

void BeatSession::releaseDevice()
{
    if (m_player) {
        // Letting go of the device (the timing coach takes it, other settings) stops here only:
        // JACK's transport, Ardour's with it, plays on.
        m_clockQuiet = true;
        stop();
        m_clockQuiet = false;
        silenceMidiOut();
        m_player->stop();
        m_player.reset();
        finishMidiOut(false);
        if (m_linkSession && (!m_linkSession->startStopSync() || m_linkSession->peers() == 0)) {
            // Ours alone (start and stop not shared, or nobody else in the session): no block
            // will take the stop up now, so it goes to the session from here. Shared with peers,
            // the session plays on for them.
            m_linkSession->setPlayingNonRealTime(false);
        }
    }
}

void BeatSession::lendDevice()
{
    releaseDevice();
    m_deviceLent = true;
}

void BeatSession::returnDevice()
{
    m_deviceLent = false;
    m_peerStartTried = false;  // a session or transport that plays is joined again, once
}

bool BeatSession::play()
{
    if (m_playing) {
        return true;
    }
    if (!m_player) {
        auto player = audio::LivePlayer::openNonRealTime(*m_deviceSettings);
        if (!player) {
            Q_EMIT errorOccurred(QString::fromStdString(player.error().message));
            return false;
        }
        m_player = std::move(*player);
        const double rate = m_player->info().sampleRate;
        if (rate != m_sampleRate) {
            m_sampleRate = rate;
            m_engine->prepareNonRealTime(rate);
            m_kit.reset();
            rebuildPattern();
            m_engine->setSwing(m_swing);
        }
        startDevice(clock());
    }
    (void)pattern();  // the first play decodes the kit when nothing has yet
    m_droppedAtPlay = m_droppedSeen = m_engine->droppedCommands();
    if (clock() != nullptr) {
        // Linked: in a session with others their tempo stands (joining is not changing it for
        // all); alone, the machine's (or the trainer's) is the session's. The transport starts on
        // the session's next bar line: there is no count-in, and a pause continues from a bar
        // line, in phase with the others. JACK: every JACK app's transport starts, and the groove
        // plays from where it is once it rolls. Either way the trainer counts from the first bar
        // heard.
        m_trainerRecount = true;
        if (!m_paused && m_linkSession && m_linkSession->peers() == 0) {
            applyTempo(m_trainer.enabled ? m_trainer.startBpm : m_machine.bpm);
        }
        requestClockPlaying(true);
        if (m_midiClockIn && !m_engine->isPlaying()) {
            // The sender has not started: armed, not playing (nor practising) until it does.
            m_midiClockArmed = true;
            m_poll.start();
            Q_EMIT midiClockStateChanged();
            return true;
        }
    } else if (m_paused) {
        m_engine->resume();
    } else {
        m_trainerStepsDone = 0;
        m_trainerBaseBar = 0;
        applyTempo(m_trainer.enabled ? m_trainer.startBpm : m_machine.bpm);
        // An arrangement looping a range starts at the range.
        const auto* song = m_arrangementLoop.first >= 0 ? songLayout() : nullptr;
        m_engine->play(m_countIn, song != nullptr ? song->entries[static_cast<size_t>(song->loopFirstEntry)].startStep : 0);
    }
    startPlaying();
    m_poll.start();
    Q_EMIT playingChanged(true);
    return true;
}

void BeatSession::pause()
{
    if (m_midiClockArmed && !m_playing) {
        disarmMidiClock();
        return;
    }
    if (!m_playing) {
        return;
    }
    m_engine->stop();
    requestClockPlaying(false);
    m_practicedMs += m_segment.elapsed();  // a pause is not practice
    m_segment.invalidate();
    m_playing = false;
    m_paused = true;
    if (clock() == nullptr) {
        m_poll.stop();
    }
    Q_EMIT playingChanged(false);
}

void BeatSession::stop()
{
    if (m_midiClockArmed && !m_playing && !m_paused) {
        disarmMidiClock();
        return;
    }
    if (!m_playing && !m_paused) {
        return;
    }
    m_engine->stop();
    requestClockPlaying(false);
    m_playing = false;
    m_paused = false;
    if (clock() == nullptr) {
        m_poll.stop();
    }
    m_audibleStep = -1.0;
    recordPractice();
    m_segment.invalidate();
    m_practicedMs = 0;
    // Back to the machine's own tempo (a trainer switched off while playing left its own); in a
    // Link session the session's tempo stays (a stop, or a peer's, is not a tempo change).
    if (clock() == nullptr && m_playingBpm != m_machine.bpm) {
        applyTempo(m_machine.bpm);
    }
    Q_EMIT playheadChanged(-1.0);
    Q_EMIT playingChanged(false);
}

bool BeatSession::togglePlay()
{
    if (m_playing || m_midiClockArmed) {
        pause();
        return true;
    }
    return play();
}

void BeatSession::setTrainer(const TempoTrainer& trainer)
{
    const bool changed = trainer.enabled != m_trainer.enabled || trainer.everyBars != m_trainer.everyBars;
    m_trainer = trainer;
    if (changed && (m_playing || m_paused)) {
        // Switched on or changed while playing (or paused): the steps count from the bar heard
        // now, not all at once for the bars already played.
        restartTrainerCount();
    }
}

void BeatSession::restartTrainerCount()
{
    const double step = m_audibleStep >= 0 ? m_audibleStep : 0.0;
    m_trainerBaseBar = static_cast<int>(step / core::beats::stepsPerBar(m_machine.flavor));
    m_trainerStepsDone = 0;
}

void BeatSession::applyTempo(double bpm)
{
    m_playingBpm = std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm);
    m_engine->setTempo(m_playingBpm);
    if (audio::ClockSource* outside = clock()) {
        // Link's through the audio thread while the device runs, straight into the session
        // otherwise; JACK's master's (or, following, the own count's).
        if (m_linkSession && !m_player) {
            m_linkSession->setTempoNonRealTime(m_playingBpm);
        } else {
            outside->requestTempo(m_playingBpm);
        }
        if (!m_midiClockIn) {  // a MIDI clock's sender has its own tempo: nothing is on its way
            m_tempoAsked = m_playingBpm;
            m_tempoAskedAt.start();
        }
    }
    if (!m_midiClockIn || m_midiClockRolled) {
        notePracticeTempo(m_playingBpm);
    }
    Q_EMIT playingBpmChanged(m_playingBpm);
}

void BeatSession::requestClockPlaying(bool playing)
{
    audio::ClockSource* outside = clock();
    if (outside == nullptr || m_clockQuiet) {
        return;
    }
    outside->requestPlaying(playing);
    if (m_jackTransportClock || m_midiClockIn) {
        m_clockRequestAt.start();  // on its way through JACK: not taken for another app's
    }
}

void BeatSession::startPlaying()
{
    const bool fresh = !m_paused;
    m_paused = false;
    m_playing = true;
    if (fresh) {
        startPracticeStretch();
    } else {
        m_segment.start();
        notePracticeTempo(m_playingBpm);  // an outside clock's tempo may have changed meanwhile
    }
}

void BeatSession::joinOutsideStart(bool outsidePlays)
{
    // Once for each start (a device that does not open says so once, not at every poll); not
    // while the device is lent.
    if (m_deviceLent) {
        return;
    }
    if (outsidePlays && !m_peerStartTried) {
        m_peerStartTried = true;
        play();
    } else if (!outsidePlays) {
        m_peerStartTried = false;
    }
}

void BeatSession::startDevice(audio::ClockSource* clock)
{
#if BANDMATE_JACK_TRANSPORT
    if (m_midiOut) {
        static_cast<audio::JackMidiOut*>(m_midiOut.get())->requestStop(false);
    }
#endif
    m_player->start(*m_engine, nullptr, clock, m_midiOut.get());
}

void BeatSession::silenceMidiOut()
{
#if BANDMATE_JACK_TRANSPORT
    if (!m_midiOut || !m_player) {
        return;
    }
    // A block takes the stop up (Stop, and a Note Off for every note held); its own JACK client
    // sends them once the device has stopped.
    auto* out = static_cast<audio::JackMidiOut*>(m_midiOut.get());
    out->requestStop();
    QElapsedTimer waited;
    waited.start();
    while (!out->stopSent() && !out->serverGone() && waited.elapsed() < 200) {
        QThread::msleep(2);
    }
#endif
}

void BeatSession::finishMidiOut(bool closing)
{
#if BANDMATE_JACK_TRANSPORT
    if (!m_midiOut) {
        return;
    }
    // The device's callback has let go of MIDI out: a stop no block took up (a loaded machine)
    // is worked out here, and before the client closes, what is queued goes out.
    auto* out = static_cast<audio::JackMidiOut*>(m_midiOut.get());
    out->stopAfterDevice();
    if (closing) {
        QElapsedTimer waited;
        waited.start();
        const int timeout = out->drainTimeoutMs();
        while (!out->drained() && waited.elapsed() < timeout) {
            QThread::msleep(2);
        }
    }
#else
    (void)closing;
#endif
}

bool BeatSession::setMidiOut(const MidiOutSettings& settings)
{
    if (settings == m_midiOutSettings && (m_midiOut != nullptr) == settings.any()) {
        return true;
    }
    if (m_midiOut) {
        silenceMidiOut();
        if (m_player) {
            m_player->start(*m_engine, nullptr, clock(), nullptr);  // the callback lets go of it first
        }
        finishMidiOut(true);
        m_midiOut.reset();
        m_midiOutSettings = {};
        m_engine->setMasterGain(1.0);
    }
    if (!settings.any()) {
        return true;
    }
#if BANDMATE_JACK_TRANSPORT
    if (QString::fromStdString(m_deviceSettings->driver).compare(QLatin1String("JACK"), Qt::CaseInsensitive) != 0) {
        Q_EMIT errorOccurred(tr("MIDI out goes through JACK: choose the JACK driver in Preferences › Audio."));
        return false;
    }
    audio::JackMidiOut::Options options;
    options.clock = !settings.clockTo.isEmpty();
    options.clockTo = settings.clockTo.toStdString();
    options.clockWhere = tr("MIDI clock out").toStdString();
    options.notes = !settings.notesTo.isEmpty();
    options.notesTo = settings.notesTo.toStdString();
    options.notesWhere = tr("MIDI notes out").toStdString();
    options.notesChannel = settings.notesChannel;
    auto opened = audio::JackMidiOut::open(options);
    if (!opened) {
        Q_EMIT errorOccurred(tr("MIDI out is off: %1").arg(QString::fromStdString(opened.error().toString())));
        return false;
    }
    m_midiOut = std::move(*opened);
    m_midiOutSettings = settings;
    m_engine->setMasterGain(settings.muteAudio && options.notes ? 0.0 : 1.0);
    if (m_player) {
        startDevice(clock());
    }
    return true;
#else
    Q_EMIT errorOccurred(tr("MIDI out is there on Linux only for now."));
    return false;
#endif
}

BeatSession::MidiOutCounts BeatSession::midiOutCounts() const
{
    MidiOutCounts counts;
#if BANDMATE_JACK_TRANSPORT
    if (const auto* out = static_cast<const audio::JackMidiOut*>(m_midiOut.get())) {
        counts = {out->notesSent(), out->clockTicksSent(), out->late(), out->lost()};
    }
#endif
    return counts;
}

audio::ClockSource* BeatSession::clock() const
{
    if (m_linkSession) {
        return m_linkSession.get();
    }
    if (m_midiClockIn) {
        return m_midiClockIn.get();
    }
    return m_jackTransportClock.get();
}

bool BeatSession::setMidiClockIn(const QString& from)
{
    if (from == m_midiClockFrom && (m_midiClockIn != nullptr) == !from.isEmpty()) {
        return true;
    }
    if (m_midiClockIn) {
        if (m_player) {
            startDevice(nullptr);  // on by itself again, from where the clock had it
        }
        m_midiClockIn.reset();
        m_midiClockFrom.clear();
        m_midiClockArmed = false;
        m_midiClockRolled = false;
        applyTempo(m_trainer.enabled && m_playing ? m_playingBpm : m_machine.bpm);  // its own tempo again
        if (m_playing) {
            m_engine->resume();
        } else if (clock() == nullptr) {
            m_poll.stop();
        }
        if (m_midiClockState != MidiClockState::Off) {
            m_midiClockState = MidiClockState::Off;
            Q_EMIT midiClockStateChanged();
        }
    }
    if (from.isEmpty()) {
        return true;
    }
#if BANDMATE_JACK_TRANSPORT
    if (m_linkSession || m_jackTransportClock) {
        Q_EMIT errorOccurred(m_linkSession ? tr("Ableton Link is on: turn it off to follow a MIDI clock (one clock at a time).")
                                           : tr("JACK transport is on: turn it off to follow a MIDI clock (one clock at a time)."));
        return false;
    }
    if (QString::fromStdString(m_deviceSettings->driver).compare(QLatin1String("JACK"), Qt::CaseInsensitive) != 0) {
        Q_EMIT errorOccurred(tr("A MIDI clock is followed through JACK: choose the JACK driver in Preferences › Audio."));
        return false;
    }
    auto opened = audio::JackMidiClockIn::open(from.toStdString(), tr("MIDI clock in").toStdString(), m_playingBpm);
    if (!opened) {
        Q_EMIT errorOccurred(tr("Following the MIDI clock is off: %1").arg(QString::fromStdString(opened.error().toString())));
        return false;
    }
    m_midiClockIn = std::move(*opened);
    m_midiClockFrom = from;
    m_midiClockLosses = 0;
    m_midiClockLost = false;
    m_midiClockRolled = false;
    m_midiPortsChecked.invalidate();
    const bool wasPlaying = m_playing;
    if (m_playing) {
        // Playing by itself until now: armed for the sender's start (the time waiting is no
        // practice).
        m_clockQuiet = true;
        pause();
        m_clockQuiet = false;
        m_midiClockArmed = true;
    }
    m_midiClockIn->requestPlaying(wasPlaying);  // paused or stopped here: standing still until Play
    if (m_player) {
        startDevice(m_midiClockIn.get());
    }
    m_midiClockState = MidiClockState::Waiting;
    Q_EMIT midiClockStateChanged();
    m_poll.start();
    return true;
#else
    Q_EMIT errorOccurred(tr("Following a MIDI clock is there on Linux only for now."));
    return false;
#endif
}

bool BeatSession::setSectionsFrom(const QString& from)
{
    if (from == m_sectionsFrom && (m_notesIn != nullptr) == !from.isEmpty()) {
        return true;
    }
    m_notesPoll.stop();
    m_notesIn.reset();
    m_sectionsFrom.clear();
    if (from.isEmpty()) {
        return true;
    }
#if BANDMATE_JACK_TRANSPORT
    // Opened without the pedal, then connected: a pedal whose app (a2j) or cable is not there
    // yet is connected once it is (each second, as when it comes back).
    auto opened = audio::JackMidiNotesIn::open({}, tr("Pedal for the sections").toStdString());
    if (!opened) {
        Q_EMIT errorOccurred(tr("The pedal's notes do not move the arrangement: %1").arg(QString::fromStdString(opened.error().toString())));
        return false;
    }
    m_notesIn = std::move(*opened);
    m_sectionsFrom = from;
    m_pedal = {};
    m_notesClock.start();
    m_notesPortsChecked.start();
    m_notesPoll.start();
    if (!m_notesIn->keepConnected(from.toStdString())) {
        Q_EMIT errorOccurred(tr("The pedal %1 is not there now: its notes move the arrangement once it is.").arg(from));
    }
    return true;
#else
    Q_EMIT errorOccurred(tr("A pedal's MIDI notes are heard on Linux only for now."));
    return false;
#endif
}

void BeatSession::pollSectionNotes()
{
#if BANDMATE_JACK_TRANSPORT
    if (!m_notesIn) {
        return;
    }
    if (m_notesIn->serverGone()) {
        setSectionsFrom({});
        Q_EMIT errorOccurred(tr("The JACK server went away: the pedal's notes no longer move the arrangement."));
        return;
    }
    if (m_notesPortsChecked.elapsed() >= 1000) {
        m_notesPortsChecked.start();
        (void)m_notesIn->keepConnected(m_sectionsFrom.toStdString());  // its app (or USB) came back
    }
    while (const auto note = m_notesIn->take()) {
        const auto asked = m_pedal.press(note->key, m_notesClock.elapsed());
        if (asked == audio::SongJump::Next) {
            queueNextSection();
        } else if (asked == audio::SongJump::Break) {
            queueBreak();
        } else if (asked == audio::SongJump::Previous) {
            queuePreviousSection();
        }
    }
#endif
}

void BeatSession::disarmMidiClock()
{
    m_midiClockArmed = false;
    requestClockPlaying(false);  // standing still until Play, or the sender's next start
    Q_EMIT midiClockStateChanged();
}

void BeatSession::pollMidiClock()
{
#if BANDMATE_JACK_TRANSPORT
    auto* in = static_cast<audio::JackMidiClockIn*>(m_midiClockIn.get());
    if (in->serverGone()) {
        setMidiClockIn({});
        stop();
        Q_EMIT errorOccurred(tr("The JACK server went away: following the MIDI clock is off."));
        return;
    }
    if (!m_midiPortsChecked.isValid() || m_midiPortsChecked.elapsed() >= 1000) {
        // The sender's app restarted (a DAW, a2j): connected again when its port is back.
        m_midiPortsChecked.start();
        (void)in->keepConnected(m_midiClockFrom.toStdString());
    }
    const auto showState = [this](MidiClockState state) {
        if (state != m_midiClockState) {
            m_midiClockState = state;
            Q_EMIT midiClockStateChanged();
        }
    };
    if (!m_player) {
        // The sender plays before this Bandmate opened its device: it joins in.
        showState(m_paused ? MidiClockState::Held : MidiClockState::Waiting);
        joinOutsideStart(in->senderPlaying());
        return;
    }
    if (m_clockRequestAt.isValid() && m_clockRequestAt.elapsed() < 500) {
        return;  // our own play or pause is on its way to the audio thread
    }
    const bool rolling = m_engine->isPlaying();
    if (rolling && in->tempo() > 0.0) {
        hearOutsideTempo(std::round(in->tempo() * 100.0) / 100.0);  // (before a start: its stretch's tempo)
    }
    if (rolling && !m_playing) {
        m_midiClockArmed = false;
        m_midiClockRolled = true;
        startedByClock();  // the sender's Start or Continue
    } else if (!rolling && m_playing && m_midiClockRolled) {
        // The sender stopped (or its clock was lost): paused here where it stands.
        m_clockQuiet = true;
        pause();
        m_clockQuiet = false;
    }
    m_midiClockRolled = rolling;
    if (in->losses() != m_midiClockLosses) {
        m_midiClockLosses = in->losses();
        m_midiClockLost = true;
        Q_EMIT errorOccurred(tr("The MIDI clock was lost: its ticks stopped coming while it played. The groove waits for "
                                "its Start or Continue."));
    }
    if (rolling) {
        m_midiClockLost = false;
    }
    showState(rolling                                  ? MidiClockState::Following
              : m_midiClockLost && !in->receiving()    ? MidiClockState::Lost
              : m_paused && !m_midiClockArmed          ? MidiClockState::Held
                                                       : MidiClockState::Waiting);
#endif
}

bool BeatSession::setJackTransport(JackTransportRole role)
{
    if (role == m_jackRole) {
        return true;
    }
    if (m_jackTransportClock) {
        if (m_player) {
            startDevice(nullptr);  // on by itself again, from where the transport had it
        }
        m_jackTransportClock.reset();
        m_jackRole = JackTransportRole::Off;
        if (m_playing) {
            m_engine->resume();
        } else {
            m_poll.stop();
        }
    }
    if (role == JackTransportRole::Off) {
        return true;
    }
#if BANDMATE_JACK_TRANSPORT
    if (m_linkSession) {
        Q_EMIT errorOccurred(tr("Ableton Link is on: turn it off to follow JACK's transport (one clock at a time)."));
        return false;
    }
    if (m_midiClockIn) {
        Q_EMIT errorOccurred(tr("A MIDI clock is followed: turn it off to use JACK's transport (one clock at a time)."));
        return false;
    }
    if (QString::fromStdString(m_deviceSettings->driver).compare(QLatin1String("JACK"), Qt::CaseInsensitive) != 0) {
        Q_EMIT errorOccurred(tr("JACK's transport is followed through the JACK driver: choose it in Preferences › Audio."));
        return false;
    }
    auto opened = audio::JackTransport::open(role == JackTransportRole::Master ? audio::JackTransport::Role::Master
                                                                               : audio::JackTransport::Role::Follow,
                                             m_playingBpm);
    if (!opened) {
        Q_EMIT errorOccurred(tr("JACK transport is off: %1").arg(QString::fromStdString(opened.error().message)));
        return false;
    }
    m_jackTransportClock = std::move(*opened);
    m_jackRole = role;
    if (m_player) {
        startDevice(m_jackTransportClock.get());
    }
    if (m_playing) {
        requestClockPlaying(true);
    }
    m_poll.start();
    return true;
#else
    Q_EMIT errorOccurred(tr("JACK transport is there on Linux only."));
    return false;
#endif
}

void BeatSession::startedByClock()
{
    // Another app started the shared transport: playing here too, as if Play had been pressed.
    m_trainerRecount = true;  // the trainer counts from the first bar heard
    startPlaying();
    Q_EMIT playingChanged(true);
}

void BeatSession::pollJackTransport()
{
#if BANDMATE_JACK_TRANSPORT
    auto* transport = static_cast<audio::JackTransport*>(m_jackTransportClock.get());
    if (transport->serverGone()) {
        setJackTransport(JackTransportRole::Off);
        stop();
        Q_EMIT errorOccurred(tr("The JACK server went away: JACK transport is off."));
        return;
    }
#endif
    if (!m_player) {
        // Another app rolled the transport before this Bandmate opened its device: it joins in.
#if BANDMATE_JACK_TRANSPORT
        joinOutsideStart(transport->rollingNow());
#endif
        return;
    }
    if (m_clockRequestAt.isValid() && m_clockRequestAt.elapsed() < 500) {
        return;  // our own start or stop is still on its way through JACK
    }
#if BANDMATE_JACK_TRANSPORT
    if (transport->starting()) {
        return;  // about to roll (a relocation, slow-sync apps getting ready): not a stop
    }
#endif
    const bool rolling = m_engine->isPlaying();
    if (rolling && !m_playing) {
        startedByClock();
    } else if (!rolling && m_playing) {
        // Another app stopped JACK's transport: paused here where it stands (Play goes on from
        // there), without asking JACK to stop what is stopped.
        m_clockQuiet = true;
        pause();
        m_clockQuiet = false;
    }
    // A timebase master's tempo (another app's).
    if (rolling) {
        hearOutsideTempo(m_engine->tempo());
    }
}

void BeatSession::hearOutsideTempo(double tempo)
{
    // A tempo asked for here is on its way until the clock has it (the audio thread takes it up,
    // then Link's own thread or JACK's next cycle publishes it): until then the old one is not
    // shown again.
    const bool arriving = m_tempoAsked > 0.0 && std::abs(tempo - m_tempoAsked) > 0.005 && m_tempoAskedAt.isValid()
                          && m_tempoAskedAt.elapsed() < 1000;
    if (!arriving) {
        m_tempoAsked = 0.0;
    }
    if (arriving || std::abs(tempo - m_playingBpm) <= 0.005) {
        return;
    }
    // A clock beyond the machine's range plays at its own tempo all the same (the beat is the
    // clock's), but practice is logged within it.
    m_playingBpm = tempo;
    if (m_playing) {
        notePracticeTempo(tempo);  // (heard while paused: noted when it plays again)
    }
    Q_EMIT playingBpmChanged(tempo);
}

void BeatSession::notePracticeTempo(double bpm)
{
    const double logged = std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm);
    m_practiceBpmMin = m_practiceBpmMin == 0.0 ? logged : std::min(m_practiceBpmMin, logged);
    m_practiceBpmMax = std::max(m_practiceBpmMax, logged);
}

void BeatSession::setLink(const LinkSettings& settings)
{
    if (settings == m_linkSettings) {
        return;
    }
    if (settings.enabled && m_jackTransportClock) {
        setJackTransport(JackTransportRole::Off);  // one clock at a time: the newer choice wins
    }
    if (settings.enabled && m_midiClockIn) {
        setMidiClockIn({});
    }
    m_linkSettings = settings;
    if (m_linkSession) {
        m_linkSession->setQuantum(settings.claveCycle ? 8.0 : 4.0);
        m_linkSession->setStartStopSync(settings.startStop);
    }
    if (settings.enabled && !m_linkSession) {
        // Quantum and start/stop sync before the audio thread sees it: its first start already
        // lines up the right boundary.
        m_linkSession = std::make_unique<audio::LinkSession>(m_playingBpm, settings.claveCycle ? 8.0 : 4.0);
        m_linkSession->setStartStopSync(settings.startStop);
        if (m_player) {
            startDevice(m_linkSession.get());  // a block's gap, then in time
        }
        if (m_playing) {
            requestClockPlaying(true);
        }
        m_poll.start();
    } else if (!settings.enabled && m_linkSession) {
        if (m_player) {
            // The engine goes on by itself from where the session had it.
            startDevice(nullptr);
            if (m_playing) {
                m_engine->resume();
            }
        }
        m_linkSession.reset();
        m_peerStartTried = false;
        if (!m_playing) {
            m_poll.stop();
        }
        if (m_linkPeers != 0) {
            m_linkPeers = 0;
            Q_EMIT linkPeersChanged(0);
        }
        // The machine's own tempo again (or the trainer's, while it runs).
        applyTempo(m_playing && m_trainer.enabled ? m_playingBpm : m_machine.bpm);
    }
}

void BeatSession::pollLink()
{
    if (const int peers = static_cast<int>(m_linkSession->peers()); peers != m_linkPeers) {
        m_linkPeers = peers;
        Q_EMIT linkPeersChanged(peers);
    }
    // Another peer's tempo (or a tempo set here, once the session has it).
    if (!m_linkSession->tempoPending()) {
        hearOutsideTempo(m_linkSession->sessionTempo());
    }
    if (!m_player) {
        // A peer started the session before this Bandmate ever played: with start and stop
        // shared, it opens the device and joins in.
        joinOutsideStart(m_linkSettings.startStop && m_linkSession->sessionPlaying());
        return;
    }
    // A peer's start or stop (start/stop sync): what the audio thread did once it has taken up
    // every request made here.
    const auto last = m_linkSession->requestPending() ? std::nullopt : m_linkSession->lastBlock();
    if (last) {
        const bool rolling = last->playing;
        if (rolling && !m_playing) {
            startedByClock();
        } else if (!rolling && m_playing) {
            stop();
        }
    }
}

void BeatSession::poll()
{
    m_engine->releaseRetiredNonRealTime();
    if (m_linkSession) {
        pollLink();
    } else if (m_midiClockIn) {
        pollMidiClock();
    } else if (m_jackTransportClock) {
        pollJackTransport();
    }
#if BANDMATE_JACK_TRANSPORT
    if (m_midiOut && static_cast<audio::JackMidiOut*>(m_midiOut.get())->serverGone()) {
        setMidiOut({});
        Q_EMIT errorOccurred(tr("The JACK server went away: MIDI out is off."));
    }
#endif
    if (!m_playing) {
        return;
    }
    // A change the engine never got (its queue was full) is said, not silently missing.
    if (const uint32_t dropped = m_engine->droppedCommands(); dropped != m_droppedSeen) {
        const bool first = m_droppedSeen == m_droppedAtPlay;  // said once a play, not every poll
        m_droppedSeen = dropped;
        if (first) {
            Q_EMIT errorOccurred(tr("The audio engine missed some changes (tempo, play or stop): press Stop, then Play, to start afresh."));
        }
    }
    double step = m_engine->playheadStep();
    if (m_player) {
        const double framesPerStep = m_sampleRate * 60.0 / (m_playingBpm * core::beats::stepsPerBeat(m_machine.flavor));
        step -= m_player->info().outputLatencyFrames / framesPerStep;
    }
    m_audibleStep = step;
    Q_EMIT playheadChanged(step);
    if (m_trainerRecount && step >= 0) {
        // A linked start: the session's beat there may be anything (a peer's bar 57).
        m_trainerRecount = false;
        restartTrainerCount();
    }

    if (m_trainer.enabled && m_trainer.everyBars > 0 && step >= 0 && !m_midiClockIn) {  // (a MIDI clock's sender sets the tempo)
        // Bars since the trainer last started counting (play, switched on, changed, another
        // flavor): one step at each `everyBars` of them.
        const int bars = static_cast<int>(step / core::beats::stepsPerBar(m_machine.flavor)) - m_trainerBaseBar;
        const int due = std::max(0, bars) / m_trainer.everyBars;
        while (m_trainerStepsDone < due && m_playingBpm != m_trainer.targetBpm) {
            ++m_trainerStepsDone;
            const double direction = m_trainer.targetBpm > m_playingBpm ? 1.0 : -1.0;
            const double next = m_playingBpm + direction * std::abs(m_trainer.stepBpm);
            applyTempo(direction > 0 ? std::min(next, m_trainer.targetBpm) : std::max(next, m_trainer.targetBpm));
        }
    }
}

void BeatSession::startPracticeStretch()
{
    m_playStarted = QDateTime::currentDateTime();
    m_practicedMs = 0;
    m_practiceBpmMin = m_practiceBpmMax = 0.0;
    if (m_playing) {
        m_practiceBpmMin = m_practiceBpmMax = m_playingBpm;
        m_segment.start();
    } else {
        m_segment.invalidate();
    }
}

void BeatSession::recordPractice()
{
    const double seconds = static_cast<double>(m_practicedMs + (m_segment.isValid() ? m_segment.elapsed() : 0)) / 1000.0;
    if (seconds < m_minPracticeSeconds) {
        return;  // a quick listen is not practice
    }
    core::beats::PracticeSession session;
    session.machineTitle = QString::fromStdString(m_machine.title);
    session.machineRef = m_origin == MachineOrigin::User ? QStringLiteral("user:") + m_userId
                                                        : QStringLiteral("builtin:") + m_builtinName;
    session.startedAt = m_playStarted;
    session.seconds = seconds;
    session.bpmMin = m_practiceBpmMin;
    session.bpmMax = m_practiceBpmMax;
    auto recorded = core::beats::PracticeLog(m_db).record(session);
    if (!recorded) {
        Q_EMIT errorOccurred(tr("Could not record the practice session: %1")
                                 .arg(QString::fromStdString(recorded.error().message)));
        return;
    }
    // Roadmap tasks that count practice (minutes, sessions) follow by themselves.
    const core::roadmap::AppEvent event{core::roadmap::AppEvent::Kind::Practice, m_playStarted, seconds / 60.0, *recorded};
    if (auto counted = core::roadmap::ProgressRepository(m_db).recordEvent(event); !counted) {
        Q_EMIT errorOccurred(tr("Could not count the practice for your roadmap: %1")
                                 .arg(QString::fromStdString(counted.error().message)));
    }
    Q_EMIT practiceRecorded(seconds);
}

}  // namespace bandmate::ui
