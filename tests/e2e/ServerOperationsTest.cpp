// Running bandmate-server as an operator would: HTTPS with its own certificate, limits on the
// sync endpoints, and a database restored from an older backup (a new epoch), after which the
// clients send everything again and nothing they hold is lost.
#include "core/library/Songs.h"
#include "sync/protocol/ChangeJson.h"
#include "core/sync/ChangeTracker.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace bandmate::test {
namespace {

using core::library::Song;
using core::library::SongRepository;

QString addSong(core::Database& db, const QString& title, const QString& notes = {})
{
    Song song;
    song.title = title;
    song.notes = notes;
    return SongRepository(db).save(song).value();
}

TEST(ServerOperationsTest, ServesHttpsWithItsOwnCertificate)
{
    TempDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), dir.file(QStringLiteral("key.pem")), QStringLiteral("-out"), dir.file(QStringLiteral("cert.pem"))});
    ASSERT_TRUE(openssl.waitForFinished(60'000) && openssl.exitCode() == 0) << openssl.readAllStandardError().toStdString();

    const QString location = serverDatabase(dir);
    ServerProcess server(location, {QStringLiteral("--tls-cert"), dir.file(QStringLiteral("cert.pem")), QStringLiteral("--tls-key"), dir.file(QStringLiteral("key.pem"))});
    httplib::SSLClient tls("127.0.0.1", server.port());
    tls.set_ca_cert_path(dir.file(QStringLiteral("cert.pem")).toStdString().c_str());
    tls.enable_server_certificate_verification(true);
    auto health = tls.Get("/v1/health");
    ASSERT_TRUE(health) << "TLS handshake against the server's certificate";
    EXPECT_EQ(health->status, 200);
    const QString token = signInOverHttp(tls, "ana@example.com");
    ASSERT_FALSE(token.isEmpty());
    // A body over the limit over TLS: the client reads the 413 (the rest of its body is read and
    // dropped first, not answered with a reset).
    const auto huge = tls.Post("/v1/sync/push", std::string(2 * 1024 * 1024, ' '), "application/json");
    ASSERT_TRUE(huge) << "an answer, not a broken connection";
    EXPECT_EQ(huge->status, 413);
    httplib::Client plain("127.0.0.1", server.port());
    plain.set_read_timeout(2, 0);
    EXPECT_FALSE(plain.Get("/v1/health")) << "no plain HTTP on a TLS port";

    // The app's own client over HTTPS, trusting this certificate.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    const QSslConfiguration before = trusting;
    trusting.addCaCertificates(QSslCertificate::fromPath(dir.file(QStringLiteral("cert.pem"))));
    QSslConfiguration::setDefaultConfiguration(trusting);
    auto laptop = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    addSong(*laptop, QStringLiteral("Sobre las olas"));
    QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    ASSERT_TRUE(expectSyncs(*laptop, url, token));
    QSslConfiguration::setDefaultConfiguration(before);
    EXPECT_TRUE(server.stopAndReadLog().contains(QStringLiteral("POST /v1/sync/push 200")));

    // A certificate that cannot be read, or half of the pair: one clear message, no server.
    QProcess bad;
    bad.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--db"), serverDatabaseArgument(location), QStringLiteral("--listen"),
                                                QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), dir.file(QStringLiteral("missing.pem")),
                                                QStringLiteral("--tls-key"), dir.file(QStringLiteral("key.pem"))});
    ASSERT_TRUE(bad.waitForFinished(10'000));
    EXPECT_EQ(bad.exitCode(), 1);
    EXPECT_TRUE(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("cannot read the TLS certificate and key")));
    bad.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--tls-cert"), dir.file(QStringLiteral("cert.pem"))});
    ASSERT_TRUE(bad.waitForFinished(10'000));
    EXPECT_EQ(bad.exitCode(), 2);
    EXPECT_TRUE(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("--tls-cert and --tls-key go together")));
}

TEST(ServerOperationsTest, SyncRequestsOverTheLimitGet429WithRetryAfter)
{
    TempDir dir;
    // 60 a minute: a burst of 30, then one a second.
    ServerProcess server(serverDatabase(dir), {QStringLiteral("--sync-limit"), QStringLiteral("60")});
    httplib::Client client("127.0.0.1", server.port());
    const httplib::Headers ana{{"Authorization", "Bearer " + signInOverHttp(client, "ana@example.com").toStdString()}};
    const httplib::Headers bob{{"Authorization", "Bearer " + signInOverHttp(client, "bob@example.com").toStdString()}};
    int ok = 0;
    std::optional<httplib::Response> refused;
    for (int i = 0; i < 40 && !refused; ++i) {
        auto answer = client.Get("/v1/sync/meta", ana);
        ASSERT_TRUE(answer);
        if (answer->status == 200) {
            ++ok;
        } else {
            refused = *answer;
        }
    }
    ASSERT_TRUE(refused) << "the limit was never reached";
    EXPECT_GE(ok, 30);
    EXPECT_LE(ok, 32) << "a burst of 30 and what refilled meanwhile";
    EXPECT_EQ(refused->status, 429);
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(refused->body)).object()[QStringLiteral("code")].toString(), QStringLiteral("too_many_requests"));
    const int retryAfter = std::atoi(refused->get_header_value("Retry-After").c_str());
    EXPECT_GE(retryAfter, 1);
    EXPECT_LE(retryAfter, 2);
    EXPECT_EQ(client.Get("/v1/sync/meta", bob)->status, 200) << "another account has its own allowance";
}

