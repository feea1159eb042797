#include "core/feeds/FeedRepository.h"

#include "core/feeds/FeedParser.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"
#include "core/util/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace bandmate::core::feeds {

namespace {

const QString kFeed = QStringLiteral("feed");
const QString kFolder = QStringLiteral("feed_folder");

/// `text`, never null: a null QString binds as NULL, and every column here is NOT NULL.
QString text(const QString& text) { return text.isNull() ? QStringLiteral("") : text; }

qint64 toMs(const QDateTime& time) { return time.isValid() ? time.toMSecsSinceEpoch() : 0; }
QDateTime fromMs(qint64 ms) { return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime(); }

/// A folder name as stored: its parts trimmed, empty parts left out ("  Blogs // Salsa " → "Blogs/Salsa").
QString cleanFolderName(const QString& name)
{
    QStringList parts;
    for (const QString& part : name.split(QLatin1Char('/'))) {
        if (const QString trimmed = part.simplified(); !trimmed.isEmpty()) {
            parts.append(trimmed);
        }
    }
    return parts.join(QLatin1Char('/'));
}

const QString kSubscriptionColumns = QStringLiteral(
    "f.id, f.url, f.name, f.title, f.site_url, f.folder_id, f.paused, "
    "x.etag, x.last_modified, x.checked_at, x.next_at, x.failures, x.error, x.moved_to, x.notice, x.gone");

FetchState fetchStateAt(const QSqlQuery& query, int first)
{
    FetchState state;
    state.etag = query.value(first).toString();
    state.lastModified = query.value(first + 1).toString();
    state.checkedAt = fromMs(query.value(first + 2).toLongLong());
    state.nextAt = fromMs(query.value(first + 3).toLongLong());
    state.failures = query.value(first + 4).toInt();
    state.error = query.value(first + 5).toString();
    state.movedTo = query.value(first + 6).toString();
    state.notice = query.value(first + 7).toString();
    state.gone = query.value(first + 8).toInt() != 0;
    return state;
}

Subscription subscriptionAt(const QSqlQuery& query)
{
    Subscription feed;
    feed.id = query.value(0).toString();
    feed.url = query.value(1).toString();
    feed.name = query.value(2).toString();
    feed.title = query.value(3).toString();
    feed.siteUrl = query.value(4).toString();
    feed.folderId = query.value(5).toString();
    feed.paused = query.value(6).toInt() != 0;
    feed.fetch = fetchStateAt(query, 7);
    return feed;
}

/// Feeds and folders are named by what they are (a name-based UUID of the address, of the
/// folder's name), so the same feed followed on two computers before they sync is one feed, not two.
const QUuid kFeedNamespace = QUuid::fromString(QStringLiteral("{6f1d3f7c-2b0e-4c55-9b7a-4b1f0e2d9a31}"));

QString nameBasedId(const QString& kind, const QString& name)
{
    return QUuid::createUuidV5(kFeedNamespace, kind + QLatin1Char(':') + name).toString(QUuid::WithoutBraces);
}

/// The id for a new row of `table` named `name`: the name-based one, unless a live row holds it
/// already under another name (a feed that moved, a folder renamed since), then a new one.
/// `revive` tells whether the row exists as a tombstone, to be written back to life.
Result<QString> idFor(const QSqlDatabase& db, const QString& table, const QString& kind, const QString& name, bool& revive)
{
    const QString id = nameBasedId(kind, name);
    auto deleted = sql::scalar(db, QStringLiteral("SELECT deleted FROM %1 WHERE id = ?").arg(table), {id});
    if (!deleted) {
        return std::unexpected(deleted.error());
    }
    revive = !deleted->isNull() && deleted->toInt() != 0;
    if (!deleted->isNull() && !revive) {
        return UuidV7Generator().next();
    }
    return id;
}

Result<QString> checkedUrl(const QString& url)
{
    const QString absolute = httpUrl({}, url.trimmed());
    if (absolute.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a feed's address must be an http or https URL, not \"" + url.left(120).toStdString() + "\"", "url");
    }
    return absolute;
}

}  // namespace

