#include "ui/sync/SyncPage.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/DeleteGuard.h"
#include "sync/client/AccountClient.h"
#include "sync/client/CredentialStore.h"
#include "sync/client/SessionLock.h"
#include "ui/shell/Heading.h"
#include "ui/shell/MessageBanner.h"
#include "ui/shell/PageActions.h"
#include "ui/shell/Settings.h"
#include "ui/sync/ConflictList.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace bandmate::ui {

SyncPage::SyncPage(core::Database& db, Settings& settings, QWidget* parent) : QWidget(parent), m_db(db), m_settings(settings)
{
    setObjectName(QStringLiteral("page-sync"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Sync"), 17, this));
    auto* intro = new QLabel(tr("Optional: keep your roadmaps, machines, songs and setlists in step on several computers through a "
                                "Bandmate server. Bandmate works fully offline without it; edits made offline are sent the next time."),
                             this);
    intro->setWordWrap(true);
    intro->setMaximumWidth(720);
    layout->addWidget(intro);
    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    m_signedOut = new QWidget(this);
    m_signedOut->setMaximumWidth(560);
    auto* form = new QFormLayout(m_signedOut);
    m_serverEdit = new QLineEdit(m_settings.syncServer(), m_signedOut);
    m_serverEdit->setObjectName(QStringLiteral("syncServer"));
    m_serverEdit->setPlaceholderText(QStringLiteral("https://sync.example.com"));
    m_email = new QLineEdit(m_settings.syncEmail(), m_signedOut);
    m_email->setObjectName(QStringLiteral("syncEmail"));
    m_password = new QLineEdit(m_signedOut);
    m_password->setObjectName(QStringLiteral("syncPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Server:"), m_serverEdit);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    auto* buttons = new QHBoxLayout();
    auto* signInButton = new QPushButton(tr("Sign in"), m_signedOut);
    signInButton->setDefault(true);
    auto* createButton = new QPushButton(tr("Create account"), m_signedOut);
    buttons->addWidget(signInButton);
    buttons->addWidget(createButton);
    buttons->addStretch(1);
    form->addRow(buttons);
    connect(signInButton, &QPushButton::clicked, this, [this] { signIn(m_serverEdit->text(), m_email->text(), m_password->text(), false); });
    connect(createButton, &QPushButton::clicked, this, [this] { signIn(m_serverEdit->text(), m_email->text(), m_password->text(), true); });
    connect(m_password, &QLineEdit::returnPressed, signInButton, &QPushButton::click);
    layout->addWidget(m_signedOut);

    m_signedIn = new QWidget(this);
    auto* state = new QVBoxLayout(m_signedIn);
    m_status = new QLabel(m_signedIn);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_last = new QLabel(m_signedIn);
    m_last->setObjectName(QStringLiteral("syncLast"));
    m_last->setWordWrap(true);
    auto* row = new QHBoxLayout();
    m_syncNow = new QPushButton(tr("Sync now"), m_signedIn);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setToolTip(tr("Send and receive changes now (Ctrl+R)"));
    addPageAction(this, tr("Sync Now"), {QKeySequence(Qt::CTRL | Qt::Key_R)}, [this] { syncNow(); });
    auto* signOutButton = new QPushButton(tr("Sign out"), m_signedIn);
    row->addWidget(m_syncNow);
    row->addWidget(signOutButton);
    row->addStretch(1);
    m_progress = new QProgressBar(m_signedIn);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(420);
    m_progress->setFormat(tr("Syncing… %p%"));
    m_progress->hide();
    state->addWidget(m_status);
    state->addWidget(m_progress);
    state->addWidget(m_last);
    state->addLayout(row);
    connect(m_syncNow, &QPushButton::clicked, this, [this] { syncNow(); });
    connect(signOutButton, &QPushButton::clicked, this, &SyncPage::signOut);
    layout->addWidget(m_signedIn);

    // Deletions from another computer that would remove most of something wait here.
    m_massDelete = new QFrame(this);
    m_massDelete->setObjectName(QStringLiteral("massDelete"));
    m_massDelete->setMaximumWidth(720);
    m_massDelete->setStyleSheet(QStringLiteral("#massDelete { border: 1px solid #c9822b; border-radius: 6px; background: rgba(201, 130, 43, 0.10); }"));
    auto* question = new QVBoxLayout(m_massDelete);
    m_massDeleteText = new QLabel(m_massDelete);
    m_massDeleteText->setObjectName(QStringLiteral("massDeleteText"));
    m_massDeleteText->setWordWrap(true);
    auto* answers = new QHBoxLayout();
    auto* deleteThem = new QPushButton(tr("Delete them"), m_massDelete);
    deleteThem->setObjectName(QStringLiteral("massDeleteApply"));
    auto* keepThem = new QPushButton(tr("Keep them"), m_massDelete);
    keepThem->setObjectName(QStringLiteral("massDeleteKeep"));
    keepThem->setDefault(true);
    keepThem->setToolTip(tr("Keep them here and bring them back on your other computers"));
    answers->addWidget(keepThem);
    answers->addWidget(deleteThem);
    answers->addStretch(1);
    question->addWidget(m_massDeleteText);
    question->addLayout(answers);
    connect(deleteThem, &QPushButton::clicked, this, [this] { answerMassDelete(true); });
    connect(keepThem, &QPushButton::clicked, this, [this] { answerMassDelete(false); });
    m_massDelete->hide();  // until held deletions ask (reviewHeldDeletes)
    layout->addWidget(m_massDelete);

    m_conflicts = new ConflictList(m_db, this);
    m_conflicts->setMaximumWidth(960);
    layout->addWidget(m_conflicts, 1);
    layout->addStretch(0);

    m_network = new QNetworkAccessManager(this);
    m_lockRetry = new QTimer(this);
    m_lockRetry->setSingleShot(true);
    connect(m_lockRetry, &QTimer::timeout, this, [this] { syncNow(); });
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { syncNow(); });
    m_editWatch = new QTimer(this);
    connect(m_editWatch, &QTimer::timeout, this, &SyncPage::checkEdits);
    m_remoteSoon = new QTimer(this);
    m_remoteSoon->setSingleShot(true);
    connect(m_remoteSoon, &QTimer::timeout, this, [this] { syncNow(); });
    setSettleDelay(kSettleMs);

    // A session saved in the keychain by an earlier run: picked up (and synced) shortly after
    // start-up rather than during it, since asking the keychain may wait on D-Bus.
    if (!m_settings.syncServer().isEmpty()) {
        QTimer::singleShot(2'000, this, [this] {
            if (m_token.isEmpty()) {
                if (auto token = sync::CredentialStore::load(m_settings.syncServer()); token) {
                    const auto kept = sync::StoredSession::parse(*token);
                    m_token = kept.refreshToken;
                    m_nextToken = kept.nextToken;  // a trade a crash cut short: asked again as it was
                    m_inKeychain = true;
                    m_server = m_settings.syncServer();
                    syncNow();
                }
            }
        });
    }
    refresh();
}

