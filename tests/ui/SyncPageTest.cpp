// The Sync page against the real HTTP server in this process: create an account, sync, see the
// result in plain words, sign out. (No keychain in the test process: the page says so.)
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "sync/client/AccountClient.h"
#include "sync/client/CredentialStore.h"
#include "sync/client/SessionLock.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/LocalServer.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"
#include "ui/shell/Settings.h"
#include "ui/sync/ConflictList.h"
#include "ui/sync/SyncPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Pages.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProcess>
#include <QPushButton>

#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

TEST(SyncPageTest, CreateAnAccountSyncAndSignOut)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    core::library::Song song;
    song.title = QStringLiteral("Quimbara");
    ASSERT_TRUE(core::library::SongRepository(*db).save(song).has_value());
    test::LocalServer server(dir.file(QStringLiteral("server.sqlite")));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage page(*db, settings);
    page.show();
    EXPECT_FALSE(page.isSignedIn());
    EXPECT_TRUE(page.statusText().startsWith(QStringLiteral("Not signed in.")));

    EXPECT_FALSE(page.signIn(QStringLiteral("not a url"), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("server's address")));
    EXPECT_FALSE(page.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("short"), true));
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("10 characters")));

    QSignalSpy finished(&page, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(page.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    EXPECT_TRUE(page.isSignedIn());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.first().first().toBool());
    EXPECT_TRUE(page.statusText().contains(QStringLiteral("sent"))) << page.statusText().toStdString();
    // The round showed its progress and put it away at the end.
    auto* progress = page.findChild<QProgressBar*>(QStringLiteral("syncProgress"));
    ASSERT_NE(progress, nullptr);
    EXPECT_GT(progress->maximum(), 1);
    EXPECT_EQ(progress->value(), progress->maximum()) << "its own song sent and pulled back";
    EXPECT_TRUE(progress->isHidden());
    EXPECT_EQ(settings.syncServer(), server.url().toString());
    EXPECT_FALSE(store.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("token"), Qt::CaseInsensitive));
    store.sync();
    EXPECT_FALSE(test::readAll(dir.file(QStringLiteral("settings.ini"))).contains("salsa-dura-1978"));

    page.signOut();
    EXPECT_FALSE(page.isSignedIn());
    EXPECT_FALSE(page.syncNow());
}

TEST(SyncPageTest, SyncNowWhileARefreshIsOnItsWaySendsNoSecondRefreshAndStaysSignedIn)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    test::LocalServer server(dir.file(QStringLiteral("server.sqlite")));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage page(*db, settings);
    QSignalSpy finished(&page, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(page.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(finished.wait(20'000));
    finished.clear();
    // Ctrl+R (or the edit timer) comes while the refresh of a round waits for its answer: the
    // same refresh token sent twice would end the session on the server.
    std::optional<bool> second;
    QTimer::singleShot(0, &page, [&] { second = page.syncNow(); });
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_TRUE(second.has_value());
    EXPECT_FALSE(*second) << "one refresh in flight at a time";
    EXPECT_TRUE(finished.first().first().toBool()) << page.statusText().toStdString();
    EXPECT_TRUE(page.isSignedIn());
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.first().first().toBool()) << "the session still works";

    // Another program holds the session lock: the page waits for it, then syncs by itself.
    {
        sync::SessionLock other(server.url().toString());
        ASSERT_TRUE(other.tryLock());
        finished.clear();
        EXPECT_FALSE(page.syncNow());
        EXPECT_TRUE(page.statusText().contains(QStringLiteral("Waiting for another Bandmate"))) << page.statusText().toStdString();
        QTest::qWait(1500);
        EXPECT_TRUE(finished.isEmpty()) << "nothing traded while the other program holds the session";
    }
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.first().first().toBool());

    // Signing out while a refresh is on its way: its answer does not sign the page back in.
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    page.signOut();
    QTest::qWait(1000);
    EXPECT_FALSE(page.isSignedIn());
    EXPECT_TRUE(finished.isEmpty()) << "no round after signing out";
}

/// A TCP relay in front of the server that can hold what passes: from hold() to release() the
/// server seems not to answer (a machine that hangs, a slow network), then everything goes on.
class HoldingRelay : public QObject {
public:
    explicit HoldingRelay(quint16 target) : m_target(target)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* client = m_listener.nextPendingConnection()) {
                auto* upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                m_pairs.append(std::make_pair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
                connect(client, &QTcpSocket::readyRead, this, [this] { pump(); });
                connect(upstream, &QTcpSocket::readyRead, this, [this] { pump(); });
                connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            }
        });
    }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_listener.serverPort())); }
    void hold() { m_held = true; }
    void release()
    {
        m_held = false;
        pump();
    }
    /// From now on every request is cut off (a network that drops): the app gets an error at once.
    void cutOff(bool cut) { m_cut = cut; }
    /// The answer to the next session trade (POST /v1/auth/refresh) is thrown away and its
    /// connection cut: the server did the work; the app never hears of it.
    /// `thenCut`: and every request after it is cut off too (Qt's own second try included).
    void dropNextTradeAnswer(bool thenCut = false)
    {
        m_dropAnswer = true;
        m_cutAfterDrop = thenCut;
    }

