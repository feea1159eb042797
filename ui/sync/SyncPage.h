#pragma once

#include "sync/client/SyncClient.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class MessageBanner;
class Settings;

/// Optional sync with a Bandmate server: sign up, sign in, sign out, the server's address, the
/// state and the last result in plain words, and Sync now. While signed in it syncs on its own
/// every few minutes (backing off after failures). The session is kept in the system keychain;
/// without one, only until Bandmate quits (and the page says so).
class SyncPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5 * 60 * 1000;

    SyncPage(core::Database& db, Settings& settings, QWidget* parent = nullptr);
    ~SyncPage() override;

    /// Signs in (creating the account first when `create`); false with the reason shown.
    bool signIn(const QString& server, const QString& email, const QString& password, bool create);
    void signOut();
    /// Starts a round now; false when not signed in or one is running.
    bool syncNow();
    [[nodiscard]] bool isSignedIn() const { return !m_token.isEmpty(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString bannerText() const;

Q_SIGNALS:
    void syncFinished(bool ok);

private:
    void refresh();
    void scheduleNext(bool failed);

    core::Database& m_db;
    Settings& m_settings;
    QString m_token;  ///< the refresh token of the session
    bool m_inKeychain = false;
    QString m_server;
    std::unique_ptr<sync::SyncClient> m_client;
    int m_failures = 0;
    QTimer* m_timer = nullptr;
    MessageBanner* m_banner = nullptr;
    QLineEdit* m_serverEdit = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QWidget* m_signedOut = nullptr;
    QWidget* m_signedIn = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_last = nullptr;
    QPushButton* m_syncNow = nullptr;
};

}  // namespace bandmate::ui
