#include "ui/library/FeedRefreshJob.h"

#include "core/feeds/FeedRepository.h"
#include "core/storage/Database.h"

#include <QThread>
#include <QTimer>

namespace bandmate::ui {

FeedRefreshJob::FeedRefreshJob(QString databasePath, bool manual, QStringList onlyFeedIds, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_manual(manual), m_onlyFeedIds(std::move(onlyFeedIds))
{
    qRegisterMetaType<bandmate::sync::RefreshReport>();
}

FeedRefreshJob* FeedRefreshJob::following(QString databasePath, QString url, QString folder, QObject* parent)
{
    auto* job = new FeedRefreshJob(std::move(databasePath), true, {}, parent);
    job->m_followUrl = std::move(url);
    job->m_followFolder = std::move(folder);
    return job;
}

FeedRefreshJob::~FeedRefreshJob()
{
    m_cancelled = true;
    if (m_thread != nullptr) {
        m_thread->wait();
        delete m_thread;
    }
}

void FeedRefreshJob::setListing(const core::feeds::ItemFilter& filter)
{
    m_listing.wanted = true;
    m_listing.filter = filter;
}

void FeedRefreshJob::deleteWhenDone()
{
    // Connected first, then checked: the thread may end in between (deleteLater twice is harmless).
    if (m_thread != nullptr) {
        connect(m_thread, &QThread::finished, this, &QObject::deleteLater, Qt::QueuedConnection);
    }
    if (m_thread == nullptr || m_thread->isFinished()) {
        deleteLater();
    }
}

bool FeedRefreshJob::isRunning() const
{
    return m_thread != nullptr && m_thread->isRunning();
}

void FeedRefreshJob::start()
{
    m_thread = QThread::create([this] {
        sync::RefreshReport report;
        {
            auto db = core::Database::open(m_databasePath);
            if (!db) {
                report.errors.append({{}, {}, QString::fromStdString(db.error().toString())});
            } else {
                sync::FeedRefresh refresh(**db);
                connect(&refresh, &sync::FeedRefresh::progress, this, &FeedRefreshJob::progress, Qt::DirectConnection);
                // The cancel flag is read on the worker, between network events.
                QTimer watch;
                watch.setInterval(50);
                connect(&watch, &QTimer::timeout, &refresh, [this, &refresh] {
                    if (m_cancelled) {
                        refresh.cancel();
                    }
                });
                watch.start();
                if (m_followUrl.isEmpty()) {
                    report = refresh.run(m_manual, m_onlyFeedIds);
                } else {
                    QString folderId;
                    QString error;
                    if (!m_followFolder.trimmed().isEmpty()) {
                        auto folder = core::feeds::FeedRepository(**db).folder(m_followFolder);
                        folderId = folder.value_or(QString());
                        if (!folder) {
                            error = QString::fromStdString(folder.error().toString());
                        }
                    }
                    if (error.isEmpty()) {
                        auto followed = refresh.follow(m_followUrl, folderId);
                        if (followed) {
                            report = followed->report;
                            Q_EMIT this->followed(followed->id, {});
                        } else {
                            error = QString::fromStdString(followed.error().toString());
                        }
                    }
                    if (!error.isEmpty()) {
                        Q_EMIT this->followed({}, error);
                    }
                }
            }
            if (db && m_listing.wanted) {
                auto feeds = core::feeds::FeedRepository(**db).feeds();
                auto folders = core::feeds::FeedRepository(**db).folders();
                auto items = core::feeds::FeedItemRepository(**db).items(m_listing.filter);
                m_listing.read = feeds && folders && items;
                if (m_listing.read) {
                    m_listing.feeds = std::move(*feeds);
                    m_listing.folders = std::move(*folders);
                    m_listing.items = std::move(*items);
                }
            }
        }  // the worker's connection closes on the worker
        Q_EMIT finished(report);
    });
    m_thread->setObjectName(QStringLiteral("feed refresh"));
    m_thread->start();
}

}  // namespace bandmate::ui
