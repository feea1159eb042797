// The real bandmate-server process on 127.0.0.1: accounts, tokens, push and pull with changes
// from a real client database, errors as JSON, the body cap, user scoping, no tokens on disk.
#include "core/library/Songs.h"
#include "core/sync/ChangeTracker.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/TopicRelay.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace bandmate::test {
namespace {

class ServerTest : public ::testing::Test {
protected:
    TempDir dir;
};

TEST_F(ServerTest, AccountsPushAndPullOverHttp)
{
    const QString serverDb = serverDatabase(dir);
    ServerProcess server(serverDb);
    httplib::Client client("127.0.0.1", server.port());
    auto health = client.Get("/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);

    const QString token = signInOverHttp(client, "ana@example.com");
    ASSERT_FALSE(token.isEmpty());
    auto again = client.Post("/v1/auth/register", json({{QStringLiteral("email"), QStringLiteral("ANA@example.com")}, {QStringLiteral("password"), QStringLiteral("another-password")}}),
                             "application/json");
    EXPECT_EQ(again->status, 422);
    auto wrong = client.Post("/v1/auth/login", json({{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("wrong-password")}}),
                             "application/json");
    auto unknown = client.Post("/v1/auth/login", json({{QStringLiteral("email"), QStringLiteral("nobody@example.com")}, {QStringLiteral("password"), QStringLiteral("wrong-password")}}),
                               "application/json");
    EXPECT_EQ(wrong->status, 401);
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(bodyOf(wrong), bodyOf(unknown)) << "an unknown e-mail reads the same as a wrong password";

    // A real client database's pending changes go up and come back.
    auto db = openTestDatabase(dir, QStringLiteral("client.sqlite"));
    core::library::Song song;
    song.title = QStringLiteral("Pedro Navaja");
    song.bpm = 96;
    ASSERT_TRUE(core::library::SongRepository(*db).save(song).has_value());
    const auto pending = core::ChangeTracker(*db).pending(500).value();
    QJsonArray changes;
    for (const auto& change : pending) {
        changes.append(sync::changeToJson(change));
    }
    const httplib::Headers auth{{"Authorization", "Bearer " + token.toStdString()}};
    const std::string push = json({{QStringLiteral("device_id"), db->deviceId()}, {QStringLiteral("batch_id"), QStringLiteral("b1")}, {QStringLiteral("changes"), changes}});
    auto pushed = client.Post("/v1/sync/push", auth, push, "application/json");
    ASSERT_TRUE(pushed);
    ASSERT_EQ(pushed->status, 200) << pushed->body;
    EXPECT_EQ(bodyOf(pushed)[QStringLiteral("accepted")].toInt(), pending.size());
    auto replay = client.Post("/v1/sync/push", auth, push, "application/json");
    EXPECT_TRUE(bodyOf(replay)[QStringLiteral("replayed")].toBool());
    auto pulled = client.Get("/v1/sync/pull?since=0&limit=500", auth);
    ASSERT_EQ(pulled->status, 200);
    const QJsonArray back = bodyOf(pulled)[QStringLiteral("changes")].toArray();
    ASSERT_EQ(back.size(), pending.size());
    auto first = sync::changeFromJson(back[0].toObject(), QStringLiteral("changes[0]"));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->stamp.deviceId, db->deviceId());

    // Another user sees nothing of it; no token, no data.
    const QString bob = signInOverHttp(client, "bob@example.com");
    auto bobs = client.Get("/v1/sync/pull?since=0", httplib::Headers{{"Authorization", "Bearer " + bob.toStdString()}});
    EXPECT_TRUE(bodyOf(bobs)[QStringLiteral("changes")].toArray().isEmpty());
    // Bob sending Ana's batch id and a change to her song's id writes only his own data: not a
    // replay of hers, and her song as it was.
    const httplib::Headers bobAuth{{"Authorization", "Bearer " + bob.toStdString()}};
    const auto title = std::find_if(pending.begin(), pending.end(), [](const core::FieldChange& change) { return change.field == QLatin1String("title"); });
    ASSERT_NE(title, pending.end());
    QJsonObject intrusion = sync::changeToJson(*title);
    intrusion.insert(QStringLiteral("value"), QStringLiteral("Bob was here"));
    intrusion.insert(QStringLiteral("device"), QStringLiteral("bobs-laptop"));
    auto bobPush = client.Post("/v1/sync/push", bobAuth,
                               json({{QStringLiteral("device_id"), QStringLiteral("bobs-laptop")}, {QStringLiteral("batch_id"), QStringLiteral("b1")},
                                     {QStringLiteral("changes"), QJsonArray{intrusion}}}),
                               "application/json");
    ASSERT_EQ(bobPush->status, 200);
    EXPECT_FALSE(bodyOf(bobPush)[QStringLiteral("replayed")].toBool());
    EXPECT_EQ(client.Get("/v1/sync/pull?since=0&limit=500", auth)->body, pulled->body) << "Ana's data unchanged";
    EXPECT_EQ(client.Get("/v1/sync/meta")->status, 401);
    // A newer Bandmate's field: a client that speaks protocol 1 (from before such fields pass
    // through) hears "update" instead of a page it would stop at; protocol 2 gets the page.
    QJsonObject newer = sync::changeToJson(*title);
    newer.insert(QStringLiteral("field"), QStringLiteral("zz_new_field"));
    auto newerPush = client.Post("/v1/sync/push", httplib::Headers{{"Authorization", "Bearer " + token.toStdString()}, {"X-Bandmate-Protocol", "2"}},
                                 json({{QStringLiteral("device_id"), db->deviceId()}, {QStringLiteral("batch_id"), QStringLiteral("b2")},
                                       {QStringLiteral("changes"), QJsonArray{newer}}, {QStringLiteral("data_format"), 2}}),
                                 "application/json");
    ASSERT_EQ(newerPush->status, 200) << newerPush->body;
    auto oldPull = client.Get("/v1/sync/pull?since=0&limit=500", httplib::Headers{{"Authorization", "Bearer " + token.toStdString()}, {"X-Bandmate-Protocol", "1"}});
    EXPECT_EQ(oldPull->status, 409);
    EXPECT_NE(oldPull->body.find("update Bandmate"), std::string::npos) << oldPull->body;
    auto newPull = client.Get("/v1/sync/pull?since=0&limit=500", httplib::Headers{{"Authorization", "Bearer " + token.toStdString()}, {"X-Bandmate-Protocol", "2"}});
    EXPECT_EQ(newPull->status, 200);
    EXPECT_EQ(bodyOf(newPull)[QStringLiteral("changes")].toArray().size(), pending.size() + 1);
    auto meta = client.Get("/v1/sync/meta", auth);
    EXPECT_EQ(bodyOf(meta)[QStringLiteral("data_format")].toInt(), 2);
    auto future = client.Get("/v1/sync/meta", httplib::Headers{{"Authorization", "Bearer " + token.toStdString()}, {"X-Bandmate-Protocol", "99"}});
    EXPECT_EQ(future->status, 409);
    EXPECT_EQ(bodyOf(future)[QStringLiteral("code")].toString(), QStringLiteral("protocol_mismatch"));
    EXPECT_EQ(client.Get("/v1/sync/meta", httplib::Headers{{"Authorization", "Bearer forged"}})->status, 401);

    // Bad requests: one JSON error each.
    auto malformed = client.Post("/v1/sync/push", auth, "{\"changes\": [", "application/json");
    EXPECT_EQ(malformed->status, 400);
    EXPECT_EQ(bodyOf(malformed)[QStringLiteral("code")].toString(), QStringLiteral("malformed_json"));
    auto badChange = client.Post("/v1/sync/push", auth, R"({"device_id":"d","batch_id":"x","changes":[{"entity":"nope"}]})", "application/json");
    EXPECT_EQ(badChange->status, 400);
    EXPECT_TRUE(bodyOf(badChange)[QStringLiteral("message")].toString().contains(QStringLiteral("changes[0]")));
    auto huge = client.Post("/v1/sync/push", auth, std::string(1100 * 1024, ' '), "application/json");
    ASSERT_TRUE(huge);
    EXPECT_EQ(huge->status, 413);

    // Tokens and passwords never reach the database file or the log.
    const QByteArray stored = serverDatabaseBytes(serverDb);
    EXPECT_FALSE(stored.contains(token.toUtf8()));
    EXPECT_FALSE(stored.contains("salsa-dura-1978"));
    const QString log = server.stopAndReadLog();
    EXPECT_TRUE(log.contains(QStringLiteral("POST /v1/sync/push 200")));
    EXPECT_FALSE(log.contains(token));
}

TEST_F(ServerTest, TheCommandLineKeepsItsSessionInARealKeychainAndSyncs)
{
    KeyringSession keyring(dir);
    ServerProcess server(serverDatabase(dir));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    const QString studio = dir.file(QStringLiteral("studio.sqlite"));
    auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    core::library::Song song;
    song.title = QStringLiteral("Chan Chan");
    ASSERT_TRUE(core::library::SongRepository(*db).save(song).has_value());
    db.reset();
    // The laptop registers and syncs, the studio signs in and syncs, both dump.
    const auto cli = [&](const QString& database, const QStringList& args, const QByteArray& input = {}) {
        const CliRun run = runCli(QStringList{QStringLiteral("--db"), database, QStringLiteral("--json")} + args, keyring.environment(), 120'000, input);
        EXPECT_EQ(run.exitCode, 0) << args.join(QLatin1Char(' ')).toStdString() << ": " << run.err.toStdString();
        return run.json();
    };
    const QStringList account{QStringLiteral("--server"), url, QStringLiteral("--email"), QStringLiteral("ana@example.com"), QStringLiteral("--password-stdin")};
    const QStringList sync{QStringLiteral("sync"), QStringLiteral("--server"), url};
    EXPECT_TRUE(cli(laptop, QStringList{QStringLiteral("account"), QStringLiteral("register")} + account, "salsa-dura-1978\n")[QStringLiteral("keychain")].toBool());
    EXPECT_GT(cli(laptop, sync)[QStringLiteral("pushed")].toInt(), 0);
    cli(studio, QStringList{QStringLiteral("account"), QStringLiteral("login")} + account, "salsa-dura-1978\n");
    EXPECT_GT(cli(studio, sync)[QStringLiteral("pulled")].toInt(), 0);
    const CliRun laptopDump = runCli({QStringLiteral("--db"), laptop, QStringLiteral("--json"), QStringLiteral("dump")});
    const CliRun studioDump = runCli({QStringLiteral("--db"), studio, QStringLiteral("--json"), QStringLiteral("dump")});
    EXPECT_EQ(laptopDump.out, studioDump.out) << "the two databases converged";
    EXPECT_TRUE(laptopDump.out.contains(QStringLiteral("Chan Chan")));
    // The session lives in the keychain only: not in either database, and the keyring has it.
    EXPECT_FALSE(QDir(dir.file(QStringLiteral("data/keyrings"))).entryList(QDir::Files).isEmpty());
    for (const QString& file : {laptop, studio}) {
        const QByteArray bytes = readAll(file) + readAll(file + QStringLiteral("-wal"));
        EXPECT_FALSE(bytes.contains("salsa-dura-1978"));
        EXPECT_FALSE(bytes.toLower().contains("bearer"));
    }
    // Without any keychain, signing in says so.
    QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
    bare.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    bare.remove(QStringLiteral("DISPLAY"));
    const CliRun noKeychain = runCli(QStringList{QStringLiteral("--db"), dir.file(QStringLiteral("other.sqlite")), QStringLiteral("account"), QStringLiteral("login")} + account,
                                     bare, 60'000, "salsa-dura-1978\n");
    EXPECT_EQ(noKeychain.exitCode, 1);
    EXPECT_TRUE(noKeychain.err.contains(QStringLiteral("kept in memory only"))) << noKeychain.err.toStdString();
}

TEST_F(ServerTest, RefreshTokensRotateAndReuseEndsTheSession)
{
    ServerProcess server(serverDatabase(dir, QStringLiteral("tokens.sqlite")));
    httplib::Client client("127.0.0.1", server.port());
    const QJsonObject credentials{{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("salsa-dura-1978")}};
    ASSERT_EQ(client.Post("/v1/auth/register", json(credentials), "application/json")->status, 201);
    const QJsonObject login = bodyOf(client.Post("/v1/auth/login", json(credentials), "application/json"));
    const QString first = login[QStringLiteral("refresh_token")].toString();
    ASSERT_FALSE(first.isEmpty());
    const auto refresh = [&](const QString& token) {
        return client.Post("/v1/auth/refresh", json({{QStringLiteral("refresh_token"), token}}), "application/json");
    };
    auto rotated = refresh(first);
    ASSERT_EQ(rotated->status, 200);
    const QString second = bodyOf(rotated)[QStringLiteral("refresh_token")].toString();
    const QString access = bodyOf(rotated)[QStringLiteral("access_token")].toString();
    EXPECT_NE(second, first);
    const httplib::Headers auth{{"Authorization", "Bearer " + access.toStdString()}};
    EXPECT_EQ(client.Get("/v1/sync/meta", auth)->status, 200);
    // The spent token again: someone copied it. The whole session ends, the newest token too.
    auto reused = refresh(first);
    EXPECT_EQ(reused->status, 401);
    EXPECT_TRUE(bodyOf(reused)[QStringLiteral("message")].toString().contains(QStringLiteral("two places")));
    EXPECT_EQ(refresh(second)->status, 401);
    EXPECT_EQ(client.Get("/v1/sync/meta", auth)->status, 401);

    // Logout ends a session; a password change ends them all and the old password stops working.
    const QJsonObject again = bodyOf(client.Post("/v1/auth/login", json(credentials), "application/json"));
    ASSERT_EQ(client.Post("/v1/auth/logout", json({{QStringLiteral("refresh_token"), again[QStringLiteral("refresh_token")]}}), "application/json")->status, 204);
    EXPECT_EQ(refresh(again[QStringLiteral("refresh_token")].toString())->status, 401);
    const QJsonObject third = bodyOf(client.Post("/v1/auth/login", json(credentials), "application/json"));
    const httplib::Headers thirdAuth{{"Authorization", "Bearer " + third[QStringLiteral("access_token")].toString().toStdString()}};
    EXPECT_EQ(client.Post("/v1/auth/password", thirdAuth, R"({"old_password":"wrong-wrong-wrong","new_password":"bolero-de-medianoche"})", "application/json")->status, 401);
    EXPECT_EQ(client.Post("/v1/auth/password", thirdAuth, R"({"old_password":"salsa-dura-1978","new_password":"short"})", "application/json")->status, 422);
    EXPECT_EQ(client.Post("/v1/auth/password", thirdAuth, R"({"old_password":"salsa-dura-1978","new_password":"bolero-de-medianoche"})", "application/json")->status, 204);
    EXPECT_EQ(client.Get("/v1/sync/meta", thirdAuth)->status, 401);
    EXPECT_EQ(client.Post("/v1/auth/login", json(credentials), "application/json")->status, 401);
    EXPECT_EQ(client.Post("/v1/auth/login", R"({"email":"ana@example.com","password":"bolero-de-medianoche"})", "application/json")->status, 200);

    // Guessing the password through a (stolen) access token meets the sign-in limits too.
    const QJsonObject fourth = bodyOf(client.Post("/v1/auth/login", R"({"email":"ana@example.com","password":"bolero-de-medianoche"})", "application/json"));
    const httplib::Headers fourthAuth{{"Authorization", "Bearer " + fourth[QStringLiteral("access_token")].toString().toStdString()}};
    int status = 0;
    for (int guess = 0; guess < 12 && status != 429; ++guess) {
        status = client.Post("/v1/auth/password", fourthAuth, R"({"old_password":"guess-guess-guess","new_password":"bolero-de-medianoche"})", "application/json")->status;
    }
    EXPECT_EQ(status, 429);
}

TEST_F(ServerTest, OneAddressHowEverItsAccentsOrDomainAreSpelled)
{
    ServerProcess server(serverDatabase(dir, QStringLiteral("spelling.sqlite")));
    httplib::Client client("127.0.0.1", server.port());
    const auto post = [&](const char* path, const QString& email) {
        return client.Post(path, json({{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("salsa-dura-1978")}}), "application/json")->status;
    };
    // "José" with a composed é, at a domain in Unicode.
    ASSERT_EQ(post("/v1/auth/register", QStringLiteral("Jos\u00E9@B\u00FCcher.example")), 201);
    // The decomposed é and the domain's ASCII (IDNA) form are the same address.
    EXPECT_EQ(post("/v1/auth/register", QStringLiteral("jose\u0301@xn--bcher-kva.example")), 422);
    EXPECT_EQ(post("/v1/auth/login", QStringLiteral("jose\u0301@xn--bcher-kva.example")), 200);
    EXPECT_EQ(post("/v1/auth/login", QStringLiteral(" JOS\u00C9@b\u00FCcher.example ")), 200);
}

TEST_F(ServerTest, TooManySignInAttemptsGet429WithRetryAfter)
{
    ServerProcess server(serverDatabase(dir, QStringLiteral("limits.sqlite")));
    httplib::Client client("127.0.0.1", server.port());
    (void)signInOverHttp(client, "ana@example.com");  // one good attempt counts too
    const std::string wrong = json({{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("guess-guess-guess")}});
    int unauthorized = 0;
    int status = 0;
    std::string retryAfterText;
    for (int i = 0; i < 12 && status != 429; ++i) {
        auto answer = client.Post("/v1/auth/login", wrong, "application/json");
        ASSERT_TRUE(answer);
        status = answer->status;
        unauthorized += status == 401 ? 1 : 0;
        retryAfterText = answer->get_header_value("Retry-After");
    }
    EXPECT_EQ(unauthorized, 9) << "ten attempts per account in 15 minutes";
    EXPECT_EQ(status, 429);
    const int retryAfter = std::atoi(retryAfterText.c_str());
    EXPECT_GT(retryAfter, 0);
    EXPECT_LE(retryAfter, 15 * 60);
    // Another account from the same address is not held back by it.
    auto other = client.Post("/v1/auth/login", json({{QStringLiteral("email"), QStringLiteral("bob@example.com")}, {QStringLiteral("password"), QStringLiteral("guess-guess-guess")}}),
                             "application/json");
    EXPECT_EQ(other->status, 401);
}

TEST_F(ServerTest, AGuesserAtOneAddressCannotLockTheOwnerOutButManyAddressesHitTheAccountsCeiling)
{
    // Behind a proxy (as packaging/server/nginx.conf runs it), so each request names its client.
    ServerProcess server(serverDatabase(dir, QStringLiteral("guessing.sqlite")), {QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1")});
    httplib::Client client("127.0.0.1", server.port());
    const std::string right = json({{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("salsa-dura-1978")}});
    const std::string wrong = json({{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("guess-guess-guess")}});
    const auto from = [&](const std::string& address, const std::string& body) {
        auto answer = client.Post("/v1/auth/login", httplib::Headers{{"X-Forwarded-For", address}}, body, "application/json");
        return answer ? answer->status : 0;
    };
    ASSERT_EQ(client.Post("/v1/auth/register", httplib::Headers{{"X-Forwarded-For", "198.51.100.7"}}, right, "application/json")->status, 201);
    const auto session = client.Post("/v1/auth/login", httplib::Headers{{"X-Forwarded-For", "198.51.100.7"}}, right, "application/json");
    ASSERT_EQ(session->status, 200);

    // 100 wrong passwords from one address: refused there after ten...
    int wrongAnswers = 0;
    int refused = 0;
    for (int i = 0; i < 100; ++i) {
        const int status = from("203.0.113.5", wrong);
        wrongAnswers += status == 401 ? 1 : 0;
        refused += status == 429 ? 1 : 0;
    }
    EXPECT_EQ(wrongAnswers, 10);
    EXPECT_EQ(refused, 90);
    // ...while the owner signs in from home, and the guesser is still refused.
    EXPECT_EQ(from("198.51.100.7", right), 200);
    EXPECT_EQ(from("203.0.113.5", right), 429);

    // Wrong passwords spread over many addresses reach the account's own ceiling (100 an hour,
    // the ten from above among them)...
    int spread = 0;
    int status = 0;
    for (int i = 1; i < 200 && status != 429; ++i) {
        status = from("192.0.2." + std::to_string(i), wrong);
        spread += status == 401 ? 1 : 0;
    }
    EXPECT_EQ(status, 429);
    EXPECT_EQ(spread, 100 - 10) << "the ceiling counts wrong passwords that got past their address's own limit";
    // ...which holds for a new address, the owner's too, but not for a computer that signed in before.
    EXPECT_EQ(from("198.51.100.8", right), 429);
    EXPECT_EQ(from("198.51.100.7", right), 200);
    // Not an address: refused before any count (an "id:…" key is the password change's).
    EXPECT_EQ(from("198.51.100.9", json({{QStringLiteral("email"), QString(300, QLatin1Char('a')) + QStringLiteral("@example.com")},
                                         {QStringLiteral("password"), QStringLiteral("guess-guess-guess")}})), 401);
    // A computer that already has a session keeps syncing: a refresh is not a sign-in.
    const auto refreshed = client.Post("/v1/auth/refresh", json({{QStringLiteral("refresh_token"), bodyOf(session)[QStringLiteral("refresh_token")]}}), "application/json");
    EXPECT_EQ(refreshed->status, 200);
}

TEST_F(ServerTest, ClosedRegistrationAndBadArguments)
{
    ServerProcess server(serverDatabase(dir, QStringLiteral("closed.sqlite")), {QStringLiteral("--registration"), QStringLiteral("closed")});
    httplib::Client client("127.0.0.1", server.port());
    auto refused = client.Post("/v1/auth/register", R"({"email":"a@b.cd","password":"long enough pw"})", "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    QProcess bad;
    bad.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")});
    ASSERT_TRUE(bad.waitForFinished(10'000));
    EXPECT_EQ(bad.exitCode(), 2);
    EXPECT_TRUE(QString::fromUtf8(bad.readAllStandardError()).startsWith(QStringLiteral("bandmate-server: --listen: expected HOST:PORT")));
}

/// Two bandmate-server processes on one database, and an account signed in on the first.
struct TwoServers {
    explicit TwoServers(const QString& location)
        : first(location), second(location), one("127.0.0.1", first.port()), two("127.0.0.1", second.port()), token(signInOverHttp(one, "ana@example.com"))
    {
    }
    ServerProcess first;
    ServerProcess second;
    httplib::Client one;
    httplib::Client two;
    QString token;
};

/// A song added on a laptop of the account, synced through the server at `port`.
void syncASong(const TempDir& dir, int port, const QString& token)
{
    auto laptop = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    core::library::Song song;
    song.title = QStringLiteral("Juanito Alimaña");
    ASSERT_TRUE(core::library::SongRepository(*laptop).save(song).has_value());
    ASSERT_TRUE(expectSyncs(*laptop, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), token));
}

/// A second session of Ana's, signed in through `signIn`, whose event stream on the server at
/// `port` is read on a thread of its own.
class SessionStream {
public:
    SessionStream(httplib::Client& signIn, int port) : m_client("127.0.0.1", port)
    {
        auto login = signIn.Post("/v1/auth/login",
                                 json({{QStringLiteral("email"), QStringLiteral("ana@example.com")}, {QStringLiteral("password"), QStringLiteral("salsa-dura-1978")}}),
                                 "application/json");
        EXPECT_TRUE(login && login->status == 200);
        const QString token = login ? bodyOf(login)[QStringLiteral("access_token")].toString() : QString();
        refreshToken = login ? bodyOf(login)[QStringLiteral("refresh_token")].toString() : QString();
        m_client.set_read_timeout(30, 0);
        m_listener = std::thread([this, token] {
            (void)m_client.Get("/v1/sync/events", {{"Authorization", "Bearer " + token.toStdString()}}, [this](const char* data, size_t length) {
                const std::lock_guard lock(m_mutex);
                m_heard.append(data, length);
                return true;
            });
            ended = true;
        });
    }
    /// Closes the stream if it is still open (a test that failed before its server ended it;
    /// the server's heartbeats would keep it open for as long as its token lasts).
    ~SessionStream()
    {
        if (!ended) {
            m_client.stop();
        }
        join();
    }
    SessionStream(const SessionStream&) = delete;
    SessionStream& operator=(const SessionStream&) = delete;

    [[nodiscard]] std::string heard() const
    {
        const std::lock_guard lock(m_mutex);
        return m_heard;
    }
    /// Whether `text` came within `within`.
    [[nodiscard]] bool waitFor(const std::string& text, std::chrono::seconds within) const
    {
        const auto until = std::chrono::steady_clock::now() + within;
        while (heard().find(text) == std::string::npos && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return heard().find(text) != std::string::npos;
    }
    /// Waits for the stream to end (its server must end it).
    void join()
    {
        if (m_listener.joinable()) {
            m_listener.join();
        }
    }

    QString refreshToken;
    std::atomic<bool> ended{false};

private:
    httplib::Client m_client;
    mutable std::mutex m_mutex;
    std::string m_heard;
    std::thread m_listener;
};

TEST_F(ServerTest, APushOnOneServerReachesTheEventStreamsOfAnotherOnTheSamePostgreSQL)
{
    const QString location = serverDatabase(dir, QStringLiteral("relay.sqlite"));
    if (!location.startsWith(QLatin1String("postgresql://"))) {
        GTEST_SKIP() << "one server process per SQLite database: nothing to relay (the PostgreSQL run covers it)";
    }
    TwoServers servers(location);
    auto& [first, second, one, two, token] = servers;
    const httplib::Headers auth{{"Authorization", "Bearer " + token.toStdString()}};

    // A stream on the second server...
    std::string heard;
    std::thread listener([&] {
        httplib::Client client("127.0.0.1", second.port());
        client.set_read_timeout(15, 0);
        (void)client.Get("/v1/sync/events", auth, [&](const char* data, size_t length) {
            heard.append(data, length);
            return heard.find("event: head") == std::string::npos;
        });
    });
    for (int i = 0; i < 200; ++i) {
        const auto metrics = two.Get("/metrics");
        if (metrics && metrics->body.find("\nbandmate_sse_subscribers 1") != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    // ...hears of a push taken by the first (NOTIFY with the topic; the second re-reads the head).
    syncASong(dir, first.port(), token);
    listener.join();
    const std::string head = std::to_string(bodyOf(one.Get("/v1/sync/meta", auth))[QStringLiteral("head_seq")].toInteger());
    EXPECT_NE(heard.find("event: head\ndata: {\"head_seq\":" + head + "}"), std::string::npos) << heard;
}

TEST_F(ServerTest, TheRelayListensAgainWhenPostgreSQLDropsItsConnectionAndASignOutEndsStreamsOnEveryServerEvenWhileItWasAway)
{
    const QString location = serverDatabase(dir, QStringLiteral("relay.sqlite"));
    if (!location.startsWith(QLatin1String("postgresql://"))) {
        GTEST_SKIP() << "one server process per SQLite database: nothing to relay (the PostgreSQL run covers it)";
    }
    TwoServers servers(location);
    auto& [first, second, one, two, token] = servers;
    // A stream on the second server, opened with its own session.
    SessionStream stream(one, second.port());
    ASSERT_TRUE(stream.waitFor("retry: 3000", std::chrono::seconds(10)));

    // PostgreSQL drops both servers' listening connections (a restart, a failover, an
    // administrator): they listen again, and what changed meanwhile still reaches the stream.
    {
        auto db = sync::openServerDatabase(QStringLiteral("administrator"), location, {});
        ASSERT_TRUE(db.has_value());
        QSqlQuery terminate(*db);
        ASSERT_TRUE(terminate.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '%1' "
                                                  "AND datname = current_database()")
                                       .arg(QLatin1String(sync::TopicRelay::kApplicationName))));
        ASSERT_TRUE(terminate.next());
        EXPECT_EQ(terminate.value(0).toInt(), 2);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("administrator"));
    syncASong(dir, first.port(), token);
    const std::string head = std::to_string(bodyOf(one.Get("/v1/sync/meta", {{"Authorization", "Bearer " + token.toStdString()}}))[QStringLiteral("head_seq")].toInteger());
    EXPECT_TRUE(stream.waitFor("event: head\ndata: {\"head_seq\":" + head + "}", std::chrono::seconds(15))) << stream.heard();

    // Signing that session out on the first server ends its stream on the second.
    auto out = one.Post("/v1/auth/logout", json({{QStringLiteral("refresh_token"), stream.refreshToken}}), "application/json");
    ASSERT_TRUE(out && out->status == 204);
    EXPECT_TRUE(stream.waitFor(": the session ended", std::chrono::seconds(10))) << stream.heard();
    stream.join();
    EXPECT_TRUE(stream.ended);

    // Another session's stream on the second server; then the relays lose their connections and
    // cannot come back for a while (the database takes no new connections; the servers' workers
    // keep theirs): signing that session out on the first reaches nobody on the second...
    SessionStream later(one, second.port());
    ASSERT_TRUE(later.waitFor("retry: 3000", std::chrono::seconds(10)));
    const QString administrator = QStringLiteral("administrator-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlQuery query(sync::openServerDatabase(administrator, postgresCluster(), {}).value());  // from another database
    const QString database = QUrl(location).path().mid(1);
    ASSERT_TRUE(query.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(database))) << query.lastError().text().toStdString();
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '%1' AND datname = '%2'")
                               .arg(QLatin1String(sync::TopicRelay::kApplicationName), database)) &&
                query.next());
    EXPECT_EQ(query.value(0).toInt(), 2);
    auto signedOut = one.Post("/v1/auth/logout", json({{QStringLiteral("refresh_token"), later.refreshToken}}), "application/json");
    ASSERT_TRUE(signedOut && signedOut->status == 204);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(later.heard().find(": the session ended"), std::string::npos) << "heard while the relay was away?";
    // ...until its relay listens again: it finds the session gone and ends the stream.
    ASSERT_TRUE(query.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(database))) << query.lastError().text().toStdString();
    EXPECT_TRUE(later.waitFor(": the session ended", std::chrono::seconds(15))) << later.heard();
    const QString log = second.stopAndReadLog();  // (which ends the stream if it stayed open)
    later.join();
    query = QSqlQuery();
    QSqlDatabase::removeDatabase(administrator);
    EXPECT_NE(log.indexOf(QLatin1String("live updates from other servers: listening again")), -1);
}

TEST_F(ServerTest, TwoServerProcessesOnOneDatabaseServeClientsAlternately)
{
    // Two bandmate-server processes share one database (PostgreSQL under with-postgres.sh, an
    // SQLite file otherwise): no state lives outside it.
    const QString location = serverDatabase(dir, QStringLiteral("shared.sqlite"));
    ServerProcess first(location);
    ServerProcess second(location);
    httplib::Client one("127.0.0.1", first.port());
    httplib::Client two("127.0.0.1", second.port());
    const QString token = signInOverHttp(one, "ana@example.com");  // signed in on one, used on both
    const QUrl urls[] = {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(first.port())), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(second.port()))};

    // Both servers take pushes for one user at the same moment: the user's sequence stays one
    // gapless line, so a pull from either server misses nothing.
    const httplib::Headers auth{{"Authorization", "Bearer " + token.toStdString()}};
    const auto pushes = [&](httplib::Client& client, const QString& device, int batches) {
        for (int b = 0; b < batches; ++b) {
            QJsonArray changes;
            for (int c = 0; c < 20; ++c) {
                const core::FieldChange change{QStringLiteral("song"), QStringLiteral("%1-%2-%3").arg(device).arg(b).arg(c), QStringLiteral("title"),
                                               QStringLiteral("Montuno %1").arg(c), {core::Hlc{QDateTime::currentMSecsSinceEpoch(), 0}, device}};
                changes.append(sync::changeToJson(change));
            }
            auto pushed = client.Post("/v1/sync/push", auth,
                                      json({{QStringLiteral("device_id"), device}, {QStringLiteral("batch_id"), QStringLiteral("%1-%2").arg(device).arg(b)},
                                            {QStringLiteral("changes"), changes}}),
                                      "application/json");
            EXPECT_TRUE(pushed && pushed->status == 200) << (pushed ? pushed->body : "no answer");
        }
    };
    std::thread left([&] { pushes(one, QStringLiteral("left"), 15); });
    std::thread right([&] { pushes(two, QStringLiteral("right"), 15); });
    left.join();
    right.join();
    QJsonArray back;
    for (int page = 0; page < 10 && back.size() < 600; ++page) {
        auto pulled = (page % 2 == 0 ? two : one).Get("/v1/sync/pull?since=" + std::to_string(back.size()) + "&limit=500", auth);
        ASSERT_TRUE(pulled && pulled->status == 200) << (pulled ? pulled->body : "no answer");
        for (const auto& change : bodyOf(pulled)[QStringLiteral("changes")].toArray()) {
            back.append(change);
        }
    }
    ASSERT_EQ(back.size(), 600);
    for (qsizetype i = 0; i < back.size(); ++i) {
        ASSERT_EQ(back[i].toObject()[QStringLiteral("seq")].toInteger(), i + 1) << "sequence numbers from 1 without gaps or repeats";
    }

    // Three computers edit offline and sync through the two servers in turn; a final round on
    // each leaves identical data everywhere.
    std::vector<std::unique_ptr<core::Database>> computers;
    for (const char* name : {"laptop.sqlite", "studio.sqlite", "stage.sqlite"}) {
        computers.push_back(openTestDatabase(dir, QString::fromLatin1(name)));
        ASSERT_NE(computers.back(), nullptr);
    }
    for (int round = 0; round < 4; ++round) {
        for (size_t c = 0; c < computers.size(); ++c) {
            core::library::SongRepository songs(*computers[c]);
            core::library::Song song;
            song.title = QStringLiteral("Round %1 from computer %2").arg(round).arg(c);
            song.bpm = 90 + round * 10 + static_cast<int>(c);
            ASSERT_TRUE(songs.save(song).has_value());
            auto all = songs.search(QString(), 5000).value();
            if (!all.isEmpty()) {
                core::library::Song edited = all.at((round * 7 + static_cast<int>(c)) % all.size());
                edited.notes = QStringLiteral("edited in round %1 on computer %2").arg(round).arg(c);
                ASSERT_TRUE(songs.save(edited).has_value());
            }
            auto report = syncRound(*computers[c], urls[(round + c) % 2], token);
            ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(report)) << std::get<QString>(report).toStdString();
        }
    }
    for (size_t c = 0; c < computers.size(); ++c) {
        ASSERT_TRUE(std::holds_alternative<sync::SyncReport>(syncRound(*computers[c], urls[c % 2], token)));
    }
    const QByteArray reference = dumpOf(*computers[0]);
    for (size_t c = 1; c < computers.size(); ++c) {
        EXPECT_EQ(dumpOf(*computers[c]), reference) << "computer " << c;
    }
    EXPECT_TRUE(reference.contains("Round 3 from computer 2"));
    EXPECT_EQ(core::library::SongRepository(*computers[0]).search(QStringLiteral("title:round"), 5000)->size(), 12)
        << "every computer's songs, on every computer";
}

TEST_F(ServerTest, TheCommandLineAsksBeforeAMassDeleteAndTakesTheAnswerAsAFlag)
{
    KeyringSession keyring(dir);
    ServerProcess server(serverDatabase(dir));
    const QString url = server.url().toString();
    const QString laptop = dir.file(QStringLiteral("laptop.sqlite"));
    const QString studio = dir.file(QStringLiteral("studio.sqlite"));
    QStringList ids;
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        ids = addSongs(*db, 40, QStringLiteral("Bolero"));
    }
    const auto cli = [&](const QString& database, const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--db"), database, QStringLiteral("--json")} + args, keyring.environment(), 120'000, input);
    };
    const QStringList account{QStringLiteral("--server"), url, QStringLiteral("--email"), QStringLiteral("ana@example.com"), QStringLiteral("--password-stdin")};
    const QStringList sync{QStringLiteral("sync"), QStringLiteral("--server"), url};
    ASSERT_EQ(cli(laptop, QStringList{QStringLiteral("account"), QStringLiteral("register")} + account, "salsa-dura-1978\n").exitCode, 0);
    ASSERT_EQ(cli(laptop, sync).exitCode, 0);
    ASSERT_EQ(cli(studio, QStringList{QStringLiteral("account"), QStringLiteral("login")} + account, "salsa-dura-1978\n").exitCode, 0);
    ASSERT_EQ(cli(studio, sync).exitCode, 0);
    {
        auto db = core::Database::open(studio).value();
        for (int i = 0; i < 30; ++i) {
            ASSERT_TRUE(core::library::SongRepository(*db).remove(ids[i]).has_value());
        }
    }
    ASSERT_EQ(cli(studio, sync).exitCode, 0);

    // The laptop is asked: exit 1, the question on stderr, the songs still there.
    const CliRun asked = cli(laptop, sync);
    EXPECT_EQ(asked.exitCode, 1);
    EXPECT_EQ(asked.json()[QStringLiteral("held_deletes")].toInt(), 30);
    EXPECT_TRUE(asked.err.contains(QStringLiteral("would delete 30 of your 40 songs"))) << asked.err.toStdString();
    EXPECT_EQ(liveSongs(*core::Database::open(laptop).value()), 40);
    const CliRun both = cli(laptop, sync + QStringList{QStringLiteral("--allow-mass-delete"), QStringLiteral("--restore-deleted")});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_TRUE(both.err.contains(QStringLiteral("not both"))) << both.err.toStdString();

    // Keep them: they come back on the studio too.
    const CliRun kept = cli(laptop, sync + QStringList{QStringLiteral("--restore-deleted")});
    EXPECT_EQ(kept.exitCode, 0) << kept.err.toStdString();
    EXPECT_GE(kept.json()[QStringLiteral("pushed")].toInt(), 30);
    ASSERT_EQ(cli(studio, sync).exitCode, 0);
    EXPECT_EQ(liveSongs(*core::Database::open(studio).value()), 40);

    // Deleted again, and this time the laptop says yes.
    {
        auto db = core::Database::open(studio).value();
        for (int i = 0; i < 30; ++i) {
            ASSERT_TRUE(core::library::SongRepository(*db).remove(ids[i]).has_value());
        }
    }
    ASSERT_EQ(cli(studio, sync).exitCode, 0);
    const CliRun allowed = cli(laptop, sync + QStringList{QStringLiteral("--allow-mass-delete")});
    EXPECT_EQ(allowed.exitCode, 0) << allowed.err.toStdString();
    EXPECT_EQ(allowed.json()[QStringLiteral("held_deletes")].toInt(), 0);
    EXPECT_EQ(liveSongs(*core::Database::open(laptop).value()), 10);
    EXPECT_EQ(cli(laptop, {QStringLiteral("dump")}).out, cli(studio, {QStringLiteral("dump")}).out);
}

}  // namespace
}  // namespace bandmate::test
