// bandmate-cli coach score on takes the test records itself: a clave played at known offsets,
// with noise, written as a WAV file; and the errors a stranger's input gets.
#include "tests/e2e/CliRunner.h"

#include <QJsonArray>

#include <cmath>
#include <numbers>
#include <random>

using namespace bandmate;
using test::CliRun;
using test::runCli;
using test::TempDir;

namespace {

constexpr int kRate = 44100;

}  // namespace

TEST(CoachCli, ScoresARecordedClaveTakeHitByHit)
{
    TempDir dir;
    // Salsa's clave 2-3 at 100 BPM: eighths of 300 ms, five strokes in sixteen steps (the grid
    // comes from the machine; the test reads it back from the first answer).
    const QString take = dir.file(QStringLiteral("take.wav"));
    const double seconds = 4 * 8 * 0.3 + 0.5;  // four bars
    ASSERT_TRUE(test::writeWav16(take.toStdString(), kRate, {test::claveStrokes({}, seconds, kRate)}));
    const QStringList score{QStringLiteral("coach"),  QStringLiteral("score"), QStringLiteral("salsa"),      QStringLiteral("--part"),
                            QStringLiteral("clave"),  QStringLiteral("--bpm"), QStringLiteral("100"),        QStringLiteral("--input"),
                            take,                     QStringLiteral("--json")};
    CliRun silent = runCli(score);
    ASSERT_EQ(silent.exitCode, 0) << silent.err.toStdString();
    const QJsonArray grid = silent.json().value(QStringLiteral("hits")).toArray();
    ASSERT_EQ(grid.size(), 10) << "two clave cycles of five strokes";
    EXPECT_EQ(silent.json().value(QStringLiteral("missed")).toInt(), 10);
    EXPECT_EQ(silent.json().value(QStringLiteral("accuracy")).toDouble(), 0.0);
    EXPECT_FALSE(silent.json().value(QStringLiteral("calibrated")).toBool());

    // Played: each stroke at a known offset, 12 ms of latency on top; one stroke left out, one
    // added where the clave has none.
    const std::vector<double> offsets{-20, -8, 0, 5, 12, 25, -35, 3, 0, 0};
    std::vector<double> played;
    for (int i = 0; i < grid.size(); ++i) {
        if (i != 8) {
            played.push_back(grid.at(i).toObject().value(QStringLiteral("expected_ms")).toDouble() + offsets[static_cast<size_t>(i)] + 12.0);
        }
    }
    played.push_back(150.0 + 12.0);
    ASSERT_TRUE(test::writeWav16(take.toStdString(), kRate, {test::claveStrokes(played, seconds, kRate)}));
    CliRun run = runCli(QStringList(score) << QStringLiteral("--latency-ms") << QStringLiteral("12"));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = run.json();
    EXPECT_EQ(json.value(QStringLiteral("matched")).toInt(), 9);
    EXPECT_EQ(json.value(QStringLiteral("missed")).toInt(), 1);
    EXPECT_EQ(json.value(QStringLiteral("extra")).toInt(), 1);
    EXPECT_TRUE(json.value(QStringLiteral("calibrated")).toBool());
    EXPECT_TRUE(json.value(QStringLiteral("bleed")).isNull()) << "nothing of the backing in this take";
    const QJsonArray hits = json.value(QStringLiteral("hits")).toArray();
    ASSERT_EQ(hits.size(), 10);
    for (int i = 0; i < hits.size(); ++i) {
        const QJsonValue offset = hits.at(i).toObject().value(QStringLiteral("offset_ms"));
        if (i == 8) {
            EXPECT_TRUE(offset.isNull());
        } else {
            EXPECT_NEAR(offset.toDouble(), offsets[static_cast<size_t>(i)], 1.0) << "stroke " << i;
        }
    }
    EXPECT_NEAR(json.value(QStringLiteral("accuracy")).toDouble(), 0.8, 1e-9) << "eight of ten within ±30 ms (one missed, one 35 ms early)";
    EXPECT_NEAR(json.value(QStringLiteral("mean_offset_ms")).toDouble(), -2.0, 0.5);

    // The same in words.
    run = runCli(QStringList(score.mid(0, score.size() - 1)) << QStringLiteral("--latency-ms") << QStringLiteral("12"));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("clave at 100 BPM: 80 % of 10 hits within ±30 ms"))) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("you rush by 2 ms"))) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("9 matched, 1 missed, 1 extra"))) << run.out.toStdString();

    // Kept: the take is in the database; this one is not clean (80 % within ±30 ms).
    const QString db = dir.file(QStringLiteral("bandmate.sqlite"));
    const QStringList keep{QStringLiteral("--db"), db, QStringLiteral("--latency-ms"), QStringLiteral("12"), QStringLiteral("--save")};
    run = runCli(QStringList(score) << keep);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_FALSE(run.json().value(QStringLiteral("take_id")).toString().isEmpty());
    EXPECT_FALSE(run.json().value(QStringLiteral("clean")).toBool());
    // In time: clean, and it says so.
    std::vector<double> steady;
    for (int i = 0; i < grid.size(); ++i) {
        steady.push_back(grid.at(i).toObject().value(QStringLiteral("expected_ms")).toDouble() + (i % 2 == 0 ? 4.0 : -6.0) + 12.0);
    }
    ASSERT_TRUE(test::writeWav16(take.toStdString(), kRate, {test::claveStrokes(steady, seconds, kRate)}));
    run = runCli(QStringList(score) << keep);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.json().value(QStringLiteral("clean")).toBool());
    run = runCli({QStringLiteral("coach"), QStringLiteral("takes"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray takes = QJsonDocument::fromJson(run.out.toUtf8()).array();
    ASSERT_EQ(takes.size(), 2);
    EXPECT_EQ(takes.at(0).toObject().value(QStringLiteral("part")).toString(), QStringLiteral("clave"));
    EXPECT_DOUBLE_EQ(takes.at(0).toObject().value(QStringLiteral("accuracy")).toDouble(), 0.8);
    EXPECT_DOUBLE_EQ(takes.at(1).toObject().value(QStringLiteral("accuracy")).toDouble(), 1.0);
    EXPECT_EQ(takes.at(1).toObject().value(QStringLiteral("bpm")).toDouble(), 100.0);
}

TEST(CoachCli, BadInputGetsOneClearLine)
{
    TempDir dir;
    const QString html = dir.file(QStringLiteral("portal.wav"));
    test::writeAll(html, "<html>sign in to the Wi-Fi</html>");
    const QString take = dir.file(QStringLiteral("take.wav"));
    ASSERT_TRUE(test::writeWav16(take.toStdString(), kRate, {std::vector<float>(kRate, 0.0f)}));
    const QString blip = dir.file(QStringLiteral("blip.wav"));
    ASSERT_TRUE(test::writeWav16(blip.toStdString(), kRate, {std::vector<float>(kRate / 20, 0.0f)}));
    const QString noNotes = dir.file(QStringLiteral("empty.mid"));
    test::writeAll(noNotes, QByteArray("MThd\x00\x00\x00\x06\x00\x00\x00\x01\x01\xE0MTrk\x00\x00\x00\x04\x00\xFF\x2F\x00", 26));
    const auto score = [&](QStringList extra) {
        QStringList args{QStringLiteral("coach"), QStringLiteral("score"), QStringLiteral("salsa")};
        return args << extra;
    };
    const QString kept = dir.file(QStringLiteral("kept-take.flac"));
    {
        QFile earlier(kept);
        ASSERT_TRUE(earlier.open(QIODevice::WriteOnly));
        earlier.write("a take kept earlier");
    }
    const std::vector<std::pair<QStringList, const char*>> cases{
        {score({QStringLiteral("--part"), QStringLiteral("cuatro"), QStringLiteral("--input"), take}), "congas"},
        {score({QStringLiteral("--input"), take}), "--part"},
        {score({QStringLiteral("--part"), QStringLiteral("clave")}), "--input"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), html}), "portal.wav"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), dir.file(QStringLiteral("none.mid"))}), "none.mid"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), take, QStringLiteral("--bpm"), QStringLiteral("fast")}), "--bpm"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), take, QStringLiteral("--latency-ms"), QStringLiteral("5000")}), "--latency-ms"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), blip}), "shorter than the part's first hit"},
        {score({QStringLiteral("--part"), QStringLiteral("clave"), QStringLiteral("--input"), noNotes}), "no notes"},
        {{QStringLiteral("coach"), QStringLiteral("listen")}, "listen"},
        {{QStringLiteral("coach"), QStringLiteral("score")}, "which machine"},
        // Live: what is asked is checked before any device is opened.
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave")}, "--input-device"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--input-device"), QStringLiteral("mic")}, "--part"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--calibrate"), QStringLiteral("--latency-ms"), QStringLiteral("9")},
         "not both"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--bars"), QStringLiteral("0")},
         "--bars"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--input-channel"), QStringLiteral("0")},
         "--input-channel"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--play-part"), QStringLiteral("--save")},
         "leave out --save"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--latency-ms"), QStringLiteral("-20")},
         "0 ms or more"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--bars"), QStringLiteral("1000"), QStringLiteral("--bpm"),
          QStringLiteral("30")},
         "15 minutes"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--keep-recording"), dir.file(QStringLiteral("no/such/t.flac"))},
         "folder does not exist"},
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--keep-recording"), QString()},
         "--keep-recording: which file?"},
        // A take kept earlier is not recorded over: refused before anything plays.
        {{QStringLiteral("coach"), QStringLiteral("live"), QStringLiteral("salsa"), QStringLiteral("--part"), QStringLiteral("clave"),
          QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("--keep-recording"), kept},
         "a file is there already"},
        {{QStringLiteral("coach"), QStringLiteral("calibrate")}, "--input-device"},
        {{QStringLiteral("coach"), QStringLiteral("calibrate"), QStringLiteral("--input-device"), QStringLiteral("mic"), QStringLiteral("now")}, "now"},
    };
    for (const auto& [args, mention] : cases) {
        const CliRun run = runCli(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromUtf8(mention))) << mention << " not in: " << run.err.toStdString();
    }
    QFile earlier(kept);
    ASSERT_TRUE(earlier.open(QIODevice::ReadOnly));
    EXPECT_EQ(earlier.readAll(), QByteArray("a take kept earlier")) << "the earlier take is as it was";
}
