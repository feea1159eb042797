// Latency calibration's click finder and the capture ring, without a device: the clicks played
// back through a "room" made here (a delay, a speaker's colour, a polarity, noise), and the ring
// between a writer thread in the callback's place and a reader in the worker's.
#include "audio/coach/Calibration.h"
#include "audio/device/CaptureRing.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

using namespace bandmate;

namespace {

constexpr double kRate = 48000.0;

/// The clicks as a microphone would hear them: `delay` frames late, through a two-pole low-pass
/// (a small speaker has no top octave), times `gain`, plus white noise at `noise` (peak).
std::vector<float> heardThroughRoom(int64_t delay, double gain, double noise, unsigned seed = 7)
{
    std::vector<int64_t> clicks;
    const std::vector<float> played = audio::calibrationClicks(kRate, clicks);
    std::vector<float> heard(played.size(), 0.0f);
    double low1 = 0.0;
    double low2 = 0.0;
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> hiss(-1.0f, 1.0f);
    for (size_t n = 0; n < heard.size(); ++n) {
        const double source = static_cast<int64_t>(n) >= delay ? played[n - static_cast<size_t>(delay)] : 0.0;
        low1 += 0.5 * (source - low1);
        low2 += 0.5 * (low1 - low2);
        heard[n] = static_cast<float>(gain * low2) + static_cast<float>(noise) * hiss(random);
    }
    return heard;
}

}  // namespace

TEST(Calibration, FindsTheRoundTripThroughAColouredNoisyRoom)
{
    for (const int64_t delay : {64, 777, 4800, 19000}) {
        auto trip = audio::findRoundTrip(heardThroughRoom(delay, 0.3, 0.01), kRate);
        ASSERT_TRUE(trip.has_value()) << trip.error().toString();
        // The low-pass delays the sound by about a sample and a half of its own.
        EXPECT_NEAR(static_cast<double>(trip->frames), static_cast<double>(delay) + 1.5, 2.0) << delay;
        EXPECT_EQ(trip->clicksHeard, 8);
        EXPECT_EQ(trip->clicksPlayed, 8);
        EXPECT_LT(trip->spreadMs, 0.1);
        EXPECT_NEAR(trip->ms(), static_cast<double>(delay) * 1000.0 / kRate, 0.1);
    }
}

TEST(Calibration, AMicrophoneThatInvertsIsMeasuredTheSame)
{
    auto trip = audio::findRoundTrip(heardThroughRoom(2400, -0.2, 0.005), kRate);
    ASSERT_TRUE(trip.has_value()) << trip.error().toString();
    EXPECT_NEAR(static_cast<double>(trip->frames), 2401.5, 2.0);
}

TEST(Calibration, SilenceOrNoiseOnlyIsAClearErrorNotANumber)
{
    const std::vector<float> silence = heardThroughRoom(100, 0.0, 0.0);
    auto none = audio::findRoundTrip(silence, kRate);
    ASSERT_FALSE(none.has_value());
    EXPECT_NE(none.error().message.find("no click came back"), std::string::npos) << none.error().toString();

    // Clicks far below the noise: whatever peak the noise has, it is not the same for most clicks.
    auto noisy = audio::findRoundTrip(heardThroughRoom(3000, 0.0005, 0.3), kRate);
    ASSERT_FALSE(noisy.has_value());
    EXPECT_NE(noisy.error().message.find("clicks came back clearly"), std::string::npos) << noisy.error().toString();

    std::vector<float> cut = heardThroughRoom(100, 0.3, 0.0);
    cut.resize(cut.size() / 2);
    auto early = audio::findRoundTrip(cut, kRate);
    ASSERT_FALSE(early.has_value());
    EXPECT_NE(early.error().message.find("stopped before"), std::string::npos);
}

// A round trip longer than the clicks' spacing (Bluetooth speakers and a big buffer): each click
// comes back where the next is looked for. With evenly spaced clicks all but the first agreed on
// a confident, wrong 100 ms; the uneven spacing makes them disagree, and that is an error.
TEST(Calibration, ARoundTripLongerThanItCanMeasureIsAnErrorNotAWrongNumber)
{
    auto trip = audio::findRoundTrip(heardThroughRoom(static_cast<int64_t>(0.6 * kRate), 0.3, 0.001), kRate);
    ASSERT_FALSE(trip.has_value()) << "measured " << trip->ms() << " ms";
    EXPECT_EQ(trip.error().code, core::ErrorCode::InvalidInput);
    EXPECT_TRUE(trip.error().where == "calibration:unclear" || trip.error().where == "calibration:quiet") << trip.error().where;
}

