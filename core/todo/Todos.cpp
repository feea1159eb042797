#include "core/todo/Todos.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/util/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bandmate::core::todo {

namespace {

const QString kColumns = QStringLiteral("id, title, notes, due_on, done, done_at, checklist, tags, link_kind, link_id");

Todo fromRow(const QSqlQuery& query)
{
    Todo todo;
    todo.id = query.value(0).toString();
    todo.title = query.value(1).toString();
    todo.notes = query.value(2).toString();
    todo.due = QDate::fromString(query.value(3).toString(), Qt::ISODate);
    todo.done = query.value(4).toInt() != 0;
    if (query.value(5).toLongLong() > 0) {
        todo.doneAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong());
    }
    for (const auto& item : QJsonDocument::fromJson(query.value(6).toString().toUtf8()).array()) {
        todo.checklist.append({item.toObject().value(QStringLiteral("text")).toString(), item.toObject().value(QStringLiteral("done")).toBool()});
    }
    for (const auto& tag : QJsonDocument::fromJson(query.value(7).toString().toUtf8()).array()) {
        todo.tags << tag.toString();
    }
    todo.linkKind = query.value(8).toString();
    todo.linkId = query.value(9).toString();
    return todo;
}

Result<QList<Todo>> select(const QSqlDatabase& db, const QString& where, const QVariantList& binds)
{
    auto query = sql::run(db, QStringLiteral("SELECT %1 FROM task WHERE deleted = 0 %2").arg(kColumns, where), binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Todo> todos;
    while (query->next()) {
        todos.append(fromRow(*query));
    }
    return todos;
}

}  // namespace

TodoRepository::TodoRepository(Database& db) : m_db(db) {}

Result<QString> TodoRepository::save(const Todo& todo)
{
    if (todo.title.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a to-do needs a title", "title");
    }
    static const QStringList kinds{QString(), QStringLiteral("song"), QStringLiteral("show"), QStringLiteral("machine")};
    if (!kinds.contains(todo.linkKind) || todo.linkKind.isEmpty() != todo.linkId.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a link is a kind (song, show or machine) and an id", "link");
    }
    QJsonArray checklist;
    for (const auto& item : todo.checklist) {
        if (!item.text.trimmed().isEmpty()) {
            checklist.append(QJsonObject{{QStringLiteral("text"), item.text.trimmed()}, {QStringLiteral("done"), item.done}});
        }
    }
    QStringList tags;
    for (const QString& tag : todo.tags) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed(), Qt::CaseInsensitive)) {
            tags << tag.trimmed();
        }
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const bool created = todo.id.isEmpty();
    const QString id = created ? UuidV7Generator().next() : todo.id;
    QVariantMap fields{{QStringLiteral("title"), todo.title.trimmed()},
                       {QStringLiteral("notes"), todo.notes},
                       {QStringLiteral("due_on"), todo.due.isValid() ? todo.due.toString(Qt::ISODate) : QStringLiteral("")},
                       {QStringLiteral("checklist"), QString::fromUtf8(QJsonDocument(checklist).toJson(QJsonDocument::Compact))},
                       {QStringLiteral("tags"), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact))},
                       {QStringLiteral("link_kind"), todo.linkKind},
                       {QStringLiteral("link_id"), todo.linkId}};
    if (created) {
        fields.insert(QStringLiteral("created_at"), QDateTime::currentMSecsSinceEpoch());
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(QStringLiteral("task"), id, fields); !written) {
        return std::unexpected(written.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return id;
}

Result<void> TodoRepository::setDone(const QString& id, bool done)
{
    if (auto existing = get(id); !existing) {
        return std::unexpected(existing.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("task"), id,
                             {{QStringLiteral("done"), done ? 1 : 0}, {QStringLiteral("done_at"), done ? QDateTime::currentMSecsSinceEpoch() : 0}});
    });
}

Result<void> TodoRepository::remove(const QString& id)
{
    if (auto existing = get(id); !existing) {
        return std::unexpected(existing.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.remove(QStringLiteral("task"), id); });
}

Result<Todo> TodoRepository::get(const QString& id) const
{
    auto found = select(m_db.connection(), QStringLiteral("AND id = ?"), {id});
    if (!found) {
        return std::unexpected(found.error());
    }
    if (found->isEmpty()) {
        return fail(ErrorCode::NotFound, "no such to-do", id.toStdString());
    }
    return found->first();
}

Result<QList<Todo>> TodoRepository::all() const
{
    return select(m_db.connection(),
                  QStringLiteral("ORDER BY done, CASE WHEN done = 0 AND due_on = '' THEN 1 ELSE 0 END, "
                                 "CASE WHEN done = 0 THEN due_on END, done_at DESC, created_at DESC, id"),
                  {});
}

Result<QList<Todo>> TodoRepository::due(const QDate& today) const
{
    return select(m_db.connection(), QStringLiteral("AND done = 0 AND due_on != '' AND due_on <= ? ORDER BY due_on, id"),
                  {today.toString(Qt::ISODate)});
}

}  // namespace bandmate::core::todo
