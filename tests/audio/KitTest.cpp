// Kits from real files on disk: kit.json, WAV files at other rates, broken entries.
#include "audio/engine/Kit.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/TestFiles.h"

#include <gtest/gtest.h>

using bandmate::audio::Kit;
using bandmate::core::ErrorCode;
using bandmate::test::TempDir;

namespace {

std::string path(const TempDir& dir, const char* name)
{
    return dir.file(QString::fromUtf8(name)).toStdString();
}

}  // namespace

TEST(Kit, LoadsSamplesResamplesThemAndReportsBrokenEntriesByName)
{
    TempDir dir;
    ASSERT_TRUE(bandmate::test::writeWav16(path(dir, "clave.wav"), 48000, {std::vector<float>(480, 0.5f)}));
    ASSERT_TRUE(bandmate::test::writeWav16(path(dir, "conga.wav"), 44100, {std::vector<float>(4410, 0.25f),
                                                                            std::vector<float>(4410, -0.25f)}));
    bandmate::test::writeAll(dir.file(QStringLiteral("junk.wav")), "this is not audio");
    bandmate::test::writeAll(dir.file(QStringLiteral("kit.json")), R"({"name": "Test kit", "samples": {
        "clave-0": "clave.wav", "congas": "conga.wav", "bongos-0": "missing.wav", "guiro-0": "junk.wav",
        "timbales-0": 7}})");
    auto kit = Kit::loadNonRealTime(dir.path().toStdString(), 48000.0);
    ASSERT_TRUE(kit.has_value()) << kit.error().toString();
    const Kit& k = **kit;
    EXPECT_EQ(k.name(), "Test kit");
    ASSERT_EQ(k.samples().size(), 2u);
    const int clave = k.find("clave-0", "clave");
    ASSERT_GE(clave, 0);
    EXPECT_EQ(k.samples()[static_cast<size_t>(clave)].frames(), 480u);
    EXPECT_NEAR(k.samples()[static_cast<size_t>(clave)].left[100], 0.5f, 1e-3);
    // 0.1 s at 44.1 kHz is 4800 frames at 48 kHz; stereo stays stereo.
    const int conga = k.find("congas-3", "congas");
    ASSERT_GE(conga, 0) << "bare instrument id is the fallback";
    const auto& congaSample = k.samples()[static_cast<size_t>(conga)];
    EXPECT_NEAR(static_cast<double>(congaSample.frames()), 4800.0, 2.0);
    ASSERT_EQ(congaSample.right.size(), congaSample.left.size());
    EXPECT_NEAR(congaSample.right[2000], -0.25f, 1e-3);
    EXPECT_EQ(k.find("bongos-0", "bongos"), -1);

    ASSERT_EQ(k.problems().size(), 3u);
    std::string all;
    for (const auto& problem : k.problems()) {
        all += problem + "\n";
    }
    EXPECT_NE(all.find("bongos-0: file not found"), std::string::npos) << all;
    EXPECT_NE(all.find("guiro-0: not a readable audio file"), std::string::npos) << all;
    EXPECT_NE(all.find("timbales-0: the file name must be a string"), std::string::npos) << all;
}

TEST(Kit, BadManifestsAreOneClearError)
{
    TempDir dir;
    auto missingFolder = Kit::loadNonRealTime(path(dir, "nope"), 48000.0);
    ASSERT_FALSE(missingFolder.has_value());
    EXPECT_EQ(missingFolder.error().code, ErrorCode::NotFound);

    auto noManifest = Kit::loadNonRealTime(dir.path().toStdString(), 48000.0);
    ASSERT_FALSE(noManifest.has_value());
    EXPECT_NE(noManifest.error().message.find("kit.json"), std::string::npos);

    bandmate::test::writeAll(dir.file(QStringLiteral("kit.json")), R"({"samples": {"a": }})");
    auto badJson = Kit::loadNonRealTime(dir.path().toStdString(), 48000.0);
    ASSERT_FALSE(badJson.has_value());
    EXPECT_EQ(badJson.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(badJson.error().where.find("kit.json"), std::string::npos);

    bandmate::test::writeAll(dir.file(QStringLiteral("kit.json")), R"({"samples": ["a.wav"]})");
    auto wrongShape = Kit::loadNonRealTime(dir.path().toStdString(), 48000.0);
    ASSERT_FALSE(wrongShape.has_value());
    EXPECT_NE(wrongShape.error().message.find("\"samples\""), std::string::npos);
}
