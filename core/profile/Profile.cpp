#include "core/profile/Profile.h"

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bandmate::core::profile {

namespace {

QStringList listFrom(const QString& json)
{
    QStringList list;
    for (const auto& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        list << value.toString();
    }
    return list;
}

QString listJson(const QStringList& items)
{
    QStringList clean;
    for (const QString& item : items) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty() && !clean.contains(trimmed, Qt::CaseInsensitive)) {
            clean << trimmed;
        }
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(clean)).toJson(QJsonDocument::Compact));
}

}  // namespace

ProfileRepository::ProfileRepository(Database& db) : m_db(db) {}

Result<Profile> ProfileRepository::load() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT artist_name, instruments, genres, goals FROM profile "
                                                            "WHERE deleted = 0 ORDER BY id LIMIT 1"));
    if (!query) {
        return std::unexpected(query.error());
    }
    Profile profile;
    if (query->next()) {
        profile.artistName = query->value(0).toString();
        profile.instruments = listFrom(query->value(1).toString());
        profile.genres = listFrom(query->value(2).toString());
        profile.goals = query->value(3).toString();
    }
    return profile;
}

Result<void> ProfileRepository::save(const Profile& profile)
{
    if (profile.artistName.trimmed().size() > 200) {
        return fail(ErrorCode::InvalidArgument, "an artist name of at most 200 characters, please", "artistName");
    }
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto existing = sql::scalar(db, QStringLiteral("SELECT id FROM profile WHERE deleted = 0 ORDER BY id LIMIT 1"));
    if (!existing) {
        return std::unexpected(existing.error());
    }
    const QString id = existing->isNull() ? UuidV7Generator().next() : existing->toString();
    ChangeTracker tracker(m_db);
    auto written = tracker.write(QStringLiteral("profile"), id,
                                 {{QStringLiteral("artist_name"), profile.artistName.trimmed()},
                                  {QStringLiteral("instruments"), listJson(profile.instruments)},
                                  {QStringLiteral("genres"), listJson(profile.genres)},
                                  {QStringLiteral("goals"), profile.goals.trimmed()}});
    if (!written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

}  // namespace bandmate::core::profile