// A metronome ticking at 120 BPM in the room, as loud as the clicks: still the right delay.
TEST(Calibration, AMetronomeInTheRoomDoesNotLineUpWithTheClicks)
{
    std::vector<int64_t> clicks;
    const std::vector<float> played = audio::calibrationClicks(kRate, clicks);
    std::vector<float> heard = heardThroughRoom(900, 0.3, 0.001);
    for (size_t tick = 1000; tick + 200 < heard.size(); tick += static_cast<size_t>(kRate / 2.0)) {
        for (size_t i = 0; i < 192; ++i) {
            heard[tick + i] += 0.3f * played[static_cast<size_t>(clicks[0]) + i];  // the same sound, every 500 ms
        }
    }
    auto trip = audio::findRoundTrip(heard, kRate);
    if (trip) {
        EXPECT_NEAR(static_cast<double>(trip->frames), 901.5, 2.0);
    } else {
        EXPECT_EQ(trip.error().code, core::ErrorCode::InvalidInput) << "at worst it cannot tell, never a wrong number";
    }
}

TEST(Calibration, AFewLostClicksStillMeasure)
{
    std::vector<int64_t> clicks;
    (void)audio::calibrationClicks(kRate, clicks);
    std::vector<float> heard = heardThroughRoom(1000, 0.3, 0.001);
    // A door slams over two of the clicks: loud noise where they came back.
    std::mt19937 random(3);
    std::uniform_real_distribution<float> bang(-0.9f, 0.9f);
    for (const size_t k : {1u, 5u}) {
        for (int64_t i = 0; i < 2000; ++i) {
            heard[static_cast<size_t>(clicks[k] + 1000 - 500 + i)] = bang(random);
        }
    }
    auto trip = audio::findRoundTrip(heard, kRate);
    ASSERT_TRUE(trip.has_value()) << trip.error().toString();
    EXPECT_NEAR(static_cast<double>(trip->frames), 1001.5, 2.0);
    EXPECT_EQ(trip->clicksHeard, 6);
}

TEST(CaptureRing, AWriterAndAReaderOnTwoThreadsKeepEveryFrameInOrder)
{
    audio::CaptureRing ring(4096);
    EXPECT_EQ(ring.capacity(), 4096u);
    constexpr size_t kTotal = 2'000'000;
    std::thread writer([&] {
        std::vector<float> input(64);
        std::vector<float> output(64);
        size_t next = 0;
        while (next < kTotal) {
            for (size_t i = 0; i < 64; ++i) {
                input[i] = static_cast<float>((next + i) % 65536);
                output[i] = -input[i];
            }
            if (ring.write(input.data(), output.data(), 64)) {
                next += 64;
            } else {
                std::this_thread::yield();
            }
        }
    });
    std::vector<float> input(1000);
    std::vector<float> output(1000);
    size_t seen = 0;
    bool inOrder = true;
    while (seen < kTotal) {
        const size_t got = ring.read(input.data(), output.data(), input.size());
        for (size_t i = 0; i < got; ++i) {
            inOrder = inOrder && input[i] == static_cast<float>((seen + i) % 65536) && output[i] == -input[i];
        }
        seen += got;
    }
    writer.join();
    EXPECT_TRUE(inOrder);
    EXPECT_EQ(ring.framesWritten(), kTotal);
}

TEST(CaptureRing, ABlockThatDoesNotFitIsDroppedWholeAndCounted)
{
    audio::CaptureRing ring(100);  // 128
    std::vector<float> block(100, 1.0f);
    EXPECT_TRUE(ring.write(block.data(), nullptr, 100));
    EXPECT_FALSE(ring.write(block.data(), nullptr, 100));
    EXPECT_EQ(ring.overflowedFrames(), 100u);
    EXPECT_EQ(ring.framesWritten(), 100u);
    std::vector<float> input(200, -1.0f);
    std::vector<float> output(200, -1.0f);
    EXPECT_EQ(ring.read(input.data(), output.data(), 200), 100u);
    EXPECT_EQ(input[99], 1.0f);
    EXPECT_EQ(output[0], 0.0f) << "no output given: silence";
    EXPECT_TRUE(ring.write(block.data(), nullptr, 100)) << "room again once read";
}