FeedRepository::FeedRepository(Database& db) : m_db(db) {}

Result<QString> FeedRepository::subscribe(const QString& url, const QString& folderId, const QString& title)
{
    auto checked = checkedUrl(url);
    if (!checked) {
        return checked;
    }
    auto existing = findByUrl(*checked);
    if (!existing) {
        return existing;
    }
    if (!existing->isEmpty()) {
        auto followed = feed(*existing);
        return fail(ErrorCode::Conflict, "already followed as \"" + (followed ? followed->displayName() : *existing).toStdString() + "\"",
                    checked->toStdString());
    }
    if (auto folderKnown = requireFolder(folderId); !folderKnown) {
        return std::unexpected(folderKnown.error());
    }
    bool revive = false;
    auto id = idFor(m_db.connection(), kFeed, QStringLiteral("feed"), *checked, revive);
    if (!id) {
        return id;
    }
    // Only what is known is written: a field left out has no stamp, so when another computer
    // followed the same feed (the same id) into a folder, or knew its title, that stays.
    QVariantMap fields{{QStringLiteral("url"), *checked}};
    if (!title.simplified().isEmpty()) {
        fields.insert(QStringLiteral("title"), title.simplified());
    }
    if (!folderId.isEmpty()) {
        fields.insert(QStringLiteral("folder_id"), folderId);
    }
    if (revive) {
        // Followed again after it was removed: the musician's old choices for it do not come back.
        fields.insert({{QStringLiteral("name"), QStringLiteral("")}, {QStringLiteral("paused"), 0}, {QStringLiteral("keep_items"), 0}, {QStringLiteral("deleted"), 0},
                       {QStringLiteral("folder_id"), text(folderId)}});
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<void> {
        if (revive) {
            // What this computer kept of its items from before is the feed's again.
            if (auto cleared = sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_fetch WHERE feed_id = ?"), {*id}); !cleared) {
                return cleared;
            }
        }
        if (auto stamped = tracker.write(kFeed, *id, fields); !stamped) {
            return std::unexpected(stamped.error());
        }
        return {};
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<void> FeedRepository::rename(const QString& feedId, const QString& name)
{
    if (auto known = feed(feedId); !known) {
        return std::unexpected(known.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFeed, feedId, {{QStringLiteral("name"), text(name.simplified())}}); });
}

Result<void> FeedRepository::moveToFolder(const QString& feedId, const QString& folderId)
{
    if (auto known = feed(feedId); !known) {
        return std::unexpected(known.error());
    }
    if (auto folderKnown = requireFolder(folderId); !folderKnown) {
        return folderKnown;
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFeed, feedId, {{QStringLiteral("folder_id"), text(folderId)}}); });
}

Result<void> FeedRepository::setPaused(const QString& feedId, bool paused)
{
    if (auto known = feed(feedId); !known) {
        return std::unexpected(known.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFeed, feedId, {{QStringLiteral("paused"), paused ? 1 : 0}}); });
}

Result<void> FeedRepository::remove(const QString& feedId, bool keepItems)
{
    if (auto known = feed(feedId); !known) {
        return std::unexpected(known.error());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<void> {
        if (auto written = tracker.write(kFeed, feedId, {{QStringLiteral("keep_items"), keepItems ? 1 : 0}}); !written) {
            return std::unexpected(written.error());
        }
        if (auto removed = tracker.remove(kFeed, feedId); !removed) {
            return std::unexpected(removed.error());
        }
        // What this computer fetched of it: the items go unless kept (another computer drops
        // its own when the tombstone arrives: FeedItemRepository::dropRemovedFeeds).
        if (!keepItems) {
            for (const QString& statement : {QStringLiteral("DELETE FROM feed_song WHERE item_id IN (SELECT id FROM feed_item WHERE feed_id = ?)"),
                                             QStringLiteral("DELETE FROM feed_item WHERE feed_id = ?")}) {
                if (auto done = sql::exec(m_db.connection(), statement, {feedId}); !done) {
                    return done;
                }
            }
        }
        return sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_fetch WHERE feed_id = ?"), {feedId});
    });
}

