#include "core/sync/EntityCatalog.h"

namespace bandmate::core {

const QStringList& syncedEntities()
{
    static const QStringList entities = {
        QStringLiteral("profile"),
        QStringLiteral("machine"),
        QStringLiteral("machine_instrument"),
        QStringLiteral("program"),
        QStringLiteral("note"),
        QStringLiteral("arrangement"),
        QStringLiteral("arrangement_section"),
        QStringLiteral("machine_version"),
        QStringLiteral("practice_session"),
        QStringLiteral("coach_take"),
        QStringLiteral("roadmap"),
        QStringLiteral("roadmap_stage"),
        QStringLiteral("roadmap_task"),
        QStringLiteral("task_progress"),
        QStringLiteral("stat_entry"),
        QStringLiteral("task"),
        QStringLiteral("song"),
        QStringLiteral("play_event"),
        QStringLiteral("show"),
        QStringLiteral("setlist"),
        QStringLiteral("setlist_entry"),
        QStringLiteral("playlist"),
        QStringLiteral("playlist_item"),
        QStringLiteral("sync_conflict"),
        QStringLiteral("fan_vote"),
        QStringLiteral("feed_folder"),
        QStringLiteral("feed"),
        QStringLiteral("feed_item_state"),
    };
    return entities;
}

bool isSyncedEntity(const QString& entity)
{
    return syncedEntities().contains(entity);
}

bool isProseField(const QString& entity, const QString& field)
{
    static const QStringList fields = {
        QStringLiteral("profile.goals"),      QStringLiteral("roadmap_task.description"), QStringLiteral("task_progress.notes"),
        QStringLiteral("task.notes"),         QStringLiteral("song.notes"),               QStringLiteral("song.chart"),
        QStringLiteral("show.notes"),         QStringLiteral("setlist_entry.notes"),
    };
    return fields.contains(entity + QLatin1Char('.') + field);
}

}  // namespace bandmate::core
