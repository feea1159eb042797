#include "sync/client/SyncClient.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/ConflictLog.h"
#include "core/sync/DeleteGuard.h"
#include "core/sync/FieldCatalog.h"
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
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
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

QString SyncClient::describeHeld(const QList<core::HeldDeletes>& held)
{
    QStringList parts;
    for (const core::HeldDeletes& kind : held) {
        if (kind.deleting == 0) {
            continue;
        }
        const QString& e = kind.entity;
        const QString what = e == QLatin1String("song")       ? tr("%1 of your %2 songs")
                             : e == QLatin1String("show")     ? tr("%1 of your %2 shows")
                             : e == QLatin1String("machine")  ? tr("%1 of your %2 beat machines")
                             : e == QLatin1String("roadmap")  ? tr("%1 of your %2 roadmaps")
                             : e == QLatin1String("task")     ? tr("%1 of your %2 to-dos")
                             : e == QLatin1String("playlist") ? tr("%1 of your %2 playlists")
                                                              : QStringLiteral("%1 of %2 ") + e;
        parts.append(what.arg(kind.deleting).arg(kind.live));
    }
    if (parts.size() < 2) {
        return parts.value(0);
    }
    const QString last = parts.takeLast();
    return tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

bool SyncClient::start()
{
    if (m_running) {
        return false;
    }
    m_running = true;
    m_protocol = kProtocolMin;  // until the server says what it speaks (an older one refuses newer)
    m_batchRenamed = false;
    m_report = {};
    m_sent = 0;
    m_expected = 0;
    m_guard = std::make_unique<core::DeleteGuard>(m_db);
    m_startedMs = m_clock();
    request(QStringLiteral("GET"), QStringLiteral("/v1/sync/meta"), {}, [this](const QJsonObject& meta) { checkMeta(meta); });
    return true;
}

void SyncClient::reportProgress()
{
    const int done = m_sent + m_report.pulled;
    Q_EMIT progressed(done, std::max(m_expected, done));
}

void SyncClient::fail(const QString& message)
{
    m_running = false;
    Q_EMIT failed(message);
}

void SyncClient::request(const QString& method, const QString& path, const QByteArray& body, std::function<void(const QJsonObject&)> done, int attempt)
{
    constexpr int kMaxRetries = 3;
    constexpr int kMaxWaitSeconds = 30;
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
    QNetworkRequest outgoing(url);
    outgoing.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    outgoing.setRawHeader("X-Bandmate-Protocol", QByteArray::number(m_protocol));
    outgoing.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    outgoing.setTransferTimeout(30'000);
    QNetworkReply* reply = method == QLatin1String("POST") ? m_network->post(outgoing, body) : m_network->get(outgoing);
    connect(reply, &QNetworkReply::finished, this, [this, reply, method, path, body, attempt, done = std::move(done)]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if ((status == 429 || status == 503) && attempt < kMaxRetries) {
            // Busy: wait as long as the server asks (or 1, 2, 4 s) and send the same request again.
            const int asked = reply->rawHeader("Retry-After").trimmed().toInt();
            const int wait = asked > 0 ? asked : 1 << attempt;
            if (wait <= kMaxWaitSeconds) {
                auto again = [this, method, path, body, attempt, done = std::move(done)]() mutable {
                    request(method, path, body, std::move(done), attempt + 1);
                };
                if (m_delay) {
                    m_delay(wait * 1000, std::move(again));
                } else {
                    QTimer::singleShot(wait * 1000, this, std::move(again));
                }
                return;
            }
        }
        QJsonParseError parsed{};
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parsed);
        const QJsonObject json = document.object();
        // A connection that broke, also one that broke in the middle of an answer (its status
        // line came, its body did not): nothing of that answer is used.
        if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400)) {
            fail(tr("The server could not be reached (%1). Nothing was lost; Bandmate tries again later.").arg(reply->errorString()));
        } else if (status == 409 && json.value(QStringLiteral("code")).toString() == QLatin1String("batch_mismatch") && !m_batchRenamed) {
            // The server had this batch id with other changes: what waits now goes under a new
            // one (once a round; a new random id cannot meet this again).
            m_batchRenamed = true;
            m_batchId.clear();
            pushNext();
        } else if (status == 401) {
            fail(tr("The server no longer knows this session: sign in again."));
        } else if (status == 409) {
            fail(tr("This Bandmate and the server speak different sync versions; update the older one."));
        } else if (status == 429 || status == 503) {
            fail(tr("The server is busy: Bandmate tries again in a moment."));
        } else if (status >= 400) {
            fail(tr("The server refused the sync (%1): %2").arg(status).arg(json.value(QStringLiteral("message")).toString()));
        } else if (parsed.error != QJsonParseError::NoError || !document.isObject()) {
            fail(tr("The server sent an answer Bandmate cannot read (%1 at byte %2). Nothing was changed; Bandmate tries again later.")
                     .arg(parsed.errorString())
                     .arg(parsed.offset));
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
    m_protocol = std::min(serverMax, kProtocolMax);  // the newest both speak, from here on
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
                QFile::remove(backup);  // a copy cut short (a full disk) is no backup, and takes room
                fail(tr("Could not back up the database before its first sync: %1").arg(QString::fromStdString(copied.error().message)));
                return;
            }
        }
    }
    m_resending = stored->toString() != epoch;
    m_report.newerData = meta.value(QStringLiteral("data_format")).toInt() > core::kDataFormat;
    // What there is to do, for progress: the outbox (everything on a re-send), sent and then
    // pulled back with the rest, and what the server logged past the cursor (fewer when fields
    // were overwritten there).
    auto outbox = sql::scalar(m_db.connection(), m_resending ? QStringLiteral("SELECT count(*) FROM field_clock") : QStringLiteral("SELECT count(*) FROM outbox"));
    auto cursor = sql::scalar(m_db.connection(), QStringLiteral("SELECT pull_cursor FROM sync_state WHERE singleton = 1"));
    const qint64 head = static_cast<qint64>(meta.value(QStringLiteral("head_seq")).toDouble());
    m_expected = 2 * (outbox ? outbox->toInt() : 0) + static_cast<int>(std::max<qint64>(0, head - (m_resending || !cursor ? 0 : cursor->toLongLong())));
    reportProgress();
    // (Changes kept aside by an older version that this one can hold went in when the database
    // was opened: core::Database::open.)
    if (m_resending) {
        auto transaction = core::Transaction::begin(m_db.connection());
        core::Result<void> ready = transaction ? sql::exec(m_db.connection(), QStringLiteral("INSERT OR IGNORE INTO outbox (entity, id, field) SELECT entity, id, field FROM field_clock"))
                                               : core::Result<void>(std::unexpected(transaction.error()));
        if (ready) {
            ready = sql::exec(m_db.connection(), QStringLiteral("UPDATE sync_state SET server_epoch = ?, pull_cursor = 0 WHERE singleton = 1"), {epoch});
        }
        if (ready) {
            ready = transaction->commit();
        }
        if (!ready) {
            fail(tr("Could not prepare the database for this server: %1").arg(QString::fromStdString(ready.error().toString())));
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
    QJsonArray changes;
    for (const auto& change : *pending) {
        changes.append(changeToJson(change));
    }
    // A batch id names exactly one set of changes: the same id again only for the same changes
    // (a retry), a new one when edits since changed what waits.
    const QByteArray content = QJsonDocument(changes).toJson(QJsonDocument::Compact);
    if (m_batchId.isEmpty() || content != m_batchContent) {
        m_batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_batchContent = content;
    }
    QJsonObject push{{QStringLiteral("device_id"), m_db.deviceId()},
                     {QStringLiteral("batch_id"), m_batchId},
                     {QStringLiteral("changes"), changes},
                     {QStringLiteral("data_format"), core::kDataFormat}};
    // What this device had pulled when it made these edits: the server tells which stored writes
    // it had not seen and so were concurrent. Not known while re-sending to a restored server.
    auto cursor = sql::scalar(m_db.connection(), QStringLiteral("SELECT pull_cursor FROM sync_state WHERE singleton = 1"));
    if (cursor && cursor->toLongLong() > 0 && !m_resending) {
        push.insert(QStringLiteral("seen_seq"), static_cast<double>(cursor->toLongLong()));
    }
    request(QStringLiteral("POST"), QStringLiteral("/v1/sync/push"), QJsonDocument(push).toJson(QJsonDocument::Compact),
            [this, sent = *pending](const QJsonObject& answer) {
                auto lost = changesFromJson(answer.value(QStringLiteral("lost")).toArray(), QStringLiteral("lost"));
                if (!lost) {
                    fail(tr("The server sent something this Bandmate cannot read: %1").arg(QString::fromStdString(lost.error().toString())));
                    return;
                }
                // What was sent is clean now, and the prose that lost a concurrent edit is kept,
                // in one transaction.
                auto transaction = core::Transaction::begin(m_db.connection());
                core::Result<void> kept = transaction ? core::ChangeTracker(m_db).acknowledge(sent) : core::Result<void>(std::unexpected(transaction.error()));
                core::ConflictLog log(m_db);
                for (const auto& change : *lost) {
                    if (kept) {
                        if (auto recorded = log.record(change); !recorded) {
                            kept = std::unexpected(recorded.error());
                        }
                    }
                }
                if (kept) {
                    kept = transaction->commit();
                }
                if (!kept) {
                    fail(tr("Could not record what was sent: %1").arg(QString::fromStdString(kept.error().toString())));
                    return;
                }
                m_batchId.clear();
                m_batchContent.clear();
                m_report.pushed += answer.value(QStringLiteral("accepted")).toInt();
                m_sent += static_cast<int>(sent.size());
                reportProgress();
                m_report.conflicts += static_cast<int>(lost->size());
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
                core::ConflictLog log(m_db);
                for (const auto& change : *changes) {
                    // What this version cannot hold (a newer Bandmate's field) waits aside.
                    auto kept = tracker.keepAsideIfUnfit(change);
                    if (!kept) {
                        fail(QString::fromStdString(kept.error().toString()));
                        return;
                    }
                    if (*kept) {
                        continue;
                    }
                    auto held = m_guard->hold(change);
                    if (!held) {
                        fail(QString::fromStdString(held.error().toString()));
                        return;
                    }
                    if (*held) {
                        continue;  // a deletion waits for the end of the round
                    }
                    if (auto noticed = log.noticeIncoming(change); !noticed) {
                        fail(QString::fromStdString(noticed.error().toString()));
                        return;
                    }
                    if (auto applied = tracker.applyRemote(change); !applied) {
                        fail(QString::fromStdString(applied.error().toString()));
                        return;
                    }
                }
                const auto next = static_cast<qint64>(page.value(QStringLiteral("next_since")).toDouble());
                auto saved = sql::exec(m_db.connection(), QStringLiteral("UPDATE sync_state SET pull_cursor = ? WHERE singleton = 1"), {next});
                if (saved) {
                    saved = transaction->commit();
                }
                if (!saved) {
                    fail(tr("Could not save what was received: %1").arg(QString::fromStdString(saved.error().toString())));
                    return;
                }
                m_report.pulled += static_cast<int>(changes->size());
                reportProgress();
                if (page.value(QStringLiteral("more")).toBool()) {
                    pullNext();
                    return;
                }
                // Every page is in: the held deletions go in now, unless they would delete most
                // of what the musician has.
                auto waiting = m_guard->settle(m_allowMassDelete);
                if (!waiting) {
                    fail(tr("Could not apply what was deleted on another computer: %1").arg(QString::fromStdString(waiting.error().toString())));
                    return;
                }
                m_report.heldDeletes = *waiting;
                auto keptAside = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM sync_kept_aside"));
                m_report.keptAside = keptAside ? keptAside->toInt() : 0;
                m_running = false;
                m_report.seconds = static_cast<double>(m_clock() - m_startedMs) / 1000.0;
                Q_EMIT finished(m_report);
            });
}

}  // namespace bandmate::sync