void SyncPage::showEvent(QShowEvent* event)
{
    // Looked at when the page is opened (and after each round), not while Bandmate starts.
    reviewHeldDeletes();
    QWidget::showEvent(event);
}

SyncPage::~SyncPage()
{
    if (m_client) {
        m_client->disconnect(this);
    }
    m_watcher.reset();
}

bool SyncPage::signIn(const QString& server, const QString& email, const QString& password, bool create)
{
    const QUrl url(server.trimmed());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()) {
        m_banner->showMessage(tr("Enter the server's address, such as https://sync.example.com."), true);
        return false;
    }
    if (create) {
        if (auto created = sync::AccountClient::registerAccount(url, email, password); !created) {
            m_banner->showMessage(QString::fromStdString(created.error().message), true);
            return false;
        }
    }
    auto session = sync::AccountClient::login(url, email, password);
    if (!session) {
        m_banner->showMessage(QString::fromStdString(session.error().message), true);
        return false;
    }
    // A new session: whatever the old one had on its way is dropped.
    ++m_generation;
    m_watcher.reset();  // a stream of the session before, if any
    m_refreshing = false;
    m_sessionLock.reset();
    m_lockRetry->stop();
    m_tokenUnsaved = false;
    m_token = session->refreshToken;
    m_nextToken.clear();
    m_server = url.toString();
    m_password->clear();
    m_settings.setSyncAccount(m_server, email.trimmed());
    auto saved = sync::CredentialStore::save(m_server, m_token);
    m_inKeychain = saved.has_value();
    if (!saved) {
        m_banner->showMessage(tr("Signed in. There is no keychain on this system, so the session lasts until Bandmate quits."), false);
    } else {
        m_banner->showMessage(tr("Signed in as %1.").arg(email.trimmed()), false);
    }
    refresh();
    syncNow();
    return true;
}

