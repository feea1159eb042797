#include "core/setlists/Setlists.h"

#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/setlists/FanVotes.h"
#include "core/setlists/RunSheet.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/storage/OrderedList.h"
#include "core/util/Uuid.h"

#include <QHash>

namespace bandmate::core::setlists {

namespace {

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
const QString kTimeFormat = QStringLiteral("HH:mm");

QString setKindName(SetKind kind) { return kind == SetKind::Encore ? QStringLiteral("encore") : QStringLiteral("set"); }
QString entryKindName(EntryKind kind) { return kind == EntryKind::Break ? QStringLiteral("break") : QStringLiteral("song"); }

const QString kShowColumns = QStringLiteral("id, name, date, start_time, venue, city, slot_minutes, fee, notes, performed_at");
const QString kEntryColumns = QStringLiteral("id, setlist_id, kind, song_id, title, duration_ms, transpose, notes, position");

Show showFrom(const QSqlQuery& q)
{
    Show show;
    show.id = q.value(0).toString();
    show.name = q.value(1).toString();
    show.date = QDate::fromString(q.value(2).toString(), kDateFormat);
    show.startTime = QTime::fromString(q.value(3).toString(), kTimeFormat);
    show.venue = q.value(4).toString();
    show.city = q.value(5).toString();
    show.slotMinutes = q.value(6).toInt();
    show.fee = q.value(7).toDouble();
    show.notes = q.value(8).toString();
    if (const qint64 performed = q.value(9).toLongLong(); performed > 0) {
        show.performedAt = QDateTime::fromMSecsSinceEpoch(performed);
    }
    return show;
}

SetlistEntry entryFrom(const QSqlQuery& q)
{
    SetlistEntry entry;
    entry.id = q.value(0).toString();
    entry.setlistId = q.value(1).toString();
    entry.kind = q.value(2).toString() == QLatin1String("break") ? EntryKind::Break : EntryKind::Song;
    entry.songId = q.value(3).toString();
    entry.title = q.value(4).toString();
    entry.durationMs = q.value(5).toLongLong();
    entry.transpose = q.value(6).toInt();
    entry.notes = q.value(7).toString();
    entry.position = q.value(8).toString();
    return entry;
}

Result<void> validateEntry(const SetlistEntry& entry)
{
    if (entry.durationMs < 0 || entry.durationMs > 24LL * 3600 * 1000) {
        return fail(ErrorCode::InvalidArgument, "a length from 0 to 24 hours", "duration");
    }
    if (entry.transpose < -11 || entry.transpose > 11) {
        return fail(ErrorCode::InvalidArgument, "a transposition from -11 to +11 semitones", "transpose");
    }
    return {};
}

}  // namespace

int ShowPlan::songCount() const
{
    int count = 0;
    for (const Setlist& set : sets) {
        for (const SetlistEntry& entry : set.entries) {
            count += entry.kind == EntryKind::Song ? 1 : 0;
        }
    }
    return count;
}

SetlistRepository::SetlistRepository(Database& db) : m_db(db) {}

Result<QString> SetlistRepository::saveShow(const Show& show)
{
    if (show.name.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a show needs a name", "name");
    }
    if (!show.date.isValid()) {
        return fail(ErrorCode::InvalidArgument, "a show needs a date", "date");
    }
    if (!show.startTime.isValid()) {
        return fail(ErrorCode::InvalidArgument, "a start time as HH:mm", "start_time");
    }
    if (show.slotMinutes < 0 || show.slotMinutes > 24 * 60) {
        return fail(ErrorCode::InvalidArgument, "a slot from 0 to 1440 minutes", "slot_minutes");
    }
    if (show.fee < 0) {
        return fail(ErrorCode::InvalidArgument, "a fee of 0 or more", "fee");
    }
    const QString id = show.id.isEmpty() ? UuidV7Generator().next() : show.id;
    if (!show.id.isEmpty()) {
        if (auto existing = this->show(id); !existing) {
            return std::unexpected(existing.error());
        }
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("show"), id,
                             {{QStringLiteral("name"), show.name.trimmed()},
                              {QStringLiteral("date"), show.date.toString(kDateFormat)},
                              {QStringLiteral("start_time"), show.startTime.toString(kTimeFormat)},
                              {QStringLiteral("venue"), show.venue.trimmed()},
                              {QStringLiteral("city"), show.city.trimmed()},
                              {QStringLiteral("slot_minutes"), show.slotMinutes},
                              {QStringLiteral("fee"), show.fee},
                              {QStringLiteral("notes"), show.notes}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<Show> SetlistRepository::show(const QString& id) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM show WHERE id = ? AND deleted = 0").arg(kShowColumns), {id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such show", id.toStdString());
    }
    return showFrom(*query);
}

Result<QList<Show>> SetlistRepository::shows() const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM show WHERE deleted = 0 ORDER BY date DESC, start_time DESC, id").arg(kShowColumns));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Show> result;
    while (query->next()) {
        result.append(showFrom(*query));
    }
    return result;
}

