#include "sync/server/TopicRelay.h"

#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerLog.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace bandmate::sync {

namespace {

/// The listening connection's thread: an event loop (QPSQL delivers notifications through a
/// socket notifier) until quit().
class RelayThread final : public QThread {
public:
    RelayThread(QString location, TopicRelay::Reread reread, TopicRelay::Resync resync)
        : m_location(std::move(location)), m_reread(std::move(reread)), m_resync(std::move(resync))
    {
    }

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
        // QPSQL says nothing when the server drops the connection (its notifier just stops, or
        // keeps firing on a closed socket): a cheap query every few seconds finds out.
        QTimer check;
        check.setInterval(kCheckMs);
        bool lost = false;  ///< listened before: what was notified since is lost
        const auto say = [](const std::string& text) { ServerLog::notice("live updates from other servers: " + text); };
        const auto forget = [&] {
            listening = false;
            check.stop();
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isValid()) {
                    QObject::disconnect(db.driver(), nullptr, &context, nullptr);
                    db.close();
                }
            }
            QSqlDatabase::removeDatabase(name);
        };
        const auto listen = [&] {
            std::string why;
            {
                auto db = openServerDatabase(name, m_location, {});
                if (!db) {
                    why = db.error().toString();
                } else if (QSqlQuery named(*db); !named.exec(QStringLiteral("SET application_name = '%1'").arg(QLatin1String(TopicRelay::kApplicationName)))) {
                    why = named.lastError().text().toStdString();
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
            if (listening) {
                check.start();
                if (lost) {
                    lost = false;
                    say("listening again");
                    if (m_resync) {
                        QSqlDatabase connection = QSqlDatabase::database(name, false);
                        m_resync(connection);  // what changed meanwhile
                    }
                }
            } else {
                say("cannot listen (" + why + "); trying again in 5 s");
                lost = true;  // streams may open meanwhile: caught up once it listens
                forget();
                retry.start(kRetryMs);
            }
            const std::lock_guard lock(startedMutex);
            started = true;
            startedChanged.notify_all();
        };
        QObject::connect(&retry, &QTimer::timeout, &context, listen);
        QObject::connect(&check, &QTimer::timeout, &context, [&] {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            QSqlQuery alive(db);
            if (db.isOpen() && alive.exec(QStringLiteral("SELECT 1"))) {
                return;
            }
            say("the connection to the database was lost (" + alive.lastError().text().toStdString() + "); listening again");
            alive = QSqlQuery();
            db = QSqlDatabase();
            forget();
            lost = true;
            listen();
        });
        listen();
        exec();
        check.stop();
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
    static constexpr int kCheckMs = 2'000;
    static constexpr int kRetryMs = 5'000;
    QString m_location;
    TopicRelay::Reread m_reread;
    TopicRelay::Resync m_resync;
};

}  // namespace

struct TopicRelay::Impl {
    QString location;
    Reread reread;
    Resync resync;
    std::unique_ptr<RelayThread> thread;
};

TopicRelay::TopicRelay(QString location, Reread reread, Resync resync) : m_impl(std::make_unique<Impl>())
{
    m_impl->location = std::move(location);
    m_impl->reread = std::move(reread);
    m_impl->resync = std::move(resync);
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
    m_impl->thread = std::make_unique<RelayThread>(m_impl->location, m_impl->reread, m_impl->resync);
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
        ServerLog::notice("live updates to other servers: NOTIFY failed for " + topic.toStdString());
    }
}

}  // namespace bandmate::sync