QString SyncPage::storedSession() const
{
    return sync::StoredSession{m_token, m_nextToken}.toString();
}

void SyncPage::signOut()
{
    // A refresh on its way is for the session ending here: its answer will be dropped.
    ++m_generation;
    m_refreshing = false;
    m_lockRetry->stop();
    if (!m_server.isEmpty() && !m_token.isEmpty()) {
        (void)sync::AccountClient::logout(QUrl(m_server), m_token);  // offline: the session just expires
        (void)sync::CredentialStore::remove(m_server);
    }
    m_sessionLock.reset();
    m_tokenUnsaved = false;
    m_token.clear();
    m_nextToken.clear();
    m_timer->stop();
    m_watcher.reset();
    m_remoteSoon->stop();
    m_followUpHead = 0;
    m_banner->showMessage(tr("Signed out. Your data stays on this computer."), false);
    refresh();
}

void SyncPage::withAccessToken(QObject* context, std::function<void(const QUrl& server, const QString& token, const QString& error)> use)
{
    if (!isSignedIn()) {
        use({}, {}, tr("Sign in on the Sync page first: fan votes and shared grooves live on your Bandmate server."));
        return;
    }
    // The last round's token while it has a few minutes left; else a round trades the session.
    if (!m_roundToken.isEmpty() && m_roundTokenAt.isValid() && m_roundTokenAt.elapsed() < kAccessTokenUsableMs) {
        use(QUrl(m_server), m_roundToken, {});
        return;
    }
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &SyncPage::syncFinished, context, [this, once, use = std::move(use)](bool ok) {
        QObject::disconnect(*once);
        // A round that failed after the session was traded (its data, not the server) still
        // leaves a good token.
        const bool fresh = !m_roundToken.isEmpty() && m_roundTokenAt.isValid() && m_roundTokenAt.elapsed() < kAccessTokenUsableMs;
        if ((ok || fresh) && !m_roundToken.isEmpty()) {
            use(QUrl(m_server), m_roundToken, {});
        } else {
            use({}, {}, tr("Your Bandmate server could not be reached: %1").arg(m_last->text()));
        }
    });
    if (!syncNow() && !busy()) {
        QObject::disconnect(*once);
        use({}, {}, m_held.isEmpty() ? tr("Sync is not possible right now.") : m_held);
    }
}

bool SyncPage::busy() const
{
    return m_refreshing || (m_client && m_client->isRunning());
}

void SyncPage::hold(const QString& reason)
{
    m_held = reason;
    m_timer->stop();
    m_editWatch->stop();
    m_watcher.reset();
    m_remoteSoon->stop();
    m_lockRetry->stop();
    m_last->setText(reason);
    m_last->setStyleSheet(QStringLiteral("color: #b03020;"));
}

