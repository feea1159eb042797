#include "ui/shell/DatabaseCheck.h"

#include "core/storage/Database.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaObject>

Q_LOGGING_CATEGORY(lcDatabaseCheck, "bandmate.ui.databasecheck")

namespace bandmate::ui {

DatabaseCheck::DatabaseCheck(core::Database& db, QObject* parent) : QObject(parent), m_db(db) {}

DatabaseCheck::~DatabaseCheck()
{
    core::Database::stopQuickCheck(&m_stop);
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool DatabaseCheck::startWhenDue()
{
    if (m_db.isReadOnly() || m_thread.joinable()) {
        return false;
    }
    auto due = m_db.fullCheckDue(QDateTime::currentDateTime());
    if (!due) {
        qCWarning(lcDatabaseCheck) << "cannot tell when the database was last checked:" << QString::fromStdString(due.error().toString());
        return false;
    }
    if (*due) {
        start();
    }
    return *due;
}

void DatabaseCheck::start()
{
    if (m_thread.joinable()) {
        return;
    }
    m_thread = std::thread([this, path = m_db.path()] {
        auto result = core::Database::quickCheck(path, &m_stop);
        if (!result && result.error().code == core::ErrorCode::Cancelled) {
            return;  // the app is closing
        }
        const QString text = result ? *result : QString();
        const QString error = result ? QString() : QString::fromStdString(result.error().toString());
        QMetaObject::invokeMethod(this, [this, text, error] { done(text, error); }, Qt::QueuedConnection);
    });
}

void DatabaseCheck::done(const QString& result, const QString& error)
{
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (!error.isEmpty()) {
        // Not a verdict on the file (it may be busy or gone): tried again at the next start.
        qCWarning(lcDatabaseCheck) << "the database check could not run:" << error;
        return;
    }
    const bool sound = result == QLatin1String("ok");
    if (sound) {
        if (auto marked = m_db.markChecked(QDateTime::currentDateTime()); !marked) {
            qCWarning(lcDatabaseCheck) << "cannot record the check:" << QString::fromStdString(marked.error().toString());
        }
    }
    Q_EMIT finished(sound, sound ? QString() : result);
}

}  // namespace bandmate::ui
