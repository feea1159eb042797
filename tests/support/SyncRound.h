#pragma once

// One sync round of the real client, waited for (tests that link bandmate_sync and Qt6::Test).

#include "core/sync/Dump.h"
#include "sync/client/SyncClient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>
#include <QJsonDocument>
#include <QSignalSpy>

#include <gtest/gtest.h>

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

/// The canonical dump of everything a database syncs (equal dumps = converged).
inline QByteArray dumpOf(core::Database& db)
{
    return QJsonDocument(core::dumpSyncedData(db).value()).toJson(QJsonDocument::Compact);
}

}  // namespace bandmate::test
