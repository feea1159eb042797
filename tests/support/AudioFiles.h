#pragma once

// Test-side readers and writers for WAV and Standard MIDI Files, written from the format specs
// and independent of JUCE, so what the engine writes is checked by code that did not write it.

#include <cstdint>
#include <string>
#include <vector>

namespace bandmate::test {

struct WavData {
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    std::vector<std::vector<float>> samples;  ///< per channel, −1…1

    [[nodiscard]] size_t frames() const { return samples.empty() ? 0 : samples.front().size(); }
};

/// Reads a PCM WAV (16/24/32-bit integer or 32-bit float). On failure: empty channels, `error` set.
WavData readWav(const std::string& path, std::string* error);

/// Writes a mono or stereo 16-bit PCM WAV.
bool writeWav16(const std::string& path, int sampleRate, const std::vector<std::vector<float>>& channels);

/// A take of clave strokes (a 2.5 kHz wood block rising in 1 ms) at `hitsMs`, over seeded noise
/// at −50 dBFS, `seconds` long: what the timing coach's tests record.
std::vector<float> claveStrokes(const std::vector<double>& hitsMs, double seconds, int sampleRate);

struct MidiEvent {
    int64_t tick = 0;    ///< absolute
    uint8_t status = 0;  ///< 0xFF for meta events
    uint8_t data1 = 0;   ///< key / controller / meta type
    uint8_t data2 = 0;   ///< velocity / value
    std::string meta;    ///< meta event bytes
};

struct MidiTrack {
    std::vector<MidiEvent> events;
    [[nodiscard]] int countNoteOns() const;
    [[nodiscard]] std::string name() const;  ///< the first track-name meta event
};

struct MidiFileData {
    int format = -1;
    int ticksPerQuarter = 0;
    std::vector<MidiTrack> tracks;
    /// Microseconds per quarter note from the first tempo event, 0 if none.
    [[nodiscard]] int tempo() const;
};

/// Parses a Standard MIDI File (running status, meta and sysex events). On failure: format −1.
MidiFileData readMidiFile(const std::string& path, std::string* error);

/// Frames where the absolute value of any channel exceeds `threshold`.
std::vector<int64_t> onsetFrames(const WavData& wav, float threshold);

}  // namespace bandmate::test