TEST(ServerOperationsTest, BehindATrustedProxyEachClientHasItsOwnAddressLimit)
{
    // --sync-limit 1: a burst of 5 requests per address. Requests with a token nobody has are
    // counted per address before they are refused as 401.
    const httplib::Headers stranger{{"Authorization", "Bearer not-a-token"}};
    const auto statusFrom = [&](httplib::Client& client, const char* address) {
        httplib::Headers headers = stranger;
        headers.emplace("X-Forwarded-For", address);
        auto answer = client.Get("/v1/sync/meta", headers);
        return answer ? answer->status : -1;
    };
    for (const bool trusted : {true, false}) {
        TempDir dir;
        QStringList arguments{QStringLiteral("--sync-limit"), QStringLiteral("1")};
        if (trusted) {
            arguments << QStringLiteral("--trusted-proxy") << QStringLiteral("127.0.0.1");
        }
        ServerProcess server(serverDatabase(dir), arguments);
        httplib::Client client("127.0.0.1", server.port());
        int refused = 0;
        for (int i = 0; i < 8; ++i) {
            refused += statusFrom(client, "203.0.113.7") == 429 ? 1 : 0;
        }
        EXPECT_GE(refused, 2) << "one client over its limit";
        // Another client behind the same proxy: its own limit when the proxy is trusted; the
        // header is anyone's to write when it is not, and then only the connection counts.
        EXPECT_EQ(statusFrom(client, "198.51.100.9"), trusted ? 401 : 429) << (trusted ? "trusted" : "not trusted");
        // A client cannot name another address through a trusted proxy: the proxy appends what it saw.
        if (trusted) {
            EXPECT_EQ(statusFrom(client, "198.51.100.9, 203.0.113.7"), 429) << "the last address before the proxy counts";
        }
    }
}

