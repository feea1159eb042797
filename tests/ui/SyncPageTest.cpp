// The Sync page against the real HTTP server in this process: create an account, sync, see the
// result in plain words, sign out. (No keychain in the test process: the page says so.)
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "tests/support/LocalServer.h"
#include "tests/support/TestDatabase.h"
#include "ui/shell/Settings.h"
#include "ui/sync/SyncPage.h"

#include <QSettings>
#include <QSignalSpy>

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
    EXPECT_EQ(settings.syncServer(), server.url().toString());
    EXPECT_FALSE(store.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("token"), Qt::CaseInsensitive));
    store.sync();
    EXPECT_FALSE(test::readAll(dir.file(QStringLiteral("settings.ini"))).contains("salsa-dura-1978"));

    page.signOut();
    EXPECT_FALSE(page.isSignedIn());
    EXPECT_FALSE(page.syncNow());
}

}  // namespace
