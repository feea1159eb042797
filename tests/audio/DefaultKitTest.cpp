// The committed default kit (resources/kits/default) and the script that makes it.
#include "audio/engine/Kit.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using bandmate::audio::Kit;

namespace {

const QString kKitDir = QStringLiteral(BANDMATE_SOURCE_DIR "/resources/kits/default");

std::shared_ptr<const Kit> loadDefault(const std::string& voice = {})
{
    auto kit = Kit::loadNonRealTime(kKitDir.toStdString(), 48000.0, voice);
    EXPECT_TRUE(kit.has_value()) << (kit ? "" : kit.error().toString());
    return kit.value_or(nullptr);
}

}  // namespace

TEST(DefaultKit, LoadsCompletelyWithEveryInstructorLanguage)
{
    const auto kit = loadDefault();
    ASSERT_NE(kit, nullptr);
    EXPECT_TRUE(kit->problems().empty()) << kit->problems().front();
    auto voices = kit->voices();
    std::sort(voices.begin(), voices.end());
    EXPECT_EQ(voices, (std::vector<std::string>{"de", "en", "es", "fr", "it", "nb", "ru"}));
    EXPECT_EQ(kit->voice(), "es") << "Spanish counts by default";
    for (int count = 1; count <= 8; ++count) {
        EXPECT_GE(kit->find("instructor-" + std::to_string(count), "instructor"), 0) << count;
    }
    const auto russian = loadDefault("ru");
    ASSERT_NE(russian, nullptr);
    EXPECT_EQ(russian->voice(), "ru");
    // Piano and bass are chromatic over their whole range; tres shares the guitar's files.
    for (int note = 21; note <= 108; ++note) {
        EXPECT_GE(kit->find("piano-" + std::to_string(note), "piano"), 0) << note;
    }
    for (int note = 28; note <= 67; ++note) {
        EXPECT_GE(kit->find("bass-" + std::to_string(note), "bass"), 0) << note;
    }
    EXPECT_EQ(kit->find("tres-60", "tres"), kit->find("guitar-60", "guitar"));
}

TEST(DefaultKit, EverySampleStartsOnItsAttackAndIsNormalised)
{
    const auto kit = loadDefault();
    ASSERT_NE(kit, nullptr);
    for (const auto& sample : kit->samples()) {
        ASSERT_GT(sample.frames(), 1000u) << sample.name;
        float peak = 0.0f;
        for (const float v : sample.left) {
            peak = std::max(peak, std::abs(v));
        }
        EXPECT_GT(std::abs(sample.left[0]), 1e-3f) << sample.name << ": silence before the attack";
        EXPECT_GT(peak, 0.25f) << sample.name;
        EXPECT_LT(peak, 0.95f) << sample.name;
    }
}

TEST(DefaultKit, TheScriptListsExactlyTheCommittedFilesAndTheKitStaysSmall)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    ASSERT_FALSE(python.isEmpty()) << "python3 is in packaging/debian-packages.txt";
    QProcess script;
    script.start(python, {QStringLiteral(BANDMATE_SOURCE_DIR "/resources/kits/make_default_kit.py"), QStringLiteral("--list")});
    ASSERT_TRUE(script.waitForFinished(60'000));
    ASSERT_EQ(script.exitCode(), 0) << script.readAllStandardError().toStdString();
    QStringList listed = QString::fromUtf8(script.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    listed.sort();

    QStringList committed;
    qint64 bytes = 0;
    QDirIterator it(kKitDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        bytes += QFileInfo(path).size();
        const QString relative = QDir(kKitDir).relativeFilePath(path);
        if (!relative.endsWith(QLatin1String(".md")) && !relative.startsWith(QLatin1String("LICENSE"))) {
            committed << relative;
        }
    }
    committed.sort();
    EXPECT_EQ(listed, committed);
    EXPECT_LE(bytes, 30LL * 1024 * 1024);
    EXPECT_TRUE(QFileInfo::exists(kKitDir + QStringLiteral("/LICENSE-FluidR3.txt")));
}

TEST(DefaultKit, EveryInstrumentOfTheWebMachinesFilesHasASoundOverTheRangeTheyUse)
{
    // The instrument ids of the Salsa Beat Machine's published salsa and merengue files (live and
    // commented out), with the numbers their notes reach (keyed: pitch + pitchOffset, a fifth
    // under to two octaves over). None may play silent.
    const auto kit = loadDefault();
    ASSERT_NE(kit, nullptr);
    const std::vector<std::tuple<std::string, int, int>> used = {
        {"clave", 0, 0},     {"cowbell", 0, 1},  {"congas", 0, 5},      {"bongos", 0, 4},   {"timbales", 0, 4},
        {"guiro", 0, 1},     {"maracas", 0, 1},  {"guira", 0, 1},       {"tambora", 0, 2},  {"kickdrum", 0, 0},
        {"clap", 0, 0},      {"instructor", 1, 8}, {"piano", 41, 84},   {"bass", 31, 60},   {"trumpet", 55, 84},
        {"saxophone", 43, 72},
    };
    for (const auto& [id, low, high] : used) {
        for (int number = low; number <= high; ++number) {
            EXPECT_GE(kit->find(id + "-" + std::to_string(number), id), 0) << id << "-" << number;
        }
    }
    EXPECT_EQ(kit->find("kickdrum-0", "kickdrum"), kit->find("kick-0", "kick")) << "the format's KickDrum is our kick";
}