private:
    void pump()
    {
        if (m_cut) {
            for (const auto& [client, upstream] : m_pairs) {
                if (client && client->bytesAvailable() > 0) {
                    client->abort();
                }
            }
            return;
        }
        if (m_held) {
            return;  // the bytes wait in the sockets
        }
        for (const auto& [client, upstream] : m_pairs) {
            if (client && upstream && m_dropAnswer && m_trading.contains(QPointer<QTcpSocket>(upstream)) && upstream->bytesAvailable() > 0) {
                m_dropAnswer = false;
                m_cut = m_cutAfterDrop;
                (void)upstream->readAll();
                client->abort();
                continue;
            }
            if (client && upstream) {
                if (client->bytesAvailable() > 0) {
                    const QByteArray request = client->readAll();
                    if (request.startsWith("POST /v1/auth/refresh ")) {
                        m_trading.append(QPointer<QTcpSocket>(upstream));
                    } else if (request.startsWith("GET ") || request.startsWith("POST ")) {
                        m_trading.removeAll(QPointer<QTcpSocket>(upstream));
                    }
                    upstream->write(request);
                }
                if (upstream->bytesAvailable() > 0) {
                    client->write(upstream->readAll());
                }
            }
        }
    }

    quint16 m_target;
    QTcpServer m_listener;
    QList<std::pair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
    bool m_held = false;
    bool m_cut = false;
    bool m_dropAnswer = false;
    bool m_cutAfterDrop = false;
    QList<QPointer<QTcpSocket>> m_trading;  ///< upstreams whose last request was a session trade
};

