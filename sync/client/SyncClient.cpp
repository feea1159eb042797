#include "sync/client/SyncClient.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/protocol/Protocol.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

namespace bandmate::sync {

namespace sql = core::sql;

SyncClient::SyncClient(core::Database& db, QUrl server, QString accessToken, QObject* parent)
    : QObject(parent), m_db(db), m_server(std::move(server)), m_token(std::move(accessToken)),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }), m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<bandmate::sync::SyncReport>();
}

SyncClient::~SyncClient() = default;

bool SyncClient::start()
{
    if (m_running) {
        return false;
    }
    m_running = true;
    m_report = {};
    m_startedMs = m_clock();
    request(QStringLiteral("GET"), QStringLiteral("/v1/sync/meta"), {}, [this](const QJsonObject& meta) { checkMeta(meta); });
    return true;
}

void SyncClient::fail(const QString& message)
{
    m_running = false;
    Q_EMIT failed(message);
}

void SyncClient::request(const QString& method, const QString& path, const QByteArray& body, std::function<void(const QJsonObject&)> done)
{
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("X-Bandmate-Protocol", QByteArray::number(kProtocolMax));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(30'000);
    QNetworkReply* reply = method == QLatin1String("POST") ? m_network->post(request, body) : m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0) {
            fail(tr("The server could not be reached (%1). Nothing was lost; Bandmate tries again later.").arg(reply->errorString()));
        } else if (status == 401) {
            fail(tr("The server no longer knows this session: sign in again."));
        } else if (status == 409) {
            fail(tr("This Bandmate and the server speak different sync versions; update the older one."));
        } else if (status == 429) {
            fail(tr("The server is busy: Bandmate tries again in a moment."));
        } else if (status >= 400) {
            fail(tr("The server refused the sync (%1): %2").arg(status).arg(json.value(QStringLiteral("message")).toString()));
        } else {
            done(json);
        }
    });
}

void SyncClient::checkMeta(const QJsonObject& meta)
{
    const int serverMin = meta.value(QStringLiteral("protocol_min")).toInt();
    const int serverMax = meta.value(QStringLiteral("protocol_max")).toInt();
    if (serverMax < kProtocolMin || serverMin > kProtocolMax) {
        fail(tr("This Bandmate and the server speak different sync versions; update the older one."));
        return;
    }
    const qint64 offMs = static_cast<qint64>(meta.value(QStringLiteral("server_time")).toDouble()) - m_clock();
    if (std::llabs(offMs) > kMaxClockSkewMs) {
        fail(tr("This computer's clock is %1 minutes off the server's: set the clock right, then sync again.").arg(std::llabs(offMs) / 60'000));
        return;
    }
    // A server restored from a backup has a new epoch: send everything again and read it all
    // back; the merge keeps whichever write is newer, so nothing is lost either way.
    const QString epoch = meta.value(QStringLiteral("epoch")).toString();
    auto stored = sql::scalar(m_db.connection(), QStringLiteral("SELECT coalesce(server_epoch, '') FROM sync_state WHERE singleton = 1"));
    if (!stored) {
        fail(QString::fromStdString(stored.error().toString()));
        return;
    }
    if (stored->toString().isEmpty()) {
        // The first sync of this database: keep a copy of it as it was, just in case.
        const QString backup = m_db.path() + QStringLiteral(".before-first-sync-%1.backup").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        if (!QFile::exists(backup)) {
            if (auto copied = sql::exec(m_db.connection(), QStringLiteral("VACUUM INTO ") + sql::quoteLiteral(backup)); !copied) {
                fail(tr("Could not back up the database before its first sync: %1").arg(QString::fromStdString(copied.error().message)));
                return;
            }
        }
    }
    if (stored->toString() != epoch) {
        auto transaction = core::Transaction::begin(m_db.connection());
        const bool ok = transaction && sql::exec(m_db.connection(), QStringLiteral("INSERT OR IGNORE INTO outbox (entity, id, field) SELECT entity, id, field FROM field_clock"))
                        && sql::exec(m_db.connection(), QStringLiteral("UPDATE sync_state SET server_epoch = ?, pull_cursor = 0 WHERE singleton = 1"), {epoch})
                        && transaction->commit();
        if (!ok) {
            fail(tr("Could not prepare the database for this server."));
            return;
        }
    }
    pushNext();
}

void SyncClient::pushNext()
{
    core::ChangeTracker tracker(m_db);
    auto pending = tracker.pending(kMaxChangesPerPush);
    if (!pending) {
        fail(QString::fromStdString(pending.error().toString()));
        return;
    }
    if (pending->isEmpty()) {
        pullNext();
        return;
    }
    if (m_batchId.isEmpty()) {
        m_batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    QJsonArray changes;
    for (const auto& change : *pending) {
        changes.append(changeToJson(change));
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("device_id"), m_db.deviceId()},
                                                      {QStringLiteral("batch_id"), m_batchId},
                                                      {QStringLiteral("changes"), changes}})
                                .toJson(QJsonDocument::Compact);
    request(QStringLiteral("POST"), QStringLiteral("/v1/sync/push"), body, [this, sent = *pending](const QJsonObject& answer) {
        auto transaction = core::Transaction::begin(m_db.connection());
        if (!transaction || !core::ChangeTracker(m_db).acknowledge(sent) || !transaction->commit()) {
            fail(tr("Could not record what was sent."));
            return;
        }
        m_batchId.clear();
        m_report.pushed += answer.value(QStringLiteral("accepted")).toInt();
        m_report.conflicts += answer.value(QStringLiteral("ignored")).toInt();
        pushNext();
    });
}

void SyncClient::pullNext()
{
    auto cursor = sql::scalar(m_db.connection(), QStringLiteral("SELECT pull_cursor FROM sync_state WHERE singleton = 1"));
    if (!cursor) {
        fail(QString::fromStdString(cursor.error().toString()));
        return;
    }
    request(QStringLiteral("GET"), QStringLiteral("/v1/sync/pull?since=%1&limit=%2").arg(cursor->toLongLong()).arg(kMaxChangesPerPush), {},
            [this](const QJsonObject& page) {
                auto changes = changesFromJson(page.value(QStringLiteral("changes")).toArray(), QStringLiteral("changes"));
                if (!changes) {
                    fail(tr("The server sent something this Bandmate cannot read: %1").arg(QString::fromStdString(changes.error().toString())));
                    return;
                }
                // A page and the cursor after it are applied together, or not at all.
                auto transaction = core::Transaction::begin(m_db.connection());
                if (!transaction) {
                    fail(QString::fromStdString(transaction.error().toString()));
                    return;
                }
                core::ChangeTracker tracker(m_db);
                for (const auto& change : *changes) {
                    if (auto applied = tracker.applyRemote(change); !applied) {
                        fail(QString::fromStdString(applied.error().toString()));
                        return;
                    }
                }
                const auto next = static_cast<qint64>(page.value(QStringLiteral("next_since")).toDouble());
                if (!sql::exec(m_db.connection(), QStringLiteral("UPDATE sync_state SET pull_cursor = ? WHERE singleton = 1"), {next})
                    || !transaction->commit()) {
                    fail(tr("Could not save what was received."));
                    return;
                }
                m_report.pulled += static_cast<int>(changes->size());
                if (page.value(QStringLiteral("more")).toBool()) {
                    pullNext();
                    return;
                }
                m_running = false;
                m_report.seconds = static_cast<double>(m_clock() - m_startedMs) / 1000.0;
                Q_EMIT finished(m_report);
            });
}

}  // namespace bandmate::sync
