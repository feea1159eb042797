#pragma once

#include "audio/engine/Kit.h"
#include "core/beats/NoteStream.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bandmate::audio {

/// One sound of a pattern: which kit sample, how loud (the note's velocity).
struct PatternEvent {
    int32_t sample = 0;  ///< index into Kit::samples(); -1: the kit lacks it (heard only through MIDI)
    float gain = 1.0f;
    uint8_t key = 0;     ///< its MIDI key: the pitch, or the General MIDI percussion key
};

/// One instrument's loop, resolved against a kit. `stepStart[s] .. stepStart[s + 1]` are the
/// events of loop step `s` (a CSR layout: one lookup per step, no search on the audio thread).
struct PatternChannel {
    int mixerChannel = 0;  ///< the instrument's position in the machine (mixer strip)
    int loopLength = 16;
    float volume = 1.0f;   ///< the instrument's own volume from the machine
    uint8_t midiChannel = 9;  ///< 0-based, as in the MIDI export (9: General MIDI percussion)
    bool keyed = false;       ///< pitched notes that hold for their step (else percussion hits)
    std::vector<uint32_t> stepStart;
    std::vector<PatternEvent> events;
};

/// What the engine plays: a compiled note stream bound to the kit it plays from. Immutable;
/// built off the audio thread and published to it by pointer swap. It keeps its kit alive, so a
/// kit change is a pattern change.
class Pattern {
public:
    /// Resolves every event's sample name in `kit` (bare instrument-id fallback). Names the kit
    /// lacks are silent (MIDI out still plays them) and listed once each in missingSamples().
    [[nodiscard]] static std::shared_ptr<const Pattern> build(const core::beats::NoteStream& stream,
                                                             std::shared_ptr<const Kit> kit);

    [[nodiscard]] core::beats::Flavor flavor() const { return m_flavor; }
    [[nodiscard]] double bpm() const { return m_bpm; }
    [[nodiscard]] float masterVolume() const { return m_masterVolume; }
    [[nodiscard]] const Kit& kit() const { return *m_kit; }
    [[nodiscard]] const std::vector<PatternChannel>& channels() const { return m_channels; }
    /// Sample names the stream asked for and the kit does not have, sorted, each once.
    [[nodiscard]] const std::vector<std::string>& missingSamples() const { return m_missing; }
    /// Steps after which every instrument's loop starts again together (their lengths' LCM,
    /// capped at 4096).
    [[nodiscard]] int cycleSteps() const { return m_cycleSteps; }

    // --- an arrangement (a song): one loop of totalSteps() shared by every channel ------------
    [[nodiscard]] bool isSong() const { return m_totalSteps > 0; }
    /// The whole loop: the tune and its live-break bars (0 when not a song).
    [[nodiscard]] int totalSteps() const { return m_totalSteps; }
    [[nodiscard]] int barSteps() const { return m_barSteps; }
    /// Arriving at `step` (0 ≤ step ≤ totalSteps()) the song goes on at the step this returns,
    /// or -1: it plays on.
    [[nodiscard]] int32_t jumpAt(int64_t step) const noexcept
    {
        return step >= 0 && step < static_cast<int64_t>(m_jumpTo.size()) ? m_jumpTo[static_cast<size_t>(step)] : -1;
    }
    /// The tempo at `step` relative to bpm() (its entry's tempo over the machine's); 1 when not
    /// a song.
    [[nodiscard]] double tempoFactorAt(int64_t step) const noexcept
    {
        return step >= 0 && step < static_cast<int64_t>(m_tempoFactor.size()) ? m_tempoFactor[static_cast<size_t>(step)] : 1.0;
    }
    /// The layout it was compiled with (names, entries), for views; not for the audio thread.
    [[nodiscard]] const std::optional<core::beats::SongLayout>& song() const { return m_song; }

private:
    core::beats::Flavor m_flavor = core::beats::Flavor::Salsa;
    double m_bpm = 120.0;
    float m_masterVolume = 1.0f;
    std::shared_ptr<const Kit> m_kit;
    std::vector<PatternChannel> m_channels;
    std::vector<std::string> m_missing;
    int m_cycleSteps = 1;
    int m_totalSteps = 0;
    int m_barSteps = 8;
    std::vector<int32_t> m_jumpTo;
    std::vector<double> m_tempoFactor;
    std::optional<core::beats::SongLayout> m_song;
};

}  // namespace bandmate::audio