TEST(ServerOperationsTest, APushPastTheAccountsQuotaGets413AndStoresNothing)
{
    TempDir dir;
    ServerProcess server(serverDatabase(dir), {QStringLiteral("--field-quota"), QStringLiteral("5")});
    httplib::Client client("127.0.0.1", server.port());
    const httplib::Headers ana{{"Authorization", "Bearer " + signInOverHttp(client, "ana@example.com").toStdString()}};
    auto db = openTestDatabase(dir, QStringLiteral("client.sqlite"));
    Song song;
    song.title = QStringLiteral("Pedro Navaja");
    ASSERT_TRUE(SongRepository(*db).save(song).has_value());
    const auto pending = core::ChangeTracker(*db).pending(500);
    ASSERT_TRUE(pending.has_value());
    QJsonArray changes;
    for (const auto& change : *pending) {
        changes.append(sync::changeToJson(change));
    }
    ASSERT_GT(changes.size(), 5);
    auto pushed = client.Post("/v1/sync/push", ana,
                              json({{QStringLiteral("device_id"), db->deviceId()}, {QStringLiteral("batch_id"), QStringLiteral("b1")}, {QStringLiteral("changes"), changes}}),
                              "application/json");
    ASSERT_TRUE(pushed);
    EXPECT_EQ(pushed->status, 413) << pushed->body;
    const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(pushed->body)).object();
    EXPECT_EQ(answer[QStringLiteral("code")].toString(), QStringLiteral("quota"));
    EXPECT_TRUE(answer[QStringLiteral("message")].toString().contains(QStringLiteral("at most 5"))) << pushed->body;
    auto pulled = client.Get("/v1/sync/pull?since=0&limit=500", ana);
    ASSERT_TRUE(pulled);
    EXPECT_TRUE(QJsonDocument::fromJson(QByteArray::fromStdString(pulled->body)).object()[QStringLiteral("changes")].toArray().isEmpty());
}

TEST(ServerOperationsTest, AServerRestoredFromAnOlderBackupGetsEverythingBackFromItsClients)
{
    TempDir dir;
    const QString location = serverDatabase(dir);
    ServerProcess server(location);
    httplib::Client http("127.0.0.1", server.port());
    const QString token = signInOverHttp(http, "ana@example.com");
    auto laptop = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    const QString first = addSong(*laptop, QStringLiteral("Idilio"));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));

    // The nightly backup, then a day of work on both computers.
    server.stop();
    const QString backup = copyServerDatabase(location, dir, QStringLiteral("backup.sqlite"));
    server.start(location);
    Song edited = SongRepository(*laptop).get(first).value();
    edited.notes = QStringLiteral("capo 2, the long intro");
    ASSERT_TRUE(SongRepository(*laptop).save(edited).has_value());
    addSong(*laptop, QStringLiteral("Ausencia"));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    addSong(*studio, QStringLiteral("Lamento borincano"));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    const QByteArray before = dumpOf(*laptop);
    ASSERT_EQ(dumpOf(*studio), before);

    // The server's disk dies; the operator restores last night's backup and gives it a new epoch.
    server.kill();
    const QString restored = copyServerDatabase(backup, dir, QStringLiteral("restored.sqlite"));
    QProcess renew;
    renew.start(QStringLiteral(BANDMATE_SERVER), {QStringLiteral("--db"), serverDatabaseArgument(restored), QStringLiteral("--new-epoch")});
    ASSERT_TRUE(renew.waitForFinished(30'000));
    ASSERT_EQ(renew.exitCode(), 0) << renew.readAllStandardError().toStdString();
    EXPECT_TRUE(QString::fromUtf8(renew.readAllStandardOutput()).startsWith(QStringLiteral("new epoch ")));
    server.start(restored);

    // Both computers notice, send everything again and merge: nothing is lost, nothing doubled,
    // and a new computer gets all of it.
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    ASSERT_TRUE(expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(expectSyncs(*studio, server.url(), token));
    EXPECT_EQ(dumpOf(*laptop), before);
    EXPECT_EQ(dumpOf(*studio), before);
    auto stage = openTestDatabase(dir, QStringLiteral("stage.sqlite"));
    ASSERT_TRUE(expectSyncs(*stage, server.url(), token));
    EXPECT_EQ(dumpOf(*stage), before);
    EXPECT_EQ(SongRepository(*stage).get(first)->notes, QStringLiteral("capo 2, the long intro"));
    EXPECT_EQ(SongRepository(*stage).search(QString(), 100)->size(), 3);
}

}  // namespace
}  // namespace bandmate::test
