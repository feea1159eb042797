#pragma once

#include "core/beats/NoteStream.h"

#include <string_view>
#include <vector>

namespace bandmate::audio {

/// General MIDI for what the machine plays: the same keys and channels in an exported MIDI file
/// and in live MIDI out.

/// The General MIDI percussion key (channel 10) for an instrument id and articulation:
/// claves 75, cowbell 56, congas 62 (heel, tip, slap) / 63 (open) / 64 (tumba), bongos 60/61, timbales 65/66, güiro 73/74, maracas 70;
/// others by their usual GM sound, a hi wood block (76) when nothing fits.
[[nodiscard]] int generalMidiPercussionKey(std::string_view instrumentId, int articulation);

/// The General MIDI program (0-based) a keyed instrument sounds best as: bass 32, guitar/tres 24,
/// trumpet 56, else the piano 0.
[[nodiscard]] int generalMidiProgram(std::string_view instrumentId);

/// The key an event plays: its pitch (keyed instruments) or its General MIDI percussion key.
[[nodiscard]] int generalMidiKey(const core::beats::CompiledInstrument& instrument, const core::beats::StepEvent& event);

/// Each instrument's MIDI channel (0-based) in the stream's order: percussion on channel 10 (9),
/// keyed instruments on channels of their own (1, 2, …, skipping 10, round again after 16).
[[nodiscard]] std::vector<int> generalMidiChannels(const core::beats::NoteStream& stream);

/// The MIDI percussion channel, 0-based (General MIDI's channel 10).
inline constexpr int kPercussionChannel = 9;

}  // namespace bandmate::audio