Result<void> SetlistRepository::removeShow(const QString& id)
{
    auto plan = this->plan(id);
    if (!plan) {
        return std::unexpected(plan.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        for (const Setlist& set : plan->sets) {
            for (const SetlistEntry& entry : set.entries) {
                if (auto removed = tracker.remove(QStringLiteral("setlist_entry"), entry.id); !removed) {
                    return removed;
                }
            }
            if (auto removed = tracker.remove(QStringLiteral("setlist"), set.id); !removed) {
                return removed;
            }
        }
        // Fan votes prepared for it and not published go with it (a published one is the server's).
        if (auto discarded = FanVoteRepository::discardForShow(m_db, tracker, id); !discarded) {
            return std::unexpected(discarded.error());
        }
        return tracker.remove(QStringLiteral("show"), id);
    });
}

Result<ShowPlan> SetlistRepository::plan(const QString& showId) const
{
    auto show = this->show(showId);
    if (!show) {
        return std::unexpected(show.error());
    }
    ShowPlan plan{*show, {}};
    auto sets = sql::run(m_db.connection(),
                         QStringLiteral("SELECT id, name, kind, position FROM setlist WHERE show_id = ? AND deleted = 0 "
                                        "ORDER BY position, id"),
                         {showId});
    if (!sets) {
        return std::unexpected(sets.error());
    }
    QHash<QString, qsizetype> indexOf;
    while (sets->next()) {
        Setlist set;
        set.id = sets->value(0).toString();
        set.showId = showId;
        set.name = sets->value(1).toString();
        set.kind = sets->value(2).toString() == QLatin1String("encore") ? SetKind::Encore : SetKind::Set;
        set.position = sets->value(3).toString();
        indexOf.insert(set.id, plan.sets.size());
        plan.sets.append(set);
    }
    auto entries = sql::run(m_db.connection(),
                            QStringLiteral("SELECT %1 FROM setlist_entry WHERE deleted = 0 AND setlist_id IN "
                                           "(SELECT id FROM setlist WHERE show_id = ? AND deleted = 0) ORDER BY position, id")
                                .arg(kEntryColumns),
                            {showId});
    if (!entries) {
        return std::unexpected(entries.error());
    }
    while (entries->next()) {
        SetlistEntry entry = entryFrom(*entries);
        plan.sets[indexOf.value(entry.setlistId)].entries.append(entry);
    }
    return plan;
}

Result<void> SetlistRepository::requireSet(const QString& setId) const
{
    auto exists = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM setlist WHERE id = ? AND deleted = 0"), {setId});
    if (!exists) {
        return std::unexpected(exists.error());
    }
    if (exists->toInt() == 0) {
        return fail(ErrorCode::NotFound, "no such set", setId.toStdString());
    }
    return {};
}

