#include "sync/server/TopicRelay.h"

#include "sync/server/ServerDatabase.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace bandmate::sync {

namespace {

/// The listening connection's thread: an event loop (QPSQL delivers notifications through a
/// socket notifier) until quit().
class RelayThread final : public QThread {
public:
    RelayThread(QString location, TopicRelay::Reread reread) : m_location(std::move(location)), m_reread(std::move(reread)) {}

    std::atomic<bool> listening{false};
    std::mutex startedMutex;
    std::condition_variable startedChanged;
    bool started = false;  ///< the first attempt to listen is over (either way)

protected:
    void run() override
    {
        const QString name = QStringLiteral("bandmate-topic-relay");
        QObject context;
        QTimer retry;
        retry.setSingleShot(true);
        const auto listen = [&] {
            std::string why;
            {
                auto db = openServerDatabase(name, m_location, {});
                if (!db) {
                    why = db.error().toString();
                } else if (!db->driver()->subscribeToNotification(QString::fromLatin1(TopicRelay::kChannel))) {
                    why = "LISTEN was refused";
                } else {
                    QObject::connect(db->driver(), &QSqlDriver::notification, &context,
                                     [this, name](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                                         QSqlDatabase connection = QSqlDatabase::database(name, false);
                                         m_reread(connection, payload.toString());
                                     });
                    listening = true;
                }
            }
            if (!listening) {
                std::fprintf(stderr, "live updates from other servers: cannot listen (%s); trying again in 5 s\n", why.c_str());
                std::fflush(stderr);
                QSqlDatabase::removeDatabase(name);
                retry.start(5'000);
            }
            const std::lock_guard lock(startedMutex);
            started = true;
            startedChanged.notify_all();
        };
        QObject::connect(&retry, &QTimer::timeout, &context, listen);
        listen();
        exec();
        listening = false;
        QObject::disconnect(&context, nullptr, nullptr, nullptr);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.driver()->unsubscribeFromNotification(QString::fromLatin1(TopicRelay::kChannel));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

private:
    QString m_location;
    TopicRelay::Reread m_reread;
};

}  // namespace

struct TopicRelay::Impl {
    QString location;
    Reread reread;
    std::unique_ptr<RelayThread> thread;
};

TopicRelay::TopicRelay(QString location, Reread reread) : m_impl(std::make_unique<Impl>())
{
    m_impl->location = std::move(location);
    m_impl->reread = std::move(reread);
}

TopicRelay::~TopicRelay()
{
    if (m_impl->thread) {
        m_impl->thread->quit();
        m_impl->thread->wait();
    }
}

void TopicRelay::start()
{
    if (!isPostgresLocation(m_impl->location) || m_impl->thread) {
        return;
    }
    m_impl->thread = std::make_unique<RelayThread>(m_impl->location, m_impl->reread);
    m_impl->thread->start();
    std::unique_lock lock(m_impl->thread->startedMutex);
    m_impl->thread->startedChanged.wait(lock, [this] { return m_impl->thread->started; });
}

bool TopicRelay::isListening() const
{
    return m_impl->thread && m_impl->thread->listening;
}

void TopicRelay::announce(QSqlDatabase& db, const QString& topic)
{
    if (db.driverName() != QLatin1String("QPSQL")) {
        return;
    }
    QSqlQuery notify(db);
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(QString::fromLatin1(kChannel));
    notify.addBindValue(topic);
    if (!notify.exec()) {
        std::fprintf(stderr, "live updates to other servers: NOTIFY failed for %s\n", qPrintable(topic));
        std::fflush(stderr);
    }
}

}  // namespace bandmate::sync