Result<Subscription> FeedRepository::feed(const QString& feedId) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM feed f LEFT JOIN feed_fetch x ON x.feed_id = f.id WHERE f.id = ? AND f.deleted = 0").arg(kSubscriptionColumns),
                          {feedId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such feed", feedId.toStdString());
    }
    return subscriptionAt(*query);
}

Result<void> FeedRepository::requireFolder(const QString& folderId) const
{
    if (folderId.isEmpty()) {
        return {};  // the top
    }
    auto known = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM feed_folder WHERE id = ? AND deleted = 0"), {folderId});
    if (!known) {
        return std::unexpected(known.error());
    }
    if (known->toInt() == 0) {
        return fail(ErrorCode::NotFound, "no such folder", folderId.toStdString());
    }
    return {};
}

Result<QString> FeedRepository::findByUrl(const QString& url, const QString& exceptId) const
{
    auto found = sql::scalar(m_db.connection(),
                             QStringLiteral("SELECT f.id FROM feed f LEFT JOIN feed_fetch x ON x.feed_id = f.id "
                                            "WHERE f.deleted = 0 AND (f.url = ? OR x.moved_to = ?) AND f.id <> ? ORDER BY f.id LIMIT 1"),
                             {url, url, exceptId.isNull() ? QStringLiteral("") : exceptId});
    if (!found) {
        return std::unexpected(found.error());
    }
    return found->toString();
}

Result<QList<Subscription>> FeedRepository::feeds() const
{
    auto query = sql::run(
        m_db.connection(),
        // Counted from the index of the items and from the few state rows (only items the
        // musician touched have one), not item by item: a list of 500 feeds reads in a few ms.
        QStringLiteral("WITH totals AS (SELECT feed_id, count(*) AS items FROM feed_item GROUP BY feed_id), "
                       "states AS (SELECT s.feed_id, sum(s.deleted <> 0) AS removed, sum(s.deleted = 0 AND (s.seen <> 0 OR s.played <> 0)) AS old "
                       "  FROM feed_item_state s WHERE EXISTS (SELECT 1 FROM feed_item i WHERE i.id = s.id) GROUP BY s.feed_id) "
                       "SELECT %1, coalesce(t.items, 0) - coalesce(st.removed, 0), coalesce(t.items, 0) - coalesce(st.removed, 0) - coalesce(st.old, 0) "
                       "FROM feed f LEFT JOIN feed_fetch x ON x.feed_id = f.id LEFT JOIN feed_folder d ON d.id = f.folder_id AND d.deleted = 0 "
                       "LEFT JOIN totals t ON t.feed_id = f.id LEFT JOIN states st ON st.feed_id = f.id "
                       "WHERE f.deleted = 0 ORDER BY coalesce(d.name, '') COLLATE NOCASE, "
                       "coalesce(nullif(f.name, ''), nullif(f.title, ''), f.url) COLLATE NOCASE, f.id")
            .arg(kSubscriptionColumns));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Subscription> result;
    while (query->next()) {
        Subscription feed = subscriptionAt(*query);
        feed.items = query->value(16).toInt();
        feed.newItems = query->value(17).toInt();
        result.append(feed);
    }
    return result;
}

Result<QString> FeedRepository::folder(const QString& name)
{
    const QString clean = cleanFolderName(name);
    if (clean.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a folder needs a name", "name");
    }
    auto found = sql::scalar(m_db.connection(), QStringLiteral("SELECT id FROM feed_folder WHERE name = ? AND deleted = 0 ORDER BY id LIMIT 1"), {clean});
    if (!found) {
        return std::unexpected(found.error());
    }
    if (!found->isNull()) {
        return found->toString();
    }
    bool revive = false;
    auto id = idFor(m_db.connection(), kFolder, QStringLiteral("folder"), clean, revive);
    if (!id) {
        return id;
    }
    QVariantMap fields{{QStringLiteral("name"), clean}};
    if (revive) {
        fields.insert(QStringLiteral("deleted"), 0);
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFolder, *id, fields); });
    if (!written) {
        return std::unexpected(written.error());
    }
    return id;
}