Result<QString> SetlistRepository::addSet(const QString& showId, const QString& name, SetKind kind)
{
    if (auto existing = show(showId); !existing) {
        return std::unexpected(existing.error());
    }
    if (name.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a set needs a name", "name");
    }
    auto position = positionInList(m_db, QStringLiteral("setlist"), QStringLiteral("show_id"), showId, {}, {});
    if (!position) {
        return std::unexpected(position.error());
    }
    const QString id = UuidV7Generator().next();
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("setlist"), id,
                             {{QStringLiteral("show_id"), showId},
                              {QStringLiteral("name"), name.trimmed()},
                              {QStringLiteral("kind"), setKindName(kind)},
                              {QStringLiteral("position"), *position}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<void> SetlistRepository::renameSet(const QString& setId, const QString& name, SetKind kind)
{
    if (name.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a set needs a name", "name");
    }
    if (auto exists = requireSet(setId); !exists) {
        return std::unexpected(exists.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("setlist"), setId, {{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("kind"), setKindName(kind)}});
    });
}

Result<void> SetlistRepository::moveSet(const QString& setId, const QString& beforeSetId)
{
    auto showId = sql::scalar(m_db.connection(), QStringLiteral("SELECT show_id FROM setlist WHERE id = ? AND deleted = 0"), {setId});
    if (!showId) {
        return std::unexpected(showId.error());
    }
    if (showId->isNull()) {
        return fail(ErrorCode::NotFound, "no such set", setId.toStdString());
    }
    auto position = positionInList(m_db, QStringLiteral("setlist"), QStringLiteral("show_id"), showId->toString(), beforeSetId, setId);
    if (!position) {
        return std::unexpected(position.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("setlist"), setId, {{QStringLiteral("position"), *position}});
    });
}

Result<void> SetlistRepository::removeSet(const QString& setId)
{
    auto entries = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM setlist_entry WHERE setlist_id = ? AND deleted = 0"), {setId});
    if (!entries) {
        return std::unexpected(entries.error());
    }
    QStringList entryIds;
    while (entries->next()) {
        entryIds << entries->value(0).toString();
    }
    if (auto exists = requireSet(setId); !exists) {
        return std::unexpected(exists.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        for (const QString& entryId : entryIds) {
            if (auto removed = tracker.remove(QStringLiteral("setlist_entry"), entryId); !removed) {
                return removed;
            }
        }
        return tracker.remove(QStringLiteral("setlist"), setId);
    });
}

Result<QString> SetlistRepository::insertEntry(const SetlistEntry& entry, const QString& beforeEntryId)
{
    if (auto valid = validateEntry(entry); !valid) {
        return std::unexpected(valid.error());
    }
    if (auto exists = requireSet(entry.setlistId); !exists) {
        return std::unexpected(exists.error());
    }
    auto position = positionInList(m_db, QStringLiteral("setlist_entry"), QStringLiteral("setlist_id"), entry.setlistId, beforeEntryId, {});
    if (!position) {
        return std::unexpected(position.error());
    }
    const QString id = UuidV7Generator().next();
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) {
        return tracker.write(QStringLiteral("setlist_entry"), id,
                             {{QStringLiteral("setlist_id"), entry.setlistId},
                              {QStringLiteral("kind"), entryKindName(entry.kind)},
                              {QStringLiteral("song_id"), entry.songId},
                              {QStringLiteral("title"), entry.title.trimmed()},
                              {QStringLiteral("duration_ms"), entry.durationMs},
                              {QStringLiteral("transpose"), entry.transpose},
                              {QStringLiteral("notes"), entry.notes},
                              {QStringLiteral("position"), *position}});
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<QString> SetlistRepository::addSong(const QString& setId, const QString& songId, const QString& beforeEntryId)
{
    if (auto song = library::SongRepository(m_db).get(songId); !song) {
        return std::unexpected(song.error());
    }
    SetlistEntry entry;
    entry.setlistId = setId;
    entry.songId = songId;
    return insertEntry(entry, beforeEntryId);
}

Result<QString> SetlistRepository::addBreak(const QString& setId, const QString& title, qint64 durationMs, const QString& beforeEntryId)
{
    SetlistEntry entry;
    entry.setlistId = setId;
    entry.kind = EntryKind::Break;
    entry.title = title.trimmed().isEmpty() ? QStringLiteral("Break") : title;
    entry.durationMs = durationMs;
    return insertEntry(entry, beforeEntryId);
}

Result<SetlistEntry> SetlistRepository::entry(const QString& entryId) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 FROM setlist_entry WHERE id = ? AND deleted = 0").arg(kEntryColumns),
                          {entryId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such entry", entryId.toStdString());
    }
    return entryFrom(*query);
}