bool SyncPage::syncNow()
{
    if (!m_held.isEmpty()) {
        m_last->setText(m_held);
        m_last->setStyleSheet(QStringLiteral("color: #b03020;"));
        return false;
    }
    if (m_token.isEmpty() || busy()) {
        return false;  // one round, and one refresh, at a time (the button, Ctrl+R and the timers)
    }
    // Busy from here to the round: the keychain calls below wait in event loops of their own,
    // where Ctrl+R or a timer could otherwise start a second refresh of the same token.
    m_refreshing = true;
    // One program at a time trades this server's session on this computer: bandmate-cli sync
    // may be doing it right now. Then try again in a moment (one timer, not one per attempt).
    if (!m_sessionLock) {
        m_sessionLock = std::make_unique<sync::SessionLock>(m_server);
    }
    if (!m_sessionLock->tryLock()) {
        m_refreshing = false;
        const QString problem = m_sessionLock->problem();
        m_sessionLock.reset();
        if (!problem.isEmpty()) {
            m_last->setText(problem);
            m_last->setStyleSheet(QStringLiteral("color: #b03020;"));
            scheduleNext(true);
        } else {
            m_last->setText(tr("Waiting for another Bandmate program that is signing in to this server…"));
            m_last->setStyleSheet(QString());
            m_lockRetry->start(kSessionLockRetryMs);
        }
        return false;
    }
    // The keychain calls below wait in event loops of their own: signing out or in meanwhile
    // ends this round here (its session is not this one any more).
    const int generation = m_generation;
    const auto superseded = [this, generation] { return generation != m_generation || m_token.isEmpty(); };
    if (m_inKeychain) {
        if (m_tokenUnsaved) {
            // The last new session never reached the keychain: keep it there first.
            m_tokenUnsaved = !sync::CredentialStore::save(m_server, storedSession()).has_value();
            if (superseded()) {
                return false;
            }
        }
        if (!m_tokenUnsaved) {
            // The keychain holds the newest session: another program may have traded the one
            // held here since.
            auto stored = sync::CredentialStore::load(m_server);
            if (superseded()) {
                return false;
            }
            if (stored && !stored->isEmpty()) {
                const auto kept = sync::StoredSession::parse(*stored);
                m_token = kept.refreshToken;
                m_nextToken = kept.nextToken;
            }
        }
    }
    // The successor of the token is chosen here and kept before the trade goes out: if Bandmate
    // dies or the answer is lost, the next round asks again with the same pair and the server
    // answers it instead of taking the spent token for a stolen one. A keychain that refuses it
    // leaves the pair in memory (still safe against a lost answer) and the lock held until it is
    // kept, so no other program trades the token alone meanwhile.
    if (m_nextToken.isEmpty()) {
        m_nextToken = sync::StoredSession::newToken();
        if (m_inKeychain && !m_tokenUnsaved) {
            const bool kept = sync::CredentialStore::save(m_server, storedSession()).has_value();
            if (superseded()) {
                return false;
            }
            m_tokenUnsaved = !kept;
        }
    }
    refresh();
    // Each round trades the refresh token for a fresh session and keeps the new refresh token;
    // the answer comes back here without an event loop of its own. An answer for a session
    // signed out (or replaced) meanwhile is dropped.
    sync::AccountClient::refreshAsync(*m_network, QUrl(m_server), m_token, m_nextToken, this, [this, generation](core::Result<sync::ClientSession> session) {
        if (generation != m_generation) {
            return;  // signOut() or signIn() already let go of the lock and the flag
        }
        if (!session) {
            m_refreshing = false;
            // The lock goes only with a saved session: while the newest one is only in memory,
            // another program would trade the spent one the keychain holds.
            if (!m_tokenUnsaved || session.error().code == core::ErrorCode::NotFound) {
                m_sessionLock.reset();
            }
            m_last->setText(QString::fromStdString(session.error().message));
            m_last->setStyleSheet(QStringLiteral("color: #b03020;"));
            if (session.error().code == core::ErrorCode::NotFound) {
                m_token.clear();  // the server ended the session: sign in again
                m_nextToken.clear();
                m_watcher.reset();
                m_remoteSoon->stop();
                (void)sync::CredentialStore::remove(m_server);
            } else {
                scheduleNext(true);
            }
            refresh();
            Q_EMIT syncFinished(false);
            return;
        }
        m_token = session->refreshToken;
        m_nextToken.clear();
        if (m_inKeychain) {
            auto saved = sync::CredentialStore::save(m_server, m_token);
            m_tokenUnsaved = !saved.has_value();
            if (!saved) {
                m_banner->showMessage(tr("The new session could not be saved in the keychain (%1). Bandmate keeps it until it quits and tries "
                                         "again at the next sync.")
                                          .arg(QString::fromStdString(saved.error().message)),
                                      true);
            }
        }
        if (generation != m_generation) {
            return;  // signed out while the keychain was asked
        }
        // The keychain holds the new session: others may trade it now. Not while it does not:
        // another program would trade the spent one and end the session for both.
        if (!m_tokenUnsaved) {
            m_sessionLock.reset();
        }
        m_refreshing = false;
        startRound(session->accessToken);
    });
    return true;
}

