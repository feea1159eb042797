#include "audio/engine/AudioSystem.h"

#include <gtest/gtest.h>

#include <algorithm>

using bandmate::audio::AudioSystem;

TEST(AudioSystem, ReportsTheLinkedJuceVersion)
{
    EXPECT_EQ(AudioSystem::juceVersionNonRealTime().rfind("JUCE v7.", 0), 0u)
        << AudioSystem::juceVersionNonRealTime();
}

TEST(AudioSystem, LinuxBuildOffersAlsaAndJack)
{
#if defined(__linux__)
    const auto types = AudioSystem::driverTypesNonRealTime();
    EXPECT_NE(std::find(types.begin(), types.end(), "ALSA"), types.end());
    EXPECT_NE(std::find(types.begin(), types.end(), "JACK"), types.end());
#else
    GTEST_SKIP() << "driver names differ per platform";
#endif
}