Result<void> SetlistRepository::updateEntry(const SetlistEntry& changed)
{
    auto stored = entry(changed.id);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    if (auto valid = validateEntry(changed); !valid) {
        return std::unexpected(valid.error());
    }
    QVariantMap fields;
    if (changed.title.trimmed() != stored->title) {
        fields.insert(QStringLiteral("title"), changed.title.trimmed());
    }
    if (changed.durationMs != stored->durationMs) {
        fields.insert(QStringLiteral("duration_ms"), changed.durationMs);
    }
    if (changed.transpose != stored->transpose) {
        fields.insert(QStringLiteral("transpose"), changed.transpose);
    }
    if (changed.notes != stored->notes) {
        fields.insert(QStringLiteral("notes"), changed.notes);
    }
    if (fields.isEmpty()) {
        return {};
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(QStringLiteral("setlist_entry"), changed.id, fields); });
}

Result<void> SetlistRepository::moveEntry(const QString& entryId, const QString& setId, const QString& beforeEntryId)
{
    auto stored = entry(entryId);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    if (beforeEntryId == entryId) {
        return {};
    }
    if (auto exists = requireSet(setId); !exists) {
        return std::unexpected(exists.error());
    }
    auto position = positionInList(m_db, QStringLiteral("setlist_entry"), QStringLiteral("setlist_id"), setId, beforeEntryId, entryId);
    if (!position) {
        return std::unexpected(position.error());
    }
    QVariantMap fields{{QStringLiteral("position"), *position}};
    if (setId != stored->setlistId) {
        fields.insert(QStringLiteral("setlist_id"), setId);
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(QStringLiteral("setlist_entry"), entryId, fields); });
}

Result<void> SetlistRepository::removeEntry(const QString& entryId)
{
    if (auto stored = entry(entryId); !stored) {
        return std::unexpected(stored.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.remove(QStringLiteral("setlist_entry"), entryId); });
}

Result<void> SetlistRepository::restore(const QStringList& setIds, const QStringList& entryIds)
{
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<void> {
        const QList<std::pair<QString, const QStringList*>> groups{{QStringLiteral("setlist"), &setIds}, {QStringLiteral("setlist_entry"), &entryIds}};
        for (const auto& [table, ids] : groups) {
            for (const QString& id : *ids) {
                auto known = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(table), {id});
                if (!known) {
                    return std::unexpected(known.error());
                }
                if (known->toInt() == 0) {
                    return fail(ErrorCode::NotFound, "nothing to restore", id.toStdString());
                }
                if (auto written = tracker.write(table, id, {{QStringLiteral("deleted"), 0}}); !written) {
                    return std::unexpected(written.error());
                }
            }
        }
        return {};
    });
}

