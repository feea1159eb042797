#pragma once

// One sync round of the real client, waited for (tests that link bandmate_sync and Qt6::Test).

#include "core/sync/Dump.h"
#include "sync/client/SyncClient.h"
#include "sync/server/Accounts.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>
#include <QJsonDocument>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <optional>
#include <variant>

namespace bandmate::test {

/// Runs one round; the report, or the failure message as an error.
inline std::variant<sync::SyncReport, QString> syncRound(core::Database& db, const QUrl& url, const QString& token, qint64 clockOffsetMs = 0)
{
    sync::SyncClient client(db, url, token);
    client.setClock([clockOffsetMs] { return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs; });
    QSignalSpy finished(&client, &sync::SyncClient::finished);
    QSignalSpy failed(&client, &sync::SyncClient::failed);
    EXPECT_TRUE(client.start());
    EXPECT_FALSE(client.start()) << "one round at a time";
    if (finished.isEmpty() && failed.isEmpty()) {
        QEventLoop loop;
        QObject::connect(&client, &sync::SyncClient::finished, &loop, &QEventLoop::quit);
        QObject::connect(&client, &sync::SyncClient::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!failed.isEmpty()) {
        return failed.first().first().toString();
    }
    EXPECT_FALSE(finished.isEmpty()) << "the round never ended";
    return finished.isEmpty() ? sync::SyncReport{} : finished.first().first().value<sync::SyncReport>();
}

/// Runs one round that must succeed; its report, or nothing and a test failure with the message.
inline std::optional<sync::SyncReport> expectSyncs(core::Database& db, const QUrl& url, const QString& token)
{
    auto report = syncRound(db, url, token);
    EXPECT_TRUE(std::holds_alternative<sync::SyncReport>(report)) << std::get<QString>(report).toStdString();
    return std::holds_alternative<sync::SyncReport>(report) ? std::optional(std::get<sync::SyncReport>(report)) : std::nullopt;
}

/// An access token of ana@example.com on the server database at `serverDatabase` (registered
/// first when new), without going through HTTP.
inline QString signIn(const QString& serverDatabase)
{
    auto accounts = sync::Accounts::open(serverDatabase).value();
    (void)accounts->registerAccount(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"));
    return accounts->login(QStringLiteral("ana@example.com"), QStringLiteral("salsa-dura-1978"))->accessToken;
}

/// The canonical dump of everything a database syncs (equal dumps = converged).
inline QByteArray dumpOf(core::Database& db)
{
    return QJsonDocument(core::dumpSyncedData(db).value()).toJson(QJsonDocument::Compact);
}

}  // namespace bandmate::test
