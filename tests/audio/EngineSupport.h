#pragma once

// Shared by the engine tests: the example machine, impulse kits and an independent model of
// where each note must land.

#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/Machine.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bandmate::test {

inline core::beats::Machine exampleMachine()
{
    auto machine = core::beats::readMachineFile(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"));
    EXPECT_TRUE(machine.has_value()) << (machine ? "" : machine.error().toString());
    return machine.value_or(core::beats::Machine{});
}

/// Every sample the machine can ask for is one frame of `amplitude`: each note is one nonzero
/// frame in the output, exactly where it starts.
inline std::shared_ptr<const audio::Kit> impulseKit(const core::beats::Machine& machine, float amplitude = 0.05f)
{
    std::vector<audio::Sample> samples;
    for (const auto& name : core::beats::allSampleNames(machine)) {
        samples.push_back({name, {amplitude}, {}});
    }
    return audio::Kit::fromSamples("impulses", std::move(samples), 48000.0);
}

/// A whole render in memory.
struct Rendered {
    std::vector<float> left;
    std::vector<float> right;
    audio::RenderStats stats;
};

inline Rendered renderInMemory(std::shared_ptr<const audio::Pattern> pattern, const audio::RenderSettings& settings)
{
    Rendered out;
    out.left.reserve(static_cast<size_t>(settings.frames));
    out.right.reserve(static_cast<size_t>(settings.frames));
    auto stats = audio::renderOffline(std::move(pattern), settings, [&](const float* l, const float* r, int frames) {
        out.left.insert(out.left.end(), l, l + frames);
        out.right.insert(out.right.end(), r, r + frames);
        return true;
    });
    EXPECT_TRUE(stats.has_value());
    out.stats = stats.value_or(audio::RenderStats{});
    return out;
}

/// Nonzero frames of a render (left channel; the impulse kit is mono) and their values.
inline std::map<int64_t, double> nonzeroFrames(const std::vector<float>& channel)
{
    std::map<int64_t, double> frames;
    for (size_t i = 0; i < channel.size(); ++i) {
        if (channel[i] != 0.0f) {
            frames.emplace(static_cast<int64_t>(i), channel[i]);
        }
    }
    return frames;
}

/// The test's own model of the timing, written without the engine's code: the frame of step k
/// for a constant tempo.
inline int64_t gridFrame(double step, double bpm, double sampleRate, int stepsPerBeat)
{
    return std::llround(step * sampleRate * 60.0 / (bpm * stepsPerBeat));
}

/// Expected amplitude per frame: every compiled event of every enabled instrument at
/// `frameOfStep(k)` for k in [0, steps), scaled by velocity, instrument and machine volume.
template <typename FrameOfStep>
std::map<int64_t, double> expectedImpulses(const core::beats::Machine& machine, int64_t steps,
                                           FrameOfStep frameOfStep, double amplitude = 0.05)
{
    const auto stream = core::beats::compileMachine(machine);
    std::map<int64_t, double> expected;
    for (int64_t k = 0; k < steps; ++k) {
        for (const auto& instrument : stream.instruments) {
            for (const auto& event : instrument.events) {
                if (event.step == k % instrument.loopLength) {
                    expected[frameOfStep(k)] += amplitude * event.gain * instrument.volume * machine.volume;
                }
            }
        }
    }
    return expected;
}

/// Compares frame sets and amplitudes; reports the first few differences only.
inline void expectSameImpulses(const std::map<int64_t, double>& expected, const std::map<int64_t, double>& actual)
{
    int reported = 0;
    for (const auto& [frame, value] : expected) {
        auto it = actual.find(frame);
        if (it == actual.end()) {
            if (reported++ < 5) {
                ADD_FAILURE() << "no onset at frame " << frame << " (expected " << value << ")";
            }
        } else if (std::abs(it->second - value) > 1e-5) {
            if (reported++ < 5) {
                ADD_FAILURE() << "frame " << frame << ": " << it->second << ", expected " << value;
            }
        }
    }
    for (const auto& [frame, value] : actual) {
        if (!expected.contains(frame) && reported++ < 5) {
            ADD_FAILURE() << "unexpected sound at frame " << frame << " (" << value << ")";
        }
    }
    EXPECT_EQ(expected.size(), actual.size());
}

}  // namespace bandmate::test