Result<void> FeedRepository::renameFolder(const QString& folderId, const QString& name)
{
    const QString clean = cleanFolderName(name);
    if (clean.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "a folder needs a name", "name");
    }
    if (folderId.isEmpty()) {
        return fail(ErrorCode::NotFound, "no such folder", "folder");
    }
    if (auto folderKnown = requireFolder(folderId); !folderKnown) {
        return folderKnown;
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFolder, folderId, {{QStringLiteral("name"), clean}}); });
}

Result<void> FeedRepository::removeFolder(const QString& folderId)
{
    auto members = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM feed WHERE folder_id = ? AND deleted = 0"), {folderId});
    if (!members) {
        return std::unexpected(members.error());
    }
    QStringList feedIds;
    while (members->next()) {
        feedIds.append(members->value(0).toString());
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<FieldStamp> {
        for (const QString& feedId : std::as_const(feedIds)) {
            if (auto moved = tracker.write(kFeed, feedId, {{QStringLiteral("folder_id"), QStringLiteral("")}}); !moved) {
                return moved;
            }
        }
        return tracker.remove(kFolder, folderId);
    });
}

Result<QList<FeedFolder>> FeedRepository::folders() const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id, name FROM feed_folder WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<FeedFolder> result;
    while (query->next()) {
        result.append({query->value(0).toString(), query->value(1).toString()});
    }
    return result;
}

Result<OpmlImport> FeedRepository::importOpml(const QList<OpmlFeed>& feeds)
{
    // One transaction for the whole file: an import that fails halfway leaves nothing behind.
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    OpmlImport counts;
    QHash<QString, QString> folderIds;
    for (const OpmlFeed& entry : feeds) {
        auto existing = findByUrl(entry.url);
        if (!existing) {
            return std::unexpected(existing.error());
        }
        if (!existing->isEmpty()) {
            ++counts.alreadyFollowed;
            continue;
        }
        QString folderId;
        if (const QString name = cleanFolderName(entry.folder); !name.isEmpty()) {
            if (!folderIds.contains(name)) {
                auto before = folders();
                if (!before) {
                    return std::unexpected(before.error());
                }
                auto made = folder(name);
                if (!made) {
                    return std::unexpected(made.error());
                }
                const bool created = std::none_of(before->begin(), before->end(), [&](const FeedFolder& f) { return f.id == *made; });
                counts.folders += created ? 1 : 0;
                folderIds.insert(name, *made);
            }
            folderId = folderIds.value(name);
        }
        auto added = subscribe(entry.url, folderId, entry.title);
        if (!added) {
            return std::unexpected(added.error());
        }
        ++counts.added;
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return counts;
}

Result<QList<OpmlFeed>> FeedRepository::exportOpml() const
{
    auto all = feeds();
    if (!all) {
        return std::unexpected(all.error());
    }
    auto folderList = folders();
    if (!folderList) {
        return std::unexpected(folderList.error());
    }
    QHash<QString, QString> names;
    for (const FeedFolder& folder : std::as_const(*folderList)) {
        names.insert(folder.id, folder.name);
    }
    QList<OpmlFeed> result;
    for (const Subscription& feed : std::as_const(*all)) {
        result.append({feed.url, feed.displayName(), feed.siteUrl, names.value(feed.folderId)});
    }
    return result;
}

Result<QList<DueFeed>> FeedRepository::due(const QDateTime& now, bool manual, const QStringList& only) const
{
    QString condition = QStringLiteral("f.paused = 0 AND coalesce(x.gone, 0) = 0 AND (? OR coalesce(x.next_at, 0) <= ?)");
    QVariantList binds{manual ? 1 : 0, toMs(now)};
    if (!only.isEmpty()) {
        // Named by hand: asked even when paused or gone (it may be back).
        condition = QStringLiteral("f.id IN (SELECT value FROM json_each(?))");
        binds = {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(only)).toJson(QJsonDocument::Compact))};
    }
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT f.id, f.url, x.etag, x.last_modified, x.checked_at, x.next_at, x.failures, x.error, x.moved_to, x.notice, x.gone "
                                         "FROM feed f LEFT JOIN feed_fetch x ON x.feed_id = f.id WHERE f.deleted = 0 AND %1 ORDER BY coalesce(x.next_at, 0), f.id")
                              .arg(condition),
                          binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<DueFeed> result;
    while (query->next()) {
        result.append({query->value(0).toString(), query->value(1).toString(), fetchStateAt(*query, 2)});
    }
    return result;
}

