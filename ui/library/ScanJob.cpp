#include "ui/library/ScanJob.h"

#include "core/storage/Database.h"

#include <QMetaObject>

namespace bandmate::ui {

namespace {

std::function<void(int)>& progressHook()
{
    static std::function<void(int)> hook;
    return hook;
}

}  // namespace

void ScanJob::setProgressHookForTests(std::function<void(int done)> hook)
{
    progressHook() = std::move(hook);
}

ScanJob::ScanJob(QString databasePath, QString folder, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_folder(std::move(folder))
{
    qRegisterMetaType<bandmate::audio::ScanResult>();
}

ScanJob::~ScanJob()
{
    m_cancelled = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void ScanJob::start()
{
    // The test hook is read here, on the thread that sets it, before the worker exists.
    m_thread = std::thread([this, hook = progressHook()] {
        audio::ScanResult result;
        QString error;
        {
            auto db = core::Database::open(m_databasePath);
            if (!db) {
                error = QString::fromStdString(db.error().toString());
            } else {
                auto scanned = audio::MediaScanner(**db).scan(m_folder.toStdString(), [this, &hook](int done, int total) {
                    if (hook) {
                        hook(done);
                    }
                    Q_EMIT progress(done, total);
                    return !m_cancelled.load();
                });
                if (scanned) {
                    result = *scanned;
                } else {
                    error = scanned.error().code == core::ErrorCode::Cancelled ? tr("Scan cancelled; what was read so far is kept.")
                                                                               : QString::fromStdString(scanned.error().toString());
                }
            }
        }  // the worker's connection closes on the worker
        Q_EMIT finished(result, error);
    });
}

}  // namespace bandmate::ui