TEST(SyncPageTest, QuittingHidesTheWindowAtOnceAndStillKeepsASessionTradedOnTheWay)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    test::LocalServer server(dir.file(QStringLiteral("server.sqlite")));
    HoldingRelay relay(static_cast<quint16>(server.port()));
    ui::MainWindow window(*db, settings);
    window.show();
    auto* page = qobject_cast<ui::SyncPage*>(window.pageWidget(ui::PageId::Sync));
    ASSERT_NE(page, nullptr);
    QSignalSpy finished(page, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(page->signIn(relay.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_TRUE(finished.first().first().toBool()) << page->statusText().toStdString();

    // The server stops answering while a round's refresh is on its way, and the musician quits.
    relay.hold();
    ASSERT_TRUE(page->syncNow());
    ASSERT_TRUE(page->isRefreshing());
    std::optional<bool> visibleWhileWaiting;
    QTimer::singleShot(500, &relay, [&] {
        visibleWhileWaiting = window.isVisible();
        relay.release();  // the answer comes after all
    });
    window.close();
    ASSERT_TRUE(visibleWhileWaiting.has_value()) << "quitting did not wait for the refresh on its way";
    EXPECT_FALSE(*visibleWhileWaiting) << "the window stayed up while quitting waited for the server";
    EXPECT_FALSE(page->isRefreshing());
    EXPECT_TRUE(page->isSignedIn()) << "the session the server traded was kept";
}

/// A Sync page signed in to a local server, its session in the test's own keychain (a real
/// Secret Service: GNOME Keyring on a private D-Bus).
struct SignedInWithKeychain {
    test::TempDir dir;
    test::KeyringSession keyring{dir};
    // This process uses the test's own keychain (nothing has talked to D-Bus yet; ctest runs
    // each test in a process of its own, and Qt keeps the first bus it connects to).
    bool environment = [this] {
        for (const QString& name : {QStringLiteral("HOME"), QStringLiteral("XDG_DATA_HOME"), QStringLiteral("XDG_RUNTIME_DIR"),
                                    QStringLiteral("DBUS_SESSION_BUS_ADDRESS")}) {
            qputenv(name.toLatin1().constData(), keyring.environment().value(name).toUtf8());
        }
        return true;
    }();
    std::unique_ptr<core::Database> db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    test::LocalServer server{dir.file(QStringLiteral("server.sqlite"))};
    HoldingRelay network{static_cast<quint16>(server.port())};  // the way to the server, to cut off
    QSettings store{dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat};
    ui::Settings settings{store};
    ui::SyncPage page{*db, settings};
    QSignalSpy finished{&page, &ui::SyncPage::syncFinished};
    QString url = network.url().toString();

    /// Signs in (a new account) and syncs once; true when the session went into the keychain.
    bool signIn()
    {
        if (!page.signIn(url, QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true) || !finished.wait(20'000) ||
            !finished.first().first().toBool()) {
            return false;
        }
        return page.bannerText().contains(QStringLiteral("Signed in as"));
    }
};

TEST(SyncPageTest, AnotherProgramTradingTheSessionInTheKeychainDoesNotSignTheAppOut)
{
    SignedInWithKeychain signedIn;
    ASSERT_TRUE(signedIn.signIn()) << signedIn.page.bannerText().toStdString();
    ui::SyncPage& page = signedIn.page;
    QSignalSpy& finished = signedIn.finished;
    const QString& url = signedIn.url;

    // bandmate-cli sync while the app is open: it trades the session in the keychain.
    for (int round = 0; round < 2; ++round) {
        auto stored = sync::CredentialStore::load(url);
        ASSERT_TRUE(stored.has_value()) << stored.error().toString();
        auto traded = sync::AccountClient::refresh(QUrl(url), *stored);
        ASSERT_TRUE(traded.has_value()) << traded.error().toString();
        ASSERT_TRUE(sync::CredentialStore::save(url, traded->refreshToken).has_value());
    }
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.first().first().toBool()) << page.statusText().toStdString();
    EXPECT_TRUE(page.isSignedIn()) << "the app used the keychain's newest session, not the spent one it held";
    // And the other program's next trade still works: one chain of sessions.
    auto stored = sync::CredentialStore::load(url);
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(sync::AccountClient::refresh(QUrl(url), *stored).has_value());
}

/// A Secret Service secret as D-Bus carries it: (session, parameters, value, content type).
struct SecretValue {
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument& operator<<(QDBusArgument& argument, const SecretValue& secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, SecretValue& secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

}  // namespace
Q_DECLARE_METATYPE(SecretValue)
namespace {

/// Unlocks GNOME Keyring's login collection with its password, as its own unlock dialog would
/// (the interface gnome-keyring keeps for that; there is no dialog in a test).
bool unlockLoginKeyring(const QByteArray& password)
{
    qDBusRegisterMetaType<SecretValue>();
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    const QDBusMessage opened = service.call(QStringLiteral("OpenSession"), QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2) {
        ADD_FAILURE() << opened.errorMessage().toStdString();
        return false;
    }
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface internal(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                            QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"), QDBusConnection::sessionBus());
    const QDBusMessage unlocked = internal.call(QStringLiteral("UnlockWithMasterPassword"),
                                                QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))),
                                                QVariant::fromValue(SecretValue{session, {}, password, QStringLiteral("text/plain")}));
    if (unlocked.type() != QDBusMessage::ReplyMessage) {
        ADD_FAILURE() << unlocked.errorMessage().toStdString();
        return false;
    }
    return true;
}

TEST(SyncPageTest, ASessionTradeWhoseAnswerIsLostIsAskedAgainAndTheAppStaysSignedIn)
{
    SignedInWithKeychain app;
    ASSERT_TRUE(app.signIn()) << app.page.statusText().toStdString();
    // The server trades the session and its answer is lost: the keychain still holds the spent
    // token with the successor proposed for it.
    app.network.dropNextTradeAnswer();
    app.finished.clear();
    ASSERT_TRUE(app.page.syncNow());
    ASSERT_TRUE(app.finished.wait(20'000));
    // Whatever that round said, the next one is not taken for a stolen token.
    app.finished.clear();
    ASSERT_TRUE(app.page.syncNow());
    ASSERT_TRUE(app.finished.wait(20'000));
    EXPECT_TRUE(app.finished.first().first().toBool()) << app.page.statusText().toStdString();
    EXPECT_TRUE(app.page.isSignedIn());
    // The keychain keeps one live token and no trade on its way.
    auto stored = sync::CredentialStore::load(app.url);
    ASSERT_TRUE(stored.has_value()) << stored.error().toString();
    const auto kept = sync::StoredSession::parse(*stored);
    EXPECT_TRUE(kept.nextToken.isEmpty());
    EXPECT_TRUE(sync::AccountClient::refresh(QUrl(app.url), kept.refreshToken).has_value());
}

TEST(SyncPageTest, BandmateStartedAgainAfterATradeWhoseAnswerNeverCameAsksForItAgainAndStaysSignedIn)
{
    SignedInWithKeychain app;
    ASSERT_TRUE(app.signIn()) << app.page.statusText().toStdString();
    // The server trades the session; the answer and every later request are lost, as when the
    // app dies or the network goes at that moment.
    app.network.dropNextTradeAnswer(true);
    app.finished.clear();
    ASSERT_TRUE(app.page.syncNow());
    ASSERT_TRUE(app.finished.wait(20'000));
    EXPECT_FALSE(app.finished.first().first().toBool());
    auto stored = sync::CredentialStore::load(app.url);
    ASSERT_TRUE(stored.has_value()) << stored.error().toString();
    EXPECT_FALSE(sync::StoredSession::parse(*stored).nextToken.isEmpty()) << "the keychain keeps the spent token and its proposed successor";
    app.network.cutOff(false);

    // Started again: the new page takes the pair from the keychain and is not taken for a thief.
    ui::SyncPage restarted(*app.db, app.settings);
    QSignalSpy again(&restarted, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(again.wait(20'000)) << "a saved session syncs shortly after start-up";
    EXPECT_TRUE(again.first().first().toBool()) << restarted.statusText().toStdString();
    EXPECT_TRUE(restarted.isSignedIn());
}

TEST(SyncPageTest, AKeychainThatRefusesTheNewSessionKeepsItInMemoryAndSavesItFirstLater)
{
    SignedInWithKeychain signedIn;
    ASSERT_TRUE(signedIn.signIn()) << signedIn.page.bannerText().toStdString();
    ui::SyncPage& page = signedIn.page;
    QSignalSpy& finished = signedIn.finished;
    const QString& url = signedIn.url;
    const auto run = [&](const QString& program, const QStringList& arguments) {
        QProcess process;
        process.setProcessEnvironment(signedIn.keyring.environment());
        process.start(program, arguments);
        return process.waitForFinished(30'000) && process.exitCode() == 0;
    };

    // The keychain is locked (the screen locker, say): the next round's new session cannot be saved.
    ASSERT_TRUE(run(QStringLiteral("dbus-send"), {QStringLiteral("--session"), QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("--type=method_call"),
                                                   QStringLiteral("--print-reply"), QStringLiteral("/org/freedesktop/secrets"),
                                                   QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                                                   QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")}));
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(60'000));
    EXPECT_TRUE(finished.first().first().toBool()) << page.statusText().toStdString();
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("could not be saved in the keychain"))) << page.bannerText().toStdString();
    EXPECT_TRUE(page.isSignedIn()) << "kept in memory";
    {
        // Meanwhile no other program may trade the session: it would trade the spent one.
        sync::SessionLock other(url);
        EXPECT_FALSE(other.tryLock()) << "the lock stays held while the new session is only in memory";
    }
    EXPECT_TRUE(page.hasWorkBeforeQuit()) << "quitting now must try to keep the session, edits or not";
    // A round that fails on the way (the network drops) keeps the lock while the newest session
    // is only in memory.
    signedIn.network.cutOff(true);
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.isRefreshing(); }, 60'000));
    EXPECT_TRUE(page.isSignedIn());
    {
        sync::SessionLock other(url);
        EXPECT_FALSE(other.tryLock()) << "a failed refresh let go of the lock over an unsaved session";
    }
    signedIn.network.cutOff(false);

    // The keychain is open again and the musician quits: the session in memory goes there first.
    ASSERT_TRUE(unlockLoginKeyring(QByteArrayLiteral("keyring-password")));
    EXPECT_TRUE(page.syncBeforeQuit(2'000));
    {
        auto kept = sync::CredentialStore::load(url);
        ASSERT_TRUE(kept.has_value()) << kept.error().toString();
        sync::SessionLock other(url);
        EXPECT_TRUE(other.tryLock()) << "saved: the lock is let go";
    }
    // And the next sync (the app still open) goes on from it.
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(60'000));
    EXPECT_TRUE(finished.first().first().toBool()) << page.statusText().toStdString();
    EXPECT_TRUE(page.isSignedIn());
    auto stored = sync::CredentialStore::load(url);
    ASSERT_TRUE(stored.has_value()) << stored.error().toString();
    EXPECT_TRUE(sync::AccountClient::refresh(QUrl(url), *stored).has_value()) << "the keychain holds the live session";
    sync::SessionLock other(url);
    EXPECT_TRUE(other.tryLock()) << "and the lock is let go";
}

TEST(SyncPageTest, AfterAGoodRoundTheNextIsInFiveMinutesAfterFailuresOneThenTwoAndThePageSaysWhen)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    auto server = std::make_unique<test::LocalServer>(dir.file(QStringLiteral("server.sqlite")));
    const int port = server->port();
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage page(*db, settings);
    page.setSettleDelay(600'000);
    QSignalSpy finished(&page, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(page.signIn(server->url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_TRUE(finished.last().first().toBool());
    EXPECT_GT(page.nextSyncInMs(), ui::SyncPage::kIntervalMs - 10'000);
    EXPECT_LE(page.nextSyncInMs(), ui::SyncPage::kIntervalMs + 1'000);  // (a coarse timer may round up)

    // The server goes away: a minute, then two, and the page says when it tries again.
    server.reset();
    for (const int minutes : {1, 2}) {
        finished.clear();
        ASSERT_TRUE(page.syncNow());
        ASSERT_TRUE(finished.wait(40'000));
        EXPECT_FALSE(finished.last().first().toBool());
        EXPECT_GT(page.nextSyncInMs(), minutes * 60'000 - 10'000) << minutes;
        EXPECT_LE(page.nextSyncInMs(), minutes * 60'000 + 1'000) << minutes;
        EXPECT_TRUE(page.statusText().contains(QStringLiteral("Next try at"))) << page.statusText().toStdString();
    }

    // Back on the same address: a good round, and five minutes again.
    auto options = test::LocalServer::optionsFor(dir.file(QStringLiteral("server.sqlite")));
    options.port = port;
    server = std::make_unique<test::LocalServer>(options);
    ASSERT_EQ(server->port(), port);
    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(finished.last().first().toBool());
    EXPECT_GT(page.nextSyncInMs(), ui::SyncPage::kIntervalMs - 10'000);
    EXPECT_FALSE(page.statusText().contains(QStringLiteral("Next try at")));
}

/// Two computers of one account against the server in this process: a laptop and a studio,
/// each with its database, settings and Sync page.
struct TwoComputers {
    test::TempDir dir;
    test::LocalServer server{dir.file(QStringLiteral("server.sqlite"))};
    std::unique_ptr<core::Database> laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    std::unique_ptr<core::Database> studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    QSettings laptopStore{dir.file(QStringLiteral("laptop.ini")), QSettings::IniFormat};
    QSettings studioStore{dir.file(QStringLiteral("studio.ini")), QSettings::IniFormat};
    ui::Settings laptopSettings{laptopStore};
    ui::Settings studioSettings{studioStore};
    ui::SyncPage laptopPage{*laptop, laptopSettings};
    ui::SyncPage studioPage{*studio, studioSettings};

    /// Creates the account on the laptop and signs the studio in to it; each page's first
    /// round done.
    void signInBoth()
    {
        QSignalSpy laptopSynced(&laptopPage, &ui::SyncPage::syncFinished);
        QSignalSpy studioSynced(&studioPage, &ui::SyncPage::syncFinished);
        ASSERT_TRUE(laptopPage.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
        ASSERT_TRUE(laptopSynced.wait(20'000));
        ASSERT_TRUE(studioPage.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), false));
        ASSERT_TRUE(studioSynced.wait(20'000));
    }
};

TEST(SyncPageTest, AnotherComputersSyncReachesThisOneWithinSecondsThroughTheServersEventStream)
{
    TwoComputers computers;
    test::LocalServer& server = computers.server;
    auto& laptop = computers.laptop;
    auto& studio = computers.studio;
    ui::SyncPage& laptopPage = computers.laptopPage;
    ui::SyncPage& studioPage = computers.studioPage;
    // Neither the settle delay nor the five-minute timer may be what syncs the laptop here.
    laptopPage.setSettleDelay(600'000);
    studioPage.setSettleDelay(600'000);
    ASSERT_NO_FATAL_FAILURE(computers.signInBoth());
    QSignalSpy laptopSynced(&laptopPage, &ui::SyncPage::syncFinished);
    QSignalSpy studioSynced(&studioPage, &ui::SyncPage::syncFinished);
    for (int i = 0; i < 100 && server.server().subscribers() < 2; ++i) {
        QTest::qWait(20);
    }
    EXPECT_EQ(server.server().subscribers(), 2) << "each page listens between rounds";

    // The studio syncs a new song; the laptop follows by itself about a second later.
    laptopSynced.clear();
    core::library::Song song;
    song.title = QStringLiteral("Todo tiene su final");
    const QString id = core::library::SongRepository(*studio).save(song).value();
    studioSynced.clear();
    ASSERT_TRUE(studioPage.syncNow());
    ASSERT_TRUE(studioSynced.wait(20'000));
    ASSERT_TRUE(laptopSynced.size() > 0 || laptopSynced.wait(10'000)) << "the laptop did not hear of the studio's sync";
    EXPECT_TRUE(laptopSynced.first().first().toBool());
    EXPECT_EQ(core::library::SongRepository(*laptop).get(id)->title, QStringLiteral("Todo tiene su final"));
    // Its own round is announced to it too, and it does not answer that with another round.
    laptopSynced.clear();
    QTest::qWait(2 * ui::SyncPage::kRemoteChangeDelayMs + 500);
    EXPECT_EQ(laptopSynced.size(), 0);

    // Signed out, it stops listening.
    laptopPage.signOut();
    for (int i = 0; i < 100 && server.server().subscribers() > 1; ++i) {
        QTest::qWait(20);
    }
    EXPECT_EQ(server.server().subscribers(), 1);
}

TEST(SyncPageTest, EditsGoOutWhenTheySettleConflictsShowAndQuitSendsTheRest)
{
    TwoComputers computers;
    auto& laptop = computers.laptop;
    auto& studio = computers.studio;
    ui::SyncPage& laptopPage = computers.laptopPage;
    ui::SyncPage& studioPage = computers.studioPage;
    laptopPage.setSettleDelay(400);
    studioPage.setSettleDelay(400);
    ASSERT_NO_FATAL_FAILURE(computers.signInBoth());
    QSignalSpy laptopSynced(&laptopPage, &ui::SyncPage::syncFinished);
    QSignalSpy studioSynced(&studioPage, &ui::SyncPage::syncFinished);

    // An edit on the laptop goes out by itself once no other edit follows for the settle delay.
    core::library::SongRepository laptopSongs(*laptop);
    core::library::Song song;
    song.title = QStringLiteral("El cantante");
    const QString id = laptopSongs.save(song).value();
    laptopSynced.clear();
    ASSERT_TRUE(laptopSynced.wait(10'000)) << "no sync after the edit settled";
    EXPECT_TRUE(laptopSynced.first().first().toBool());
    EXPECT_EQ(test::outboxSize(*laptop), 0);

    // The same notes written on both before either syncs: the studio's page lists the text that
    // lost and restores it with one click.
    studioSynced.clear();
    ASSERT_TRUE(studioPage.syncNow());
    ASSERT_TRUE(studioSynced.wait(20'000));
    laptopSynced.clear();
    studioSynced.clear();
    core::library::Song onStudio = core::library::SongRepository(*studio).get(id).value();
    onStudio.notes = QStringLiteral("Studio: the trombone solo is 16 bars");
    ASSERT_TRUE(core::library::SongRepository(*studio).save(onStudio).has_value());
    core::library::Song onLaptop = laptopSongs.get(id).value();
    onLaptop.notes = QStringLiteral("Laptop: cut the solo, straight to the coro");
    ASSERT_TRUE(laptopSongs.save(onLaptop).has_value());
    // Each page sends its edit once it settles; whichever goes second is told of the conflict.
    ASSERT_TRUE(laptopSynced.size() > 0 || laptopSynced.wait(10'000));
    ASSERT_TRUE(studioSynced.size() > 0 || studioSynced.wait(10'000));
    if (laptopSynced.size() == 0 || studioPage.conflicts()->count() == 0) {
        studioSynced.clear();
        ASSERT_TRUE(studioPage.syncNow());
        ASSERT_TRUE(studioSynced.wait(20'000));
    }
    ui::ConflictList* list = studioPage.conflicts();
    ASSERT_EQ(list->count(), 1);
    auto* kept = list->findChild<QPlainTextEdit*>(QStringLiteral("conflictKept"));
    auto* current = list->findChild<QPlainTextEdit*>(QStringLiteral("conflictCurrent"));
    // Which edit is newer depends on the two clocks; the page shows both.
    const QStringList texts{QStringLiteral("Studio: the trombone solo is 16 bars"), QStringLiteral("Laptop: cut the solo, straight to the coro")};
    EXPECT_TRUE(texts.contains(kept->toPlainText()));
    EXPECT_TRUE(texts.contains(current->toPlainText()));
    EXPECT_NE(kept->toPlainText(), current->toPlainText());
    EXPECT_EQ(current->toPlainText(), core::library::SongRepository(*studio).get(id)->notes);
    const QString restored = kept->toPlainText();
    list->findChild<QPushButton*>(QStringLiteral("conflictRestore"))->click();
    EXPECT_EQ(core::library::SongRepository(*studio).get(id)->notes, restored);

    // Quitting right away still sends the restored text.
    laptopPage.setSettleDelay(600'000);
    studioPage.setSettleDelay(600'000);
    EXPECT_TRUE(studioPage.syncBeforeQuit());
    EXPECT_EQ(test::outboxSize(*studio), 0);
    laptopSynced.clear();
    ASSERT_TRUE(laptopPage.syncNow());
    ASSERT_TRUE(laptopSynced.wait(20'000));
    EXPECT_EQ(laptopSongs.get(id)->notes, restored);
}

}  // namespace

TEST(SyncPageTest, DeletionsOfMostSongsWaitForAnAnswerAndKeepingThemSendsThemBack)
{
    test::TempDir dir;
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    const QStringList ids = test::addSongs(*laptop, 12, QStringLiteral("Descarga"));
    test::LocalServer server(dir.file(QStringLiteral("server.sqlite")));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage page(*laptop, settings);
    page.show();
    QSignalSpy finished(&page, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(page.signIn(server.url().toString(), QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(page.massDeleteQuestion().isEmpty());
    // The studio signs in, gets the songs and deletes all of them.
    const QString token = test::signIn(dir.file(QStringLiteral("server.sqlite")));
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));
    for (const QString& id : ids) {
        ASSERT_TRUE(core::library::SongRepository(*studio).remove(id).has_value());
    }
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));

    finished.clear();
    ASSERT_TRUE(page.syncNow());
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(page.massDeleteQuestion().contains(QStringLiteral("12 of your 12 songs"))) << page.massDeleteQuestion().toStdString();
    EXPECT_TRUE(core::library::SongRepository(*laptop).get(ids[0]).has_value());
    // "Keep them" is the default button; it restores them and syncs at once.
    auto* keep = page.findChild<QPushButton*>(QStringLiteral("massDeleteKeep"));
    ASSERT_NE(keep, nullptr);
    EXPECT_TRUE(keep->isVisible());
    finished.clear();
    keep->click();
    EXPECT_TRUE(page.massDeleteQuestion().isEmpty());
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("Kept 12 items"))) << page.bannerText().toStdString();
    ASSERT_TRUE(finished.wait(20'000));
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));
    EXPECT_EQ(test::liveSongs(*studio), 12);
    EXPECT_EQ(test::dumpOf(*laptop), test::dumpOf(*studio));
}
