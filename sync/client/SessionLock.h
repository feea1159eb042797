#pragma once

#include <QLockFile>
#include <QString>

namespace bandmate::sync {

/// One program at a time trades a server's refresh token on this computer (the app, each
/// bandmate-cli): whoever holds the lock reads the keychain, refreshes and saves the new token
/// before letting go, so no program presents a token another one already spent (the server would
/// rightly end the session). A lock file per user in a folder every program of that user finds
/// whatever its environment (/run/user/UID, else the temporary folder), freed when its holder
/// exits or crashes, never taken from a holder that is still running.
class SessionLock {
public:
    explicit SessionLock(const QString& serverUrl);
    ~SessionLock();
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;

    /// Takes the lock, waiting up to `waitMs`; false when another program still holds it, or
    /// when the lock file cannot be made (problem() says why).
    [[nodiscard]] bool tryLock(int waitMs = 0);
    /// Why the last tryLock() failed other than because another program holds the lock; empty
    /// otherwise.
    [[nodiscard]] QString problem() const;
    void unlock();
    /// The lock file for `serverUrl`.
    [[nodiscard]] static QString pathFor(const QString& serverUrl);

private:
    /// Whether the lock file is one a holder left behind without saying who it is (killed between
    /// making the file and writing its process into it): Qt never takes such a file for stale.
    [[nodiscard]] bool abandoned() const;
    /// Removes an abandoned lock file and takes the lock; false when the file is not abandoned
    /// or another program got there first.
    [[nodiscard]] bool takeOverAbandoned();

    QString m_path;
    QLockFile m_file;
};

}  // namespace bandmate::sync