void SyncPage::startRound(const QString& accessToken)
{
    m_roundToken = accessToken;
    m_roundTokenAt.start();
    m_client = std::make_unique<sync::SyncClient>(m_db, QUrl(m_server), accessToken);
    connect(m_client.get(), &sync::SyncClient::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setVisible(total > 0);
    });
    connect(m_client.get(), &sync::SyncClient::finished, this, [this](const sync::SyncReport& report) {
        m_last->setText(tr("Last sync %1: %2 sent, %3 received%4.")
                            .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))
                            .arg(report.pushed)
                            .arg(report.pulled)
                            .arg(report.conflicts == 1   ? tr(", 1 edit made on two computers at once (the newer one kept)")
                                 : report.conflicts > 1 ? tr(", %1 edits made on two computers at once (the newer ones kept)").arg(report.conflicts)
                                                        : QString()));
        if (report.newerData || report.keptAside > 0) {
            m_last->setText(m_last->text() + QLatin1Char(' ')
                            + tr("A newer Bandmate on another computer wrote data this version cannot show yet; update Bandmate to see it."));
        }
        m_last->setStyleSheet(QString());
        scheduleNext(false);
        if (!m_token.isEmpty() && m_held.isEmpty() && (!m_watcher || !m_watcher->isOpen())) {
            // Between rounds the server says when another computer of the account synced. The
            // stream lives as long as the connection; the next round opens a new one if needed.
            m_watcher = std::make_unique<sync::HeadWatcher>(*m_network, QUrl(m_server), m_roundToken);
            connect(m_watcher.get(), &sync::HeadWatcher::headChanged, this, &SyncPage::remoteChanged);
        }
        // A push announced during the round that the round did not pull (its own it did).
        if (const qint64 heard = std::exchange(m_followUpHead, 0); heard > 0) {
            remoteChanged(heard);
        }
        m_conflicts->reload();
        reviewHeldDeletes();
        refresh();
        Q_EMIT syncFinished(true);
    });
    connect(m_client.get(), &sync::SyncClient::failed, this, [this](const QString& message) {
        m_last->setText(message);
        m_last->setStyleSheet(QStringLiteral("color: #b03020;"));
        scheduleNext(true);
        m_conflicts->reload();
        refresh();
        Q_EMIT syncFinished(false);
    });
    m_client->start();
    refresh();
}

void SyncPage::remoteChanged(qint64 headSeq)
{
    if (m_token.isEmpty() || !m_held.isEmpty() || m_failures > 0) {
        return;  // (after failures the back-off decides when to try again)
    }
    // This computer's own push is announced too; it has pulled that far by the round's end.
    auto cursor = core::sql::scalar(m_db.connection(), QStringLiteral("SELECT pull_cursor FROM sync_state WHERE singleton = 1"));
    if (cursor && headSeq <= cursor->toLongLong()) {
        return;
    }
    if (busy()) {
        m_followUpHead = std::max(m_followUpHead, headSeq);  // weighed again when the round ends
        return;
    }
    if (!m_remoteSoon->isActive()) {
        m_remoteSoon->start(kRemoteChangeDelayMs);
    }
}

