#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QJsonObject;

namespace bandmate::core {
class Database;
class DeleteGuard;
struct HeldDeletes;
}

namespace bandmate::sync {

/// What one sync round did.
struct SyncReport {
    int pushed = 0;     ///< changes sent and accepted
    int pulled = 0;     ///< changes received
    int conflicts = 0;  ///< concurrent edits of one field on two devices (the merge kept one; lost prose is in the conflict log)
    double seconds = 0.0;
    /// Deletions pulled but held because they would delete more than half of the songs (or
    /// shows, machines, ...): they wait for the musician's answer (core::DeleteGuard).
    int heldDeletes = 0;
    /// Changes from another device that this version cannot hold yet (kept, applied after an
    /// update; core::ChangeTracker::keepAsideIfUnfit).
    int keptAside = 0;
    /// A device of this account runs a newer Bandmate whose data this version cannot all show.
    bool newerData = false;
};

/// One sync round against a Bandmate server over Qt Network (DESIGN.md section 4): check the
/// protocol, the clocks and the epoch (a new epoch re-sends everything and pulls from the
/// start, merging, never replacing), push the outbox in batches of 500 (each batch id kept
/// until it is acknowledged, so a retried push is applied once), then pull pages and apply each
/// page and the cursor in one transaction. One round at a time; runs on the database's thread.
class SyncClient : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;
    /// Runs `then` after `ms` milliseconds (a QTimer by default; tests put a clock of their own).
    using Delay = std::function<void(int ms, std::function<void()> then)>;

    SyncClient(core::Database& db, QUrl server, QString accessToken, QObject* parent = nullptr);
    ~SyncClient() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// How a busy answer's Retry-After is waited for.
    void setDelay(Delay delay) { m_delay = std::move(delay); }
    /// Applies pulled deletions even when they would delete most of the user's items (the
    /// musician said so); by default those are held and the report counts them.
    void setAllowMassDelete(bool allow) { m_allowMassDelete = allow; }
    /// "180 of your 200 songs and 12 of your 15 shows": what held deletions would delete, for the
    /// question the musician answers (core::DeleteGuard).
    [[nodiscard]] static QString describeHeld(const QList<core::HeldDeletes>& held);
    /// Starts a round; false (and nothing done) while one runs.
    bool start();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const bandmate::sync::SyncReport& report);
    /// How far the round is: `done` changes sent and received of about `total` (what waited
    /// here at the start plus what the server held past this device's cursor).
    void progressed(int done, int total);
    /// In plain words: "the server could not be reached", "this device's clock is 7 minutes off", ...
    void failed(const QString& message);

private:
    /// Sends a request; `done` gets a 2xx answer's JSON. A 429 or 503 is retried after its
    /// Retry-After (a few times, up to 30 s each); anything else that goes wrong ends the round.
    void request(const QString& method, const QString& path, const QByteArray& body, std::function<void(const QJsonObject&)> done, int attempt = 0);
    void checkMeta(const QJsonObject& meta);
    void pushNext();
    void pullNext();
    void fail(const QString& message);
    void reportProgress();

    core::Database& m_db;
    QUrl m_server;
    QString m_token;
    Clock m_clock;
    Delay m_delay;
    QNetworkAccessManager* m_network = nullptr;
    bool m_running = false;
    qint64 m_startedMs = 0;
    QString m_batchId;  ///< the batch in flight, reused if the same changes have to be sent again
    QByteArray m_batchContent;  ///< what m_batchId carried: other changes get a new batch id
    bool m_batchRenamed = false;
    int m_protocol = 1;  ///< the sync protocol version this round speaks (the newest the server and this build share)  ///< this round already answered a 409 batch_mismatch with a new id
    bool m_resending = false;  ///< this round re-sends everything to a server with a new epoch
    bool m_allowMassDelete = false;
    std::unique_ptr<core::DeleteGuard> m_guard;  ///< this round's, made when it starts
    SyncReport m_report;
    int m_expected = 0;  ///< changes this round expects to send and receive (for progress)
    int m_sent = 0;      ///< changes sent and acknowledged this round (accepted or not)
};

}  // namespace bandmate::sync
