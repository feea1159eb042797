#pragma once

#include <cstdint>

namespace bandmate::audio {

/// One MIDI message placed in a block: `size` bytes of `bytes`, at frame `offset` of the block.
struct MidiMessage {
    int offset = 0;
    uint8_t size = 0;
    uint8_t bytes[3] = {0, 0, 0};
};

}  // namespace bandmate::audio

namespace bandmate::audio::midi {

/// MIDI's system real-time and common messages the clock is made of.
constexpr uint8_t kClock = 0xF8;
constexpr uint8_t kStart = 0xFA;
constexpr uint8_t kContinue = 0xFB;
constexpr uint8_t kStop = 0xFC;
constexpr uint8_t kSongPosition = 0xF2;  ///< two data bytes: sixteenths, 14 bits, low 7 first
constexpr uint8_t kNoteOff = 0x80;       ///< | channel; key, velocity
constexpr uint8_t kNoteOn = 0x90;        ///< | channel; key, velocity

}  // namespace bandmate::audio::midi