void SyncPage::scheduleNext(bool failed)
{
    // Back off after failures: 1, 2, 4 … minutes, never longer than the normal interval.
    m_failures = failed ? m_failures + 1 : 0;
    const int delay = failed ? std::min(kIntervalMs, 60'000 << std::min(m_failures - 1, 4)) : kIntervalMs;
    m_timer->start(delay);
    if (failed) {
        m_last->setText(m_last->text() + QLatin1Char(' ')
                        + tr("Next try at %1.").arg(QLocale().toString(QTime::currentTime().addMSecs(delay), QLocale::ShortFormat)));
    }
}

int SyncPage::nextSyncInMs() const
{
    return m_timer->isActive() ? m_timer->remainingTime() : -1;
}

void SyncPage::setSettleDelay(int ms)
{
    m_settleMs = std::max(1, ms);
    m_editWatch->start(std::clamp(m_settleMs / 3, 50, 5'000));
}

bool SyncPage::editsWaiting() const
{
    auto waiting = core::sql::scalar(m_db.connection(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox)"));
    return waiting && waiting->toBool();
}

void SyncPage::checkEdits()
{
    if (m_token.isEmpty() || busy() || m_failures > 0) {
        return;  // after a failure the back-off timer decides when to try again
    }
    auto clock = core::sql::scalar(m_db.connection(), QStringLiteral("SELECT last_hlc FROM sync_state WHERE singleton = 1"));
    if (!clock) {
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (clock->toLongLong() != m_lastClock) {
        m_lastClock = clock->toLongLong();
        m_lastEditMs = now;
        return;
    }
    if (now - m_lastEditMs >= m_settleMs && editsWaiting()) {
        syncNow();
    }
}

bool SyncPage::hasWorkBeforeQuit() const
{
    const bool unsavedSession = m_inKeychain && m_tokenUnsaved;
    return !m_token.isEmpty() && (unsavedSession || (m_held.isEmpty() && (busy() || editsWaiting())));
}

bool SyncPage::syncBeforeQuit(int timeoutMs)
{
    if (m_token.isEmpty()) {
        return true;
    }
    // A session the keychain refused before goes there first: gone with the process, the next
    // start would present the spent one and be signed out.
    if (m_inKeychain && m_tokenUnsaved && !m_refreshing) {
        m_tokenUnsaved = !sync::CredentialStore::save(m_server, storedSession()).has_value();
        if (!m_tokenUnsaved && !busy()) {
            m_sessionLock.reset();
        }
    }
    QElapsedTimer elapsed;
    elapsed.start();
    // A round already running may have started before the last edits: wait for it, then send
    // what is left.
    for (int round = 0; round < 2 && elapsed.elapsed() < timeoutMs; ++round) {
        if (!busy()) {
            if (!editsWaiting() || !syncNow()) {
                break;
            }
        }
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &SyncPage::syncFinished, &loop, &QEventLoop::quit);
        deadline.start(static_cast<int>(std::max<qint64>(1, timeoutMs - elapsed.elapsed())));
        loop.exec();
    }
    // A refresh still on its way may already have traded the session on the server: its answer
    // is kept before quitting, or the next start would present a spent token (at most the
    // request's own timeout).
    while (m_refreshing && elapsed.elapsed() < timeoutMs + kRefreshAnswerWaitMs) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !editsWaiting();
}

void SyncPage::reviewHeldDeletes()
{
    auto held = core::DeleteGuard(m_db).held();
    const bool ask = held && core::DeleteGuard::needsAnswer(*held);
    if (ask) {
        m_massDeleteText->setText(tr("<b>This sync would delete %1.</b> They were deleted on another computer; nothing is deleted here "
                                     "until you say so. Keep them to bring them back on every computer.")
                                      .arg(sync::SyncClient::describeHeld(*held).toHtmlEscaped()));
    }
    m_massDelete->setVisible(ask);
}

QString SyncPage::massDeleteQuestion() const
{
    return m_massDelete->isHidden() ? QString() : m_massDeleteText->text();
}

bool SyncPage::answerMassDelete(bool deleteThem)
{
    core::DeleteGuard guard(m_db);
    auto done = deleteThem ? guard.deleteHeld() : guard.restoreHeld();
    if (!done) {
        m_banner->showMessage(QString::fromStdString(done.error().message), true);
        return false;
    }
    const QString message = deleteThem ? (*done == 1 ? tr("Deleted 1 item, as on your other computer.") : tr("Deleted %1 items, as on your other computer."))
                                       : (*done == 1 ? tr("Kept 1 item; it comes back on your other computers at their next sync.")
                                                     : tr("Kept %1 items; they come back on your other computers at their next sync."));
    m_banner->showMessage(message.arg(*done), false);
    reviewHeldDeletes();
    if (!deleteThem) {
        syncNow();  // send the restored items
    }
    return true;
}

void SyncPage::refresh()
{
    const bool signedIn = !m_token.isEmpty();
    m_signedOut->setVisible(!signedIn);
    m_signedIn->setVisible(signedIn);
    const bool running = busy();
    m_syncNow->setEnabled(signedIn && !running);
    if (!running) {
        m_progress->hide();
    }
    m_conflicts->setVisible(signedIn || m_conflicts->count() > 0);
    m_status->setText(signedIn ? (running ? tr("Syncing with %1…").arg(m_server) : tr("Signed in to %1 as %2.").arg(m_server, m_settings.syncEmail()))
                               : tr("Not signed in."));
}

QString SyncPage::statusText() const
{
    return m_status->text() + QLatin1Char('\n') + m_last->text();
}

QString SyncPage::bannerText() const
{
    return m_banner->visibleText();
}

}  // namespace bandmate::ui
