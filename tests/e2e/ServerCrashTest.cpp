// Crashes in the middle of a sync: bandmate-cli killed (SIGKILL) while it pushes and while it
// pulls, and bandmate-server killed while it takes pushes. Each time the next sync finishes the
// job: both computers converge, nothing is lost and nothing is doubled.
#include "core/library/Songs.h"
#include "core/storage/Sql.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/FaultyProxy.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QSet>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace bandmate::test {
namespace {

/// The songs a database file shows: how many rows, and how many distinct titles.
std::pair<int, int> songCounts(const QString& path)
{
    auto db = core::Database::open(path).value();
    return {liveSongs(*db),
            core::sql::scalar(db->connection(), QStringLiteral("SELECT count(DISTINCT title) FROM song WHERE deleted = 0"))->toInt()};
}

int outboxOf(const QString& path)
{
    auto db = core::Database::open(path).value();
    return outboxSize(*db);
}

/// bandmate-cli with the keychain of `keyring`, started and not waited for (to be killed).
void startCli(QProcess& process, const KeyringSession& keyring, const QStringList& args)
{
    process.setProcessEnvironment(keyring.environment());
    process.start(QStringLiteral(BANDMATE_CLI), args);
    ASSERT_TRUE(process.waitForStarted(10'000));
}

/// bandmate-cli with the keychain of `keyring`, to its end.
CliRun runCliIn(const KeyringSession& keyring, const QStringList& args, const QByteArray& password = {})
{
    return runCli(args, keyring.environment(), 120'000, password.isEmpty() ? QByteArray() : password + '\n');
}

/// `bandmate-cli account register|login` as Ana, for `database` on `url`; the exit code.
int accountWithCli(const KeyringSession& keyring, const QString& database, const QString& url, const char* verb)
{
    return runCliIn(keyring,
                    {QStringLiteral("--db"), database, QStringLiteral("account"), QString::fromLatin1(verb), QStringLiteral("--server"), url,
                     QStringLiteral("--email"), QStringLiteral("ana@example.com"), QStringLiteral("--password-stdin")},
                    "salsa-dura-1978")
        .exitCode;
}

TEST(ServerCrashTest, ACommandLineClientKilledWhilePushingOrPullingLosesAndDoublesNothing)
{
    TempDir dir;
    KeyringSession keyring(dir);
    ServerProcess server(serverDatabase(dir));
    // Which request kills the client: the Nth push or pull of a run. The proxy still forwards
    // that request, so the server commits what the dead client never hears about.
    std::atomic<qint64> victim{0};
    std::atomic<int> killOnPush{0};
    std::atomic<int> killOnPull{0};
    std::atomic<int> pushes{0};
    std::atomic<int> pulls{0};
    FaultyProxy proxy(server.port(), [&](const std::string& line, int) {
        const bool push = line == "POST /v1/sync/push";
        const bool pull = line == "GET /v1/sync/pull";
        const int n = push ? ++pushes : pull ? ++pulls : 0;
        if (n > 0 && n == (push ? killOnPush.load() : killOnPull.load())) {
            ::kill(static_cast<pid_t>(victim.load()), SIGKILL);
            return Fault::DropResponse;
        }
        return Fault::None;
    });
    const QString url = proxy.url().toString();
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    const QString studio = dir.file(QStringLiteral("studio.sqlite"));
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        (void)addSongs(*db, 1'000, QStringLiteral("Montuno"));
    }
    const int waiting = outboxOf(laptop);
    ASSERT_GT(waiting, 3 * 500) << "enough for several pushes";
    // Signing in ("register" or "login") and a sync that the proxy kills.
    const auto account = [&](const QString& database, const char* verb) { return accountWithCli(keyring, database, url, verb); };
    const auto syncKilled = [&](const QStringList& args) {
        QProcess process;
        startCli(process, keyring, args);
        victim = process.processId();
        EXPECT_TRUE(process.waitForFinished(60'000));
        return process.exitStatus();
    };
    ASSERT_EQ(account(laptop, "register"), 0);
    const QStringList syncLaptop{QStringLiteral("--db"), laptop, QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("--server"), url};

    // Killed on its second push: the first one was acknowledged, the second committed on the
    // server but never acknowledged here.
    killOnPush = 2;
    EXPECT_EQ(syncKilled(syncLaptop), QProcess::CrashExit);
    EXPECT_EQ(pushes.load(), 2);
    const int left = outboxOf(laptop);
    EXPECT_LT(left, waiting);
    EXPECT_GT(left, 0);
    killOnPush = 0;
    const CliRun again = runCliIn(keyring, syncLaptop);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(outboxOf(laptop), 0);

    // The studio signs in and is killed on its second page of changes, then syncs again.
    ASSERT_EQ(account(studio, "login"), 0);
    const QStringList syncStudio{QStringLiteral("--db"), studio, QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("--server"), url};
    pulls = 0;
    killOnPull = 2;
    EXPECT_EQ(syncKilled(syncStudio), QProcess::CrashExit);
    const int partial = songCounts(studio).first;
    EXPECT_GT(partial, 0) << "the first page is in";
    EXPECT_LT(partial, 1'000);
    killOnPull = 0;
    const CliRun resumed = runCliIn(keyring, syncStudio);
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(runCliIn(keyring, syncLaptop).exitCode, 0);

    EXPECT_EQ(songCounts(laptop), std::make_pair(1'000, 1'000));
    EXPECT_EQ(songCounts(studio), std::make_pair(1'000, 1'000)) << "none lost, none twice";
    const CliRun laptopDump = runCli({QStringLiteral("--db"), laptop, QStringLiteral("--json"), QStringLiteral("dump")});
    const CliRun studioDump = runCli({QStringLiteral("--db"), studio, QStringLiteral("--json"), QStringLiteral("dump")});
    ASSERT_EQ(laptopDump.exitCode, 0);
    EXPECT_EQ(laptopDump.out, studioDump.out);
}

TEST(ServerCrashTest, ASessionTradeWhoseAnswerIsLostOrWhoseClientIsKilledDoesNotSignTheMusicianOut)
{
    // The server spends the refresh token and answers with the next one; the answer is lost on
    // the way (Wi-Fi at the venue), or the command is killed before it keeps it. The next sync
    // must not be taken for a thief replaying a spent token.
    TempDir dir;
    KeyringSession keyring(dir);
    ServerProcess server(serverDatabase(dir));
    std::atomic<int> dropRefresh{0};
    std::atomic<int> killOnRefresh{0};
    std::atomic<qint64> victim{0};
    FaultyProxy proxy(server.port(), [&](const std::string& line, int) {
        if (line != "POST /v1/auth/refresh") {
            return Fault::None;
        }
        if (killOnRefresh.exchange(0) != 0) {
            // The command's pid is set just after it started: wait for it (never signal pid 0).
            for (int i = 0; i < 500 && victim.load() == 0; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            if (const qint64 pid = victim.exchange(0); pid > 0) {
                ::kill(static_cast<pid_t>(pid), SIGKILL);
            }
            return Fault::DropResponse;
        }
        return dropRefresh.exchange(0) != 0 ? Fault::DropResponse : Fault::None;
    });
    const QString url = proxy.url().toString();
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        (void)addSongs(*db, 3, QStringLiteral("Montuno"));
    }
    ASSERT_EQ(accountWithCli(keyring, laptop, url, "register"), 0);
    const QStringList sync{QStringLiteral("--db"), laptop, QStringLiteral("sync"), QStringLiteral("--server"), url};
    ASSERT_EQ(runCliIn(keyring, sync).exitCode, 0);

    // (Qt sends a request again once when its connection closes before any answer: that second
    // try already is the same trade asked again.)
    dropRefresh = 1;
    (void)runCliIn(keyring, sync);
    const CliRun after = runCliIn(keyring, sync);
    EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();

    QProcess killed;
    killOnRefresh = 1;  // before it starts: its trade cannot slip past
    startCli(killed, keyring, sync);
    victim = killed.processId();
    ASSERT_TRUE(killed.waitForFinished(60'000));
    EXPECT_EQ(killed.exitStatus(), QProcess::CrashExit);
    const CliRun resumed = runCliIn(keyring, sync);
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(runCliIn(keyring, sync).exitCode, 0) << "and the session goes on";
}

TEST(ServerCrashTest, AServerKilledWhileTakingPushesKeepsEachPushWholeOrNotAtAll)
{
    TempDir dir;
    const QString serverDb = serverDatabase(dir);
    ServerProcess server(serverDb);
    const int port = server.port();
    const QString token = signIn(serverDb);
    // On the first push of a round the server is killed a few milliseconds later: before,
    // during or after it writes (the delay changes from round to round).
    std::atomic<int> delayMs{-1};
    std::atomic<qint64> serverPid{server.pid()};
    std::mutex killersMutex;
    std::vector<std::thread> killers;
    FaultyProxy proxy(port, [&](const std::string& line, int) {
        if (line == "POST /v1/sync/push" && delayMs.load() >= 0) {
            const int delay = delayMs.exchange(-1);
            const std::lock_guard lock(killersMutex);
            // The process of this round, even when the kill comes after the next one started.
            killers.emplace_back([pid = serverPid.load(), delay] {
                std::this_thread::sleep_for(std::chrono::milliseconds(delay));
                ::kill(static_cast<pid_t>(pid), SIGKILL);
            });
        }
        return Fault::None;
    });
    auto laptop = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    int songs = 0;
    int failedRounds = 0;
    for (const int delay : {0, 1, 2, 3, 5, 8, 12, 20}) {
        (void)addSongs(*laptop, 300, QStringLiteral("Round %1 song").arg(delay));
        songs += 300;
        delayMs = delay;
        auto round = syncRound(*laptop, proxy.url(), token);
        failedRounds += std::holds_alternative<QString>(round) ? 1 : 0;
        server.kill();  // reaps the killed process (or ends one the kill came too late for)
        server.start(serverDb, {}, port);
        serverPid = server.pid();
    }
    {
        const std::lock_guard lock(killersMutex);
        for (std::thread& killer : killers) {
            killer.join();
        }
    }
    EXPECT_GT(failedRounds, 0) << "the kills came while the rounds ran";
    ASSERT_TRUE(expectSyncs(*laptop, proxy.url(), token));
    EXPECT_EQ(outboxSize(*laptop), 0);
    ASSERT_TRUE(expectSyncs(*studio, proxy.url(), token));
    EXPECT_EQ(dumpOf(*laptop), dumpOf(*studio));
    for (core::Database* db : {laptop.get(), studio.get()}) {
        EXPECT_EQ(liveSongs(*db), songs);
        EXPECT_EQ(core::sql::scalar(db->connection(), QStringLiteral("SELECT count(DISTINCT title) FROM song"))->toInt(), songs);
    }
}

}  // namespace
}  // namespace bandmate::test