Result<void> FeedRepository::recordFetch(const QString& feedId, const Decision& decision)
{
    const FetchState& state = decision.state;
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<void> {
        // A feed removed while it was being fetched (here, or by a sync) keeps no fetch state.
        auto followed = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM feed WHERE id = ? AND deleted = 0"), {feedId});
        if (!followed) {
            return std::unexpected(followed.error());
        }
        if (followed->toInt() == 0) {
            return {};
        }
        if (!decision.newUrl.isEmpty()) {
            if (auto moved = tracker.write(kFeed, feedId, {{QStringLiteral("url"), decision.newUrl}}); !moved) {
                return std::unexpected(moved.error());
            }
        }
        return sql::exec(m_db.connection(),
                         QStringLiteral("INSERT INTO feed_fetch (feed_id, etag, last_modified, checked_at, next_at, failures, error, moved_to, notice, gone) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id) DO UPDATE SET etag = excluded.etag, "
                                        "last_modified = excluded.last_modified, checked_at = excluded.checked_at, next_at = excluded.next_at, "
                                        "failures = excluded.failures, error = excluded.error, moved_to = excluded.moved_to, "
                                        "notice = CASE WHEN excluded.notice = '' THEN feed_fetch.notice ELSE excluded.notice END, gone = excluded.gone"),
                         {feedId, text(state.etag), text(state.lastModified), toMs(state.checkedAt), toMs(state.nextAt), state.failures, text(state.error),
                          text(state.movedTo), text(state.notice), state.gone ? 1 : 0});
    });
}

Result<void> FeedRepository::noteFeedDetails(const QString& feedId, const QString& title, const QString& siteUrl)
{
    auto stored = feed(feedId);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    QVariantMap changed;
    if (const QString clean = title.simplified(); !clean.isEmpty() && clean != stored->title) {
        changed.insert(QStringLiteral("title"), clean);
    }
    if (!siteUrl.isEmpty() && siteUrl != stored->siteUrl) {
        changed.insert(QStringLiteral("site_url"), siteUrl);
    }
    if (changed.isEmpty()) {
        return {};  // nothing to sync: a refresh that changes nothing writes nothing
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.write(kFeed, feedId, changed); });
}

Result<QHash<QString, QDateTime>> FeedRepository::hostWaits(const QDateTime& now) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT host, retry_at FROM feed_host WHERE retry_at > ?"), {toMs(now)});
    if (!query) {
        return std::unexpected(query.error());
    }
    QHash<QString, QDateTime> result;
    while (query->next()) {
        result.insert(query->value(0).toString(), fromMs(query->value(1).toLongLong()));
    }
    return result;
}

Result<void> FeedRepository::setHostWait(const QString& host, const QDateTime& until)
{
    return sql::exec(m_db.connection(),
                     QStringLiteral("INSERT INTO feed_host (host, retry_at) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET retry_at = excluded.retry_at"),
                     {host, toMs(until)});
}

}  // namespace bandmate::core::feeds
