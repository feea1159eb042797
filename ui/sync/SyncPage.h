#pragma once

#include "sync/client/HeadWatcher.h"
#include "sync/client/SessionLock.h"
#include "sync/client/SyncClient.h"

#include <QElapsedTimer>
#include <QUrl>
#include <QWidget>

#include <functional>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class ConflictList;
class MessageBanner;
class Settings;

/// Optional sync with a Bandmate server: sign up, sign in, sign out, the server's address, the
/// state and the last result in plain words, Sync now, and the conflict log. While signed in it
/// syncs on its own: about 30 s after edits settle, about a second after another computer of
/// the account synced (the server's event stream, listened to between rounds), every few
/// minutes (backing off after failures), and once more when Bandmate quits with edits not sent
/// yet. The session is kept in
/// the system keychain; without one, only until Bandmate quits (and the page says so).
class SyncPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5 * 60 * 1000;
    static constexpr int kSettleMs = 30 * 1000;
    /// How soon to try again when another program is trading this server's session.
    static constexpr int kSessionLockRetryMs = 1000;
    /// How soon after the server says another computer synced this one follows (several pushes
    /// in that time make one round).
    static constexpr int kRemoteChangeDelayMs = 1000;

    SyncPage(core::Database& db, Settings& settings, QWidget* parent = nullptr);
    ~SyncPage() override;

    /// Signs in (creating the account first when `create`); false with the reason shown.
    bool signIn(const QString& server, const QString& email, const QString& password, bool create);
    void signOut();
    /// Starts a round now; false when not signed in, one is running, or sync is held.
    bool syncNow();
    /// Stops sending and receiving until the app restarts, saying why (the weekly check found
    /// the database damaged: what it would send could be damage, and what it receives could be
    /// written into damaged pages).
    void hold(const QString& reason);
    [[nodiscard]] bool isSignedIn() const { return !m_token.isEmpty(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString bannerText() const;
    /// When the timer starts the next round: kIntervalMs after a good one, 1, 2, 4 … minutes
    /// after failures (the page says when); -1 when none is planned.
    [[nodiscard]] int nextSyncInMs() const;
    /// How long edits must rest before they are sent (kSettleMs; tests make it short).
    void setSettleDelay(int ms);
    /// How much longer quitting waits for the answer to a refresh already sent: a session the
    /// server traded must reach the keychain, or the next start presents a spent token and is
    /// signed out. (The window is gone by then: MainWindow hides it first.)
    static constexpr int kRefreshAnswerWaitMs = 30'000;
    /// When Bandmate quits: sends edits not sent yet, waiting at most `timeoutMs` for the rounds
    /// (and kRefreshAnswerWaitMs more for a refresh already sent); true when nothing is left to
    /// send (or sync is off).
    bool syncBeforeQuit(int timeoutMs = 10'000);
    /// Whether quitting has anything to wait for: edits to send, or a round or refresh running.
    [[nodiscard]] bool hasWorkBeforeQuit() const;
    /// A refresh of the session is on its way to the server (tests).
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    [[nodiscard]] ConflictList* conflicts() const { return m_conflicts; }
    /// The question about held deletions ("This sync would delete 180 of your 200 songs"), or
    /// empty when none wait.
    [[nodiscard]] QString massDeleteQuestion() const;
    /// The musician's answer to it: delete the held items here, or keep them (on every computer:
    /// the next round sends them back). False when it could not be done (the reason shown).
    bool answerMassDelete(bool deleteThem);
    /// Runs `use` (on `context`'s thread, not at all once `context` is gone) with the server and
    /// an access token: the last round's while it is fresh, else one from a new round (which
    /// trades the session as every round does); without a session or when the round fails,
    /// with the reason in `error` instead. For the other pages' server features (fan voting).
    void withAccessToken(QObject* context, std::function<void(const QUrl& server, const QString& token, const QString& error)> use);
    /// How long the last round's access token is handed out (the server's last 15 minutes).
    static constexpr qint64 kAccessTokenUsableMs = 10 * 60 * 1000;

Q_SIGNALS:
    void syncFinished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    /// Shows or hides the question about held deletions.
    void reviewHeldDeletes();
    void scheduleNext(bool failed);
    /// Runs a round with a fresh session's access token (syncNow() got it).
    void startRound(const QString& accessToken);
    /// A refresh or a round is under way.
    [[nodiscard]] bool busy() const;
    /// Polled: syncs when edits are waiting and none was made for the settle delay.
    void checkEdits();
    [[nodiscard]] bool editsWaiting() const;
    /// What the keychain keeps: the token and, while a trade is on its way, its successor.
    [[nodiscard]] QString storedSession() const;
    /// The server's newest change is `headSeq`: a round soon if this computer has not pulled it.
    void remoteChanged(qint64 headSeq);

    core::Database& m_db;
    Settings& m_settings;
    QString m_token;  ///< the refresh token of the session
    QString m_nextToken;  ///< its successor, proposed and kept before a trade whose answer is not in yet
    bool m_inKeychain = false;
    bool m_tokenUnsaved = false;  ///< the keychain refused the newest session: saved again first next time
    bool m_refreshing = false;    ///< a refresh is on its way to the server
    std::unique_ptr<sync::SessionLock> m_sessionLock;  ///< held from reading the keychain to saving the new session
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_lockRetry = nullptr;  ///< tries again while another program holds the session lock
    int m_generation = 0;           ///< one more at each sign-in and sign-out: older refresh answers are dropped
    QString m_server;
    std::unique_ptr<sync::SyncClient> m_client;
    QString m_roundToken;  ///< the access token of the last round (the event stream opens with it)
    QElapsedTimer m_roundTokenAt;  ///< when it was given
    std::unique_ptr<sync::HeadWatcher> m_watcher;
    QTimer* m_remoteSoon = nullptr;  ///< a round shortly after another computer synced
    qint64 m_followUpHead = 0;       ///< the newest head announced during a round (weighed after it)
    int m_failures = 0;
    QTimer* m_timer = nullptr;
    QTimer* m_editWatch = nullptr;
    int m_settleMs = kSettleMs;
    qint64 m_lastClock = -1;     ///< sync_state.last_hlc at the last poll (changes with every edit)
    qint64 m_lastEditMs = 0;     ///< when it last changed (steady clock)
    ConflictList* m_conflicts = nullptr;
    MessageBanner* m_banner = nullptr;
    QLineEdit* m_serverEdit = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QWidget* m_signedOut = nullptr;
    QWidget* m_signedIn = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_last = nullptr;
    QString m_held;  ///< why sync is held; empty when it is not
    QProgressBar* m_progress = nullptr;  ///< while a round runs
    QPushButton* m_syncNow = nullptr;
    QWidget* m_massDelete = nullptr;
    QLabel* m_massDeleteText = nullptr;
};

}  // namespace bandmate::ui
