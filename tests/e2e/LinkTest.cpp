// Ableton Link between two bandmate-cli processes: both play through a private JACK server on
// the dummy backend, inside a network namespace of the test's own whose only interface is
// loopback (Link finds peers by multicast; nothing leaves the test). A tempo typed into one
// reaches the other, and their beats agree in phase at the shared quantum.
#include "tests/e2e/CliRunner.h"
#include "tests/support/JackServer.h"
#include "tests/support/PrivateNetwork.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace bandmate;

namespace {

struct BeatSample {
    int64_t micros = 0;
    double beat = 0.0;
};

/// One `bandmate-cli play --link` inside the namespace.
class LinkPeer {
public:
    LinkPeer(const test::PrivateNetwork& network, const QString& server, const QString& trace, double seconds,
             double bpm, const QStringList& extra = {})
        : m_trace(trace)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JACK_DEFAULT_SERVER"), server);
        env.insert(QStringLiteral("JACK_NO_START_SERVER"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        network.start(m_process, QStringLiteral(BANDMATE_CLI),
                      QStringList{QStringLiteral("play"), test::exampleMachinePath(), QStringLiteral("--driver"),
                                  QStringLiteral("JACK"), QStringLiteral("--link"), QStringLiteral("--trace-beats"),
                                  trace, QStringLiteral("--seconds"), QString::number(seconds),
                                  QStringLiteral("--bpm"), QString::number(bpm), QStringLiteral("--json")}
                          + extra);
    }
    void say(const char* line)
    {
        m_process.write(line);
        m_process.waitForBytesWritten(1'000);
    }
    /// Waits for the end; its JSON (empty on failure, with the reason in `err`).
    QJsonObject finish()
    {
        EXPECT_TRUE(m_process.waitForFinished(60'000));
        err = QString::fromUtf8(m_process.readAllStandardError());
        out = QString::fromUtf8(m_process.readAllStandardOutput());
        EXPECT_EQ(m_process.exitCode(), 0) << err.toStdString();
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }
    /// The beats traced so far: whole lines only, as the trace is still being written while it
    /// plays.
    [[nodiscard]] std::vector<BeatSample> trace() const
    {
        std::vector<BeatSample> samples;
        QFile file(m_trace);
        if (!file.open(QIODevice::ReadOnly)) {
            return samples;
        }
        file.readLine();  // the header
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            const auto parts = line.trimmed().split(',');
            if (line.endsWith('\n') && parts.size() == 2) {
                samples.push_back({parts.at(0).toLongLong(), parts.at(1).toDouble()});
            }
        }
        return samples;
    }
    /// The tempo its beats moved at over the last half second traced; 0 before there is one.
    [[nodiscard]] double tracedBpm() const
    {
        const auto samples = trace();
        if (samples.size() < 2 || samples.back().micros - samples.front().micros < 500'000) {
            return 0.0;
        }
        auto from = std::lower_bound(samples.begin(), samples.end(), samples.back().micros - 500'000,
                                     [](const BeatSample& s, int64_t t) { return s.micros < t; });
        return (samples.back().beat - from->beat) * 60e6 / static_cast<double>(samples.back().micros - from->micros);
    }
    QString out;
    QString err;

private:
    QString m_trace;
    QProcess m_process;
};

/// The first host time a peer's tempo_changes reached `bpm`; -1 when it never did.
int64_t whenTempo(const QJsonObject& json, double bpm)
{
    for (const auto& change : json.value(QStringLiteral("tempo_changes")).toArray()) {
        if (std::abs(change.toObject().value(QStringLiteral("bpm")).toDouble() - bpm) < 0.01) {
            return change.toObject().value(QStringLiteral("host_us")).toInteger();
        }
    }
    return -1;
}

/// Phase differences (ms) of `b` against `a` at b's sample times within [from, to): a's beat
/// there from its nearest earlier sample at `bpm`, the difference folded into ±half a quantum.
std::vector<double> phaseErrorsMs(const std::vector<BeatSample>& a, const std::vector<BeatSample>& b, int64_t from,
                                  int64_t to, double bpm, double quantum)
{
    std::vector<double> errors;
    for (const auto& sample : b) {
        if (sample.micros < from || sample.micros >= to) {
            continue;
        }
        auto after = std::lower_bound(a.begin(), a.end(), sample.micros,
                                      [](const BeatSample& s, int64_t t) { return s.micros < t; });
        if (after == a.begin()) {
            continue;
        }
        const BeatSample& before = *(after - 1);
        if (sample.micros - before.micros > 50'000) {
            continue;
        }
        const double aBeat = before.beat + static_cast<double>(sample.micros - before.micros) * bpm / 60e6;
        double diff = std::fmod(sample.beat - aBeat, quantum);
        diff += diff >= quantum / 2 ? -quantum : diff < -quantum / 2 ? quantum : 0.0;
        errors.push_back(diff * 60'000.0 / bpm);
    }
    return errors;
}

double percentileAbs(std::vector<double> values, double q)
{
    for (auto& v : values) {
        v = std::abs(v);
    }
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[std::min(values.size() - 1, static_cast<size_t>(q * static_cast<double>(values.size())))];
}

}  // namespace

// The test: B joins A's session at its own tempo and takes the session's; a tempo typed
// into A reaches B within a second; the two play the same bars, in phase within a millisecond.
TEST(Link, TwoPeersShareTempoAndBarPhaseInAPrivateNetwork)
{
    const QString server = QStringLiteral("bandmate-link-%1").arg(QCoreApplication::applicationPid());
    test::DummyJackServer jack(server, 128);
    ASSERT_TRUE(jack.started()) << jack.log().toStdString();
    test::PrivateNetwork network;
    ASSERT_TRUE(network.ready()) << network.error().toStdString();
    const QString inside = network.describe();
    EXPECT_FALSE(inside.contains(QStringLiteral("eth"))) << inside.toStdString();
    test::TempDir dir;
    QThread::msleep(1000);  // jackd comes up

    // Both play until told to quit: on a busy machine B may take seconds to start and find A.
    LinkPeer a(network, server, dir.file(QStringLiteral("a.csv")), 120.0, 120.0);
    QThread::msleep(2000);
    LinkPeer b(network, server, dir.file(QStringLiteral("b.csv")), 120.0, 140.0);
    // B has joined once its beats move at the session's 120, not its own 140.
    QElapsedTimer waited;
    waited.start();
    while (std::abs(b.tracedBpm() - 120.0) > 0.5 && waited.elapsed() < 40'000) {
        QThread::msleep(200);
    }
    std::printf("B played at the session's tempo %.1f s after it started\n", waited.elapsed() / 1000.0);
    a.say("tempo 97.3\n");
    QThread::msleep(4000);
    b.say("quit\n");
    QThread::msleep(500);
    a.say("quit\n");
    const QJsonObject ja = a.finish();
    const QJsonObject jb = b.finish();
    ASSERT_FALSE(ja.isEmpty()) << a.err.toStdString() << "\njackd:\n" << jack.log().toStdString();
    ASSERT_FALSE(jb.isEmpty()) << b.err.toStdString();

    EXPECT_GE(ja.value(QStringLiteral("link_peers")).toInt(), 1);
    EXPECT_GE(jb.value(QStringLiteral("link_peers")).toInt(), 1);
    EXPECT_NEAR(ja.value(QStringLiteral("tempo")).toDouble(), 97.3, 0.01);
    EXPECT_NEAR(jb.value(QStringLiteral("tempo")).toDouble(), 97.3, 0.01);
    EXPECT_GE(whenTempo(jb, 120.0), 0) << "B took the session's tempo, not its own 140: " << jb.value(QStringLiteral("tempo_changes")).toArray().size();
    const int64_t changedA = whenTempo(ja, 97.3);
    const int64_t changedB = whenTempo(jb, 97.3);
    ASSERT_GE(changedA, 0);
    ASSERT_GE(changedB, 0);
    std::printf("tempo typed into A reached B %.1f ms later\n", (changedB - changedA) / 1000.0);
    EXPECT_LT(changedB - changedA, 1'000'000);

    const auto traceA = a.trace();
    const auto traceB = b.trace();
    ASSERT_FALSE(traceB.empty());
    const auto errors = phaseErrorsMs(traceA, traceB, std::max(changedA, changedB) + 1'000'000, traceB.back().micros, 97.3, 4.0);
    ASSERT_GE(errors.size(), 50u);
    const double p50 = percentileAbs(errors, 0.50);
    const double p99 = percentileAbs(errors, 0.99);
    std::printf("Link phase error between the two processes over %zu blocks: p50 %.1f us, p99 %.1f us, max %.1f us\n",
                errors.size(), p50 * 1000.0, p99 * 1000.0, percentileAbs(errors, 1.0) * 1000.0);
    EXPECT_LT(p99, 1.0);
    // What B counted is what it played: the trace's span, but for the shift of less than a bar
    // when it joined A's session (its beats took the session's phase).
    const double played = jb.value(QStringLiteral("beats_played")).toDouble();
    EXPECT_NEAR(played, traceB.back().beat - traceB.front().beat, 4.5);
    EXPECT_GT(played, 8.0);
}