Result<int> SetlistRepository::markPerformed(const QString& showId, const QDateTime& at)
{
    auto plan = this->plan(showId);
    if (!plan) {
        return std::unexpected(plan.error());
    }
    if (plan->show.performedAt.isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    "this show was already marked performed on " + plan->show.performedAt.toString(Qt::ISODate).toStdString(),
                    showId.toStdString());
    }
    library::SongRepository songs(m_db);
    auto sheet = buildRunSheet(*plan, m_db);
    if (!sheet) {
        return std::unexpected(sheet.error());
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    int plays = 0;
    for (const RunSheetRow& row : sheet->rows) {
        if (row.entry.kind != EntryKind::Song || row.song.id.isEmpty()) {
            continue;
        }
        if (auto played = songs.recordPlay(row.song.id, at.addMSecs(row.offsetMs), QStringLiteral("show"), showId); !played) {
            return std::unexpected(played.error());
        }
        ++plays;
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(QStringLiteral("show"), showId, {{QStringLiteral("performed_at"), at.toMSecsSinceEpoch()}}); !written) {
        return std::unexpected(written.error());
    }
    roadmap::ProgressRepository progress(m_db);
    if (auto counted = progress.recordEvent({roadmap::AppEvent::Kind::Show, at, plan->show.fee, showId}); !counted) {
        return std::unexpected(counted.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return plays;
}

Result<ImportReport> SetlistRepository::importText(const Show& details, const QList<QStringList>& groups)
{
    QList<ImportGroup> plain;
    for (const QStringList& titles : groups) {
        plain.append({titles, {}, std::nullopt});
    }
    return importText(details, plain);
}

Result<ImportReport> SetlistRepository::importText(const Show& details, const QList<ImportGroup>& groups)
{
    if (groups.isEmpty() || groups.first().titles.isEmpty()) {
        return fail(ErrorCode::InvalidInput, "the setlist has no songs");
    }
    // Library titles, case-folded, to the first song by artist and title.
    QHash<QString, QString> songByTitle;
    auto known = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, title FROM song WHERE deleted = 0 ORDER BY artist COLLATE NOCASE, title, id"));
    if (!known) {
        return std::unexpected(known.error());
    }
    while (known->next()) {
        const QString folded = known->value(1).toString().simplified().toCaseFolded();
        if (!songByTitle.contains(folded)) {
            songByTitle.insert(folded, known->value(0).toString());
        }
    }
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    Show show = details;
    show.id.clear();
    auto showId = saveShow(show);
    if (!showId) {
        return std::unexpected(showId.error());
    }
    ImportReport report;
    report.showId = *showId;
    library::SongRepository songs(m_db);
    for (qsizetype group = 0; group < groups.size(); ++group) {
        const SetKind kind = groups[group].kind.value_or(group == 0 ? SetKind::Set : SetKind::Encore);
        // Without a name: "Set N" or "Encore N" by kind, counted among the groups of that kind.
        int sameKind = 0;
        for (qsizetype earlier = 0; earlier <= group; ++earlier) {
            sameKind += groups[earlier].kind.value_or(earlier == 0 ? SetKind::Set : SetKind::Encore) == kind ? 1 : 0;
        }
        const QString name = !groups[group].name.isEmpty() ? groups[group].name
                             : kind == SetKind::Set         ? QStringLiteral("Set %1").arg(sameKind)
                             : sameKind == 1                ? QStringLiteral("Encore")
                                                            : QStringLiteral("Encore %1").arg(sameKind);
        auto setId = addSet(*showId, name, kind);
        if (!setId) {
            return std::unexpected(setId.error());
        }
        for (const QString& title : groups[group].titles) {
            const QString folded = title.simplified().toCaseFolded();
            QString songId = songByTitle.value(folded);
            if (songId.isEmpty()) {
                library::Song song;
                song.title = title.simplified();
                auto created = songs.save(song);
                if (!created) {
                    return std::unexpected(created.error());
                }
                songId = *created;
                songByTitle.insert(folded, songId);
                report.createdSongs << song.title;
            }
            if (auto added = addSong(*setId, songId); !added) {
                return std::unexpected(added.error());
            }
            ++report.songs;
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return report;
}

}  // namespace bandmate::core::setlists
