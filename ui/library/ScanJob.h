#pragma once

#include "audio/library/MediaScanner.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace bandmate::ui {

/// Scans a music folder on a worker thread with its own database connection (SQLite connections
/// belong to one thread), reporting progress to the UI thread. Cancel stops between files; what
/// was committed so far stays (whole batches), and a rescan picks up the rest.
class ScanJob : public QObject {
    Q_OBJECT
public:
    ScanJob(QString databasePath, QString folder, QObject* parent = nullptr);
    ~ScanJob() override;

    void start();
    void cancel() { m_cancelled = true; }
    /// Runs on the worker thread before each progress report, with the files done so far: a
    /// test holds the worker there to cancel at a moment it chooses. Empty: nothing runs.
    static void setProgressHookForTests(std::function<void(int done)> hook);
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }
    [[nodiscard]] const QString& folder() const { return m_folder; }

Q_SIGNALS:
    void progress(int done, int total);
    /// The scan's counts, or `error` (empty when it worked; "cancelled" counts as an error).
    void finished(const bandmate::audio::ScanResult& result, const QString& error);

private:
    QString m_databasePath;
    QString m_folder;
    std::atomic<bool> m_cancelled{false};
    std::thread m_thread;
};

}  // namespace bandmate::ui
