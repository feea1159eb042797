#include "core/feeds/FeedItemRepository.h"

#include "core/feeds/HtmlScan.h"
#include "core/library/MediaFiles.h"
#include "core/library/SearchQuery.h"
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "core/storage/LikePattern.h"
#include "core/storage/Sql.h"
#include "core/storage/StatementCache.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/sync/TrackedWrite.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

namespace bandmate::core::feeds {

namespace {

const QString kState = QStringLiteral("feed_item_state");
constexpr qsizetype kSummaryLength = 400;

/// `text`, never null: a null QString binds as NULL, and every column here is NOT NULL.
QString text(const QString& text) { return text.isNull() ? QStringLiteral("") : text; }

qint64 toMs(const QDateTime& time) { return time.isValid() ? time.toMSecsSinceEpoch() : 0; }
QDateTime fromMs(qint64 ms) { return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime(); }

FoundSong::Source sourceFrom(const QString& name)
{
    for (const FoundSong::Source source : {FoundSong::Source::Enclosure, FoundSong::Source::Audio, FoundSong::Source::AudioLink,
                                           FoundSong::Source::Player}) {
        if (name == QLatin1String(sourceName(source))) {
            return source;
        }
    }
    return FoundSong::Source::Title;
}

QString sha1(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex());
}

/// An item's keys as this document gives them: each empty where the document does not make it
/// usable (nothing to go by, or shared with another item of the document). `id` is the key its id
/// is made from when it is new: from the item alone (its GUID, else its enclosure, else its link
/// and date, else its title and post), so every computer that reads it names it the same, whatever
/// the rest of the document holds.
struct Keys {
    QString guid;
    QString enclosure;
    QString link;
    QString id;
    QString content;  ///< a hash of everything read from it
};

QList<Keys> documentKeys(const QList<FeedItem>& items)
{
    QList<Keys> keys;
    keys.reserve(items.size());
    QHash<QString, int> seen;
    for (const FeedItem& item : items) {
        Keys key;
        key.guid = item.guid.trimmed();
        if (!item.enclosures.isEmpty()) {
            key.enclosure = item.enclosures.first().url;
        }
        const QString title = item.title.simplified();
        const QString published = item.published.isValid() ? item.published.toString(Qt::ISODate) : QString();
        key.link = !item.link.isEmpty() || !published.isEmpty() ? sha1(item.link + QLatin1Char('\n') + published + QLatin1Char('\n') + title)
                                                               : QStringLiteral("text:") + sha1(title + QLatin1Char('\n') + item.html);
        QStringList enclosures;
        for (const Enclosure& enclosure : item.enclosures) {
            enclosures.append(enclosure.url + QLatin1Char(' ') + enclosure.type + QLatin1Char(' ') + QString::number(enclosure.length) +
                              QLatin1Char(' ') + QString::number(enclosure.durationSeconds));
        }
        QStringList read{key.guid, title, item.link, item.author, published, item.html, enclosures.join(QLatin1Char('\n')),
                         QString::number(item.durationSeconds)};
        if (!item.htmlBase.isEmpty()) {
            read.append(item.htmlBase);  // (only then: the hashes of posts without one stay as they were)
        }
        key.content = sha1(read.join(QChar(0x1f)));
        for (const QString& part : {QStringLiteral("g:") + key.guid, QStringLiteral("e:") + key.enclosure, QStringLiteral("l:") + key.link}) {
            ++seen[part];
        }
        keys.append(key);
    }
    for (Keys& key : keys) {
        if (key.guid.isEmpty() || seen.value(QStringLiteral("g:") + key.guid) > 1) {
            key.guid.clear();
        }
        if (key.enclosure.isEmpty() || seen.value(QStringLiteral("e:") + key.enclosure) > 1) {
            key.enclosure.clear();
        }
        if (seen.value(QStringLiteral("l:") + key.link) > 1) {
            key.link.clear();
        }
        key.id = !key.guid.isEmpty()        ? QStringLiteral("guid:") + key.guid
                 : !key.enclosure.isEmpty() ? QStringLiteral("enclosure:") + key.enclosure
                 : !key.link.isEmpty()      ? QStringLiteral("link:") + key.link
                                            : QString();  // the same as another item in every way: read once
    }
    return keys;
}

/// Whether an item's song is the library's: the same artist and title, case and spacing aside.
QString ownedKey(const QString& artist, const QString& title)
{
    return artist.simplified().toCaseFolded() + QLatin1Char('\n') + title.simplified().toCaseFolded();
}

Result<QSet<QString>> librarySongs(const QSqlDatabase& db)
{
    auto query = sql::run(db, QStringLiteral("SELECT artist, title FROM song WHERE deleted = 0 AND artist <> ''"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QSet<QString> keys;
    while (query->next()) {
        keys.insert(ownedKey(query->value(0).toString(), query->value(1).toString()));
    }
    return keys;
}

/// The search as SQL over feed_item `i`, feed `f` and feed_item_state `s`: the library's grammar
/// (library::parseSearch: words, "phrases", -not, a | b, field:value) with the feeds' fields.
Result<QString> searchCondition(const QString& search, QVariantList& binds)
{
    const auto like = [](const QString& text) { return QLatin1Char('%') + sql::likeEscaped(text) + QLatin1Char('%'); };
    const auto yesNo = [](const QString& value) -> std::optional<bool> {
        const QString lower = value.toLower();
        if (lower == QLatin1String("yes") || lower == QLatin1String("true") || lower == QLatin1String("1")) {
            return true;
        }
        if (lower == QLatin1String("no") || lower == QLatin1String("false") || lower == QLatin1String("0")) {
            return false;
        }
        return std::nullopt;
    };
    const auto conditionOf = [&](const library::SearchTerm& term) -> Result<QString> {
        const QString& field = term.field;
        if (field.isEmpty()) {
            for (int i = 0; i < 7; ++i) {
                binds.append(like(term.value));
            }
            return QStringLiteral("(i.title LIKE ? ESCAPE '\\' OR i.summary LIKE ? ESCAPE '\\' OR i.author LIKE ? ESCAPE '\\' "
                                  "OR f.name LIKE ? ESCAPE '\\' OR f.title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM feed_song g "
                                  "WHERE g.item_id = i.id AND (g.artist LIKE ? ESCAPE '\\' OR g.title LIKE ? ESCAPE '\\')))");
        }
        if (field == QLatin1String("feed")) {
            binds << like(term.value) << like(term.value) << like(term.value);
            return QStringLiteral("(f.name LIKE ? ESCAPE '\\' OR f.title LIKE ? ESCAPE '\\' OR f.url LIKE ? ESCAPE '\\')");
        }
        if (field == QLatin1String("new") || field == QLatin1String("starred") || field == QLatin1String("played")) {
            const std::optional<bool> flag = yesNo(term.value);
            if (!flag) {
                return fail(ErrorCode::InvalidArgument, field.toStdString() + ": takes yes or no", "column " + std::to_string(term.valueColumn));
            }
            const QString condition = field == QLatin1String("new")       ? QStringLiteral("(coalesce(s.seen, 0) = 0 AND coalesce(s.played, 0) = 0)")
                                      : field == QLatin1String("starred") ? QStringLiteral("coalesce(s.starred, 0) = 1")
                                                                          : QStringLiteral("coalesce(s.played, 0) = 1");
            return *flag ? condition : QStringLiteral("NOT ") + condition;
        }
        if (field == QLatin1String("artist") || field == QLatin1String("title")) {
            binds.append(like(term.value));
            return QStringLiteral("EXISTS (SELECT 1 FROM feed_song g WHERE g.item_id = i.id AND g.%1 LIKE ? ESCAPE '\\')").arg(field);
        }
        if (field == QLatin1String("year")) {
            // A post without a date has no year (not 1970).
            return library::numberSearch(QStringLiteral("(CASE WHEN i.published > 0 THEN CAST(strftime('%Y', i.published / 1000, 'unixepoch') AS INTEGER) ELSE 0 END)"),
                                         term, binds, true);
        }
        if (field == QLatin1String("duration")) {
            return library::numberSearch(QStringLiteral("(i.duration_s * 1000)"), term, binds, true, true);
        }
        return fail(ErrorCode::InvalidArgument,
                    "unknown field \"" + field.toStdString() + "\" (feeds know feed:, new:, starred:, played:, artist:, title:, year:, duration:)",
                    "column " + std::to_string(term.column + (term.negated ? 1 : 0)));
    };
    QStringList terms;  // each term's condition, in the order read (its binds are in that order)
    auto groups = library::parseSearch(search, [&](const library::SearchTerm& term) -> Result<void> {
        auto condition = conditionOf(term);
        if (!condition) {
            return std::unexpected(condition.error());
        }
        terms.append(term.negated ? QStringLiteral("NOT ") + *condition : *condition);
        return {};
    });
    if (!groups) {
        return std::unexpected(groups.error());
    }
    QStringList conditions;
    qsizetype next = 0;
    for (const QList<library::SearchTerm>& group : std::as_const(*groups)) {
        QStringList alternatives;
        for (qsizetype i = 0; i < group.size(); ++i) {
            alternatives.append(terms.at(next++));
        }
        conditions.append(QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')'));
    }
    return conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QLatin1String(" AND "));
}

const QString kItemColumns = QStringLiteral(
    "i.id, i.feed_id, coalesce(nullif(f.name, ''), nullif(f.title, ''), f.url), i.guid, i.title, i.link, i.author, i.summary, "
    "i.published, i.first_seen, i.duration_s, coalesce(s.seen, 0), coalesce(s.played, 0), coalesce(s.starred, 0), coalesce(s.position_ms, 0)");
const QString kItemJoins = QStringLiteral(
    "FROM feed_item i JOIN feed f ON f.id = i.feed_id AND (f.deleted = 0 OR f.keep_items = 1) "
    "LEFT JOIN feed_item_state s ON s.id = i.id WHERE coalesce(s.deleted, 0) = 0");

ItemView itemAt(const QSqlQuery& query)
{
    ItemView item;
    item.id = query.value(0).toString();
    item.feedId = query.value(1).toString();
    item.feedName = query.value(2).toString();
    item.guid = query.value(3).toString();
    item.title = query.value(4).toString();
    item.link = query.value(5).toString();
    item.author = query.value(6).toString();
    item.summary = query.value(7).toString();
    item.published = fromMs(query.value(8).toLongLong());
    item.firstSeen = fromMs(query.value(9).toLongLong());
    item.durationSeconds = query.value(10).toLongLong();
    item.played = query.value(12).toInt() != 0;
    item.isNew = query.value(11).toInt() == 0 && !item.played;
    item.starred = query.value(13).toInt() != 0;
    item.positionMs = query.value(14).toLongLong();
    return item;
}

/// Fills in the songs of `items` (and whether the library has them).
Result<void> addSongs(const QSqlDatabase& db, QList<ItemView>& items)
{
    if (items.isEmpty()) {
        return {};
    }
    QJsonArray ids;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < items.size(); ++i) {
        ids.append(items.at(i).id);
        index.insert(items.at(i).id, i);
    }
    auto owned = librarySongs(db);
    if (!owned) {
        return std::unexpected(owned.error());
    }
    auto query = sql::run(db,
                          QStringLiteral("SELECT g.item_id, g.source, g.artist, g.title, g.url, CASE d.state WHEN 'done' THEN d.path ELSE '' END, "
                                         "coalesce(d.state, '') FROM feed_song g LEFT JOIN feed_download d ON d.item_id = g.item_id AND d.url = g.url "
                                         "WHERE g.item_id IN (SELECT value FROM json_each(?)) ORDER BY g.item_id, g.position"),
                          {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))});
    if (!query) {
        return std::unexpected(query.error());
    }
    while (query->next()) {
        ItemSong song{sourceFrom(query->value(1).toString()), query->value(2).toString(), query->value(3).toString(), query->value(4).toString(), false,
                      query->value(5).toString(), query->value(6).toString()};
        song.owned = !song.artist.isEmpty() && owned->contains(ownedKey(song.artist, song.title));
        items[index.value(query->value(0).toString())].songs.append(song);
    }
    return {};
}

}  // namespace

FeedItemRepository::FeedItemRepository(Database& db) : m_db(db) {}

QString FeedItemRepository::itemId(const QString& feedId, const QString& key)
{
    return QUuid::createUuidV5(QUuid::fromString(feedId), key).toString(QUuid::WithoutBraces);
}

Result<StoreCounts> FeedItemRepository::store(const QString& feedId, const Feed& feed, const QDateTime& now)
{
    const QList<Keys> keys = documentKeys(feed.items);
    StoreCounts counts;
    counts.keyKind = QStringLiteral("guid");
    for (const Keys& key : keys) {
        if (key.id.startsWith(QLatin1String("link:"))) {
            counts.keyKind = QStringLiteral("link");
        } else if (key.id.startsWith(QLatin1String("enclosure:")) && counts.keyKind == QLatin1String("guid")) {
            counts.keyKind = QStringLiteral("enclosure");
        }
    }

    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // A feed removed while its document was on the way (here, or by a sync) takes nothing in.
    auto followed = sql::scalar(m_db.connection(), QStringLiteral("SELECT count(*) FROM feed WHERE id = ? AND deleted = 0"), {feedId});
    if (!followed) {
        return std::unexpected(followed.error());
    }
    if (followed->toInt() == 0) {
        return fail(ErrorCode::NotFound, "no such feed (removed meanwhile?)", feedId.toStdString());
    }
    // What this computer has of the feed already, by each key.
    struct Stored {
        QString guidKey;
        QString contentHash;
    };
    QHash<QString, Stored> stored;
    QHash<QString, QString> byGuid;
    QHash<QString, QString> byEnclosure;
    QHash<QString, QString> byLink;
    {
        auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id, guid_key, enclosure_key, link_key, content_hash FROM feed_item WHERE feed_id = ?"),
                              {feedId});
        if (!query) {
            return std::unexpected(query.error());
        }
        while (query->next()) {
            const QString id = query->value(0).toString();
            const QString guidKey = query->value(1).toString();
            if (!guidKey.isEmpty()) {
                byGuid.insert(guidKey, id);
            }
            if (const QString enclosureKey = query->value(2).toString(); !enclosureKey.isEmpty()) {
                byEnclosure.insert(enclosureKey, id);
            }
            if (const QString linkKey = query->value(3).toString(); !linkKey.isEmpty()) {
                byLink.insert(linkKey, id);
            }
            stored.insert(id, {guidKey, query->value(4).toString()});
        }
    }
    QSet<QString> removed;
    {
        auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM feed_item_state WHERE feed_id = ? AND deleted = 1"), {feedId});
        if (!query) {
            return std::unexpected(query.error());
        }
        while (query->next()) {
            removed.insert(query->value(0).toString());
        }
    }

    // Which stored item each one is. First by GUID, exactly; then, for the rest, by enclosure or
    // by link, date and title, but only to a stored item no other item of this document claims
    // (by GUID, or earlier): two posts that share a fallback key are never merged into one.
    QList<QString> ids(keys.size());
    QSet<QString> claimed;
    QSet<QString> documentGuids;
    for (const Keys& key : keys) {
        if (!key.guid.isEmpty()) {
            documentGuids.insert(key.guid);
        }
    }
    for (qsizetype n = 0; n < keys.size(); ++n) {
        if (const QString id = byGuid.value(keys.at(n).guid); !keys.at(n).guid.isEmpty() && !id.isEmpty() && !claimed.contains(id)) {
            ids[n] = id;
            claimed.insert(id);
        }
    }
    const auto unclaimed = [&](const QString& id) {
        if (id.isEmpty() || claimed.contains(id)) {
            return false;
        }
        const QString guid = stored.value(id).guidKey;
        return guid.isEmpty() || !documentGuids.contains(guid);  // its GUID still names another item here
    };
    for (qsizetype n = 0; n < keys.size(); ++n) {
        if (!ids.at(n).isEmpty() || keys.at(n).id.isEmpty()) {
            continue;
        }
        const Keys& key = keys.at(n);
        QString id;
        if (const QString byItsEnclosure = byEnclosure.value(key.enclosure); !key.enclosure.isEmpty() && unclaimed(byItsEnclosure)) {
            id = byItsEnclosure;
        } else if (const QString byItsLink = byLink.value(key.link); !key.link.isEmpty() && unclaimed(byItsLink)) {
            id = byItsLink;
        } else {
            id = itemId(feedId, key.id);
            if (claimed.contains(id)) {
                continue;  // the same item twice in one document
            }
        }
        ids[n] = id;
        claimed.insert(id);
    }

    sql::StatementCache statements(m_db.connection());
    const QString upsert = QStringLiteral(
        "INSERT INTO feed_item (id, feed_id, guid_key, enclosure_key, link_key, content_hash, guid, title, link, author, summary, published, first_seen, "
        "sort_at, duration_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET guid_key = excluded.guid_key, "
        "enclosure_key = excluded.enclosure_key, link_key = excluded.link_key, content_hash = excluded.content_hash, guid = excluded.guid, "
        "title = excluded.title, link = excluded.link, author = excluded.author, summary = excluded.summary, published = excluded.published, "
        "sort_at = CASE WHEN excluded.published > 0 THEN excluded.published ELSE feed_item.first_seen END, duration_s = excluded.duration_s");
    const QString dropSongs = QStringLiteral("DELETE FROM feed_song WHERE item_id = ?");
    const QString addSong = QStringLiteral("INSERT INTO feed_song (item_id, position, source, artist, title, url) VALUES (?, ?, ?, ?, ?, ?)");
    for (qsizetype n = 0; n < feed.items.size(); ++n) {
        const QString& id = ids.at(n);
        if (id.isEmpty()) {
            continue;
        }
        const FeedItem& item = feed.items.at(n);
        const Keys& key = keys.at(n);
        if (const auto before = stored.constFind(id); before != stored.constEnd()) {
            if (before->contentHash == key.content && before->guidKey == key.guid) {
                continue;  // as it was: nothing to write
            }
            ++counts.changed;
        } else if (!removed.contains(id)) {
            ++counts.newItems;
        }
        const QString summary = HtmlScan::unescaped(HtmlScan::withoutTags(item.html)).simplified().left(kSummaryLength);
        const qint64 duration = item.durationSeconds > 0 ? item.durationSeconds
                                                          : (item.enclosures.isEmpty() ? 0 : item.enclosures.first().durationSeconds);
        if (auto written = statements.exec(upsert, {id, feedId, text(key.guid), text(key.enclosure), text(key.link), key.content, text(item.guid),
                                                    text(item.title.simplified()), text(item.link), text(item.author.simplified()), text(summary),
                                                    toMs(item.published), toMs(now), item.published.isValid() ? toMs(item.published) : toMs(now),
                                                    duration});
            !written) {
            return std::unexpected(written.error());
        }
        if (auto dropped = statements.exec(dropSongs, {id}); !dropped) {
            return std::unexpected(dropped.error());
        }
        const QList<FoundSong> songs = findSongs(item);
        for (qsizetype s = 0; s < songs.size(); ++s) {
            const FoundSong& song = songs.at(s);
            if (auto added = statements.exec(addSong, {id, s, QString::fromLatin1(sourceName(song.source)), text(song.artist), text(song.title), text(song.url)});
                !added) {
                return std::unexpected(added.error());
            }
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return counts;
}

Result<QList<ItemView>> FeedItemRepository::items(const ItemFilter& filter) const
{
    QVariantList binds;
    QString where;
    if (!filter.feedId.isEmpty()) {
        where += QStringLiteral(" AND i.feed_id = ?");
        binds.append(filter.feedId);
    }
    if (!filter.folderId.isEmpty()) {
        where += QStringLiteral(" AND f.folder_id = ? AND f.deleted = 0");
        binds.append(filter.folderId);
    }
    if (filter.onlyNew) {
        where += QStringLiteral(" AND coalesce(s.seen, 0) = 0 AND coalesce(s.played, 0) = 0");
    }
    if (filter.onlyStarred) {
        where += QStringLiteral(" AND coalesce(s.starred, 0) = 1");
    }
    auto search = searchCondition(filter.search, binds);
    if (!search) {
        return std::unexpected(search.error());
    }
    binds.append(std::max(filter.limit, 0));
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT %1 %2%3 AND %4 ORDER BY i.sort_at DESC, i.id DESC LIMIT ?")
                              .arg(kItemColumns, kItemJoins, where, *search),
                          binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<ItemView> result;
    while (query->next()) {
        result.append(itemAt(*query));
    }
    if (auto songs = addSongs(m_db.connection(), result); !songs) {
        return std::unexpected(songs.error());
    }
    return result;
}

Result<ItemView> FeedItemRepository::item(const QString& itemId) const
{
    auto query = sql::run(m_db.connection(), QStringLiteral("SELECT %1 %2 AND i.id = ?").arg(kItemColumns, kItemJoins), {itemId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such feed item", itemId.toStdString());
    }
    QList<ItemView> one{itemAt(*query)};
    if (auto songs = addSongs(m_db.connection(), one); !songs) {
        return std::unexpected(songs.error());
    }
    return one.first();
}

Result<void> FeedItemRepository::writeState(const QStringList& itemIds, const QString& field, const QVariant& value)
{
    QList<QPair<QString, QString>> rows;  // id, feed id
    for (const QString& id : itemIds) {
        auto feedId = sql::scalar(m_db.connection(), QStringLiteral("SELECT feed_id FROM feed_item WHERE id = ?"), {id});
        if (!feedId) {
            return std::unexpected(feedId.error());
        }
        if (feedId->isNull()) {
            return fail(ErrorCode::NotFound, "no such feed item", id.toStdString());
        }
        rows.append({id, feedId->toString()});
    }
    return writeTracked(m_db, [&](ChangeTracker& tracker) -> Result<void> {
        for (const auto& [id, feedId] : std::as_const(rows)) {
            QVariantMap fields{{QStringLiteral("feed_id"), feedId}};
            if (field == QLatin1String("deleted")) {
                if (auto written = tracker.write(kState, id, fields); !written) {
                    return std::unexpected(written.error());
                }
                if (auto removed = tracker.remove(kState, id); !removed) {
                    return std::unexpected(removed.error());
                }
                continue;
            }
            fields.insert(field, value);
            if (field == QLatin1String("played") && value.toInt() != 0) {
                fields.insert(QStringLiteral("seen"), 1);
            }
            if (auto written = tracker.write(kState, id, fields); !written) {
                return std::unexpected(written.error());
            }
        }
        return {};
    });
}

Result<void> FeedItemRepository::setSeen(const QStringList& itemIds, bool seen)
{
    return writeState(itemIds, QStringLiteral("seen"), seen ? 1 : 0);
}

Result<void> FeedItemRepository::setPlayed(const QString& itemId, bool played)
{
    return writeState({itemId}, QStringLiteral("played"), played ? 1 : 0);
}

Result<void> FeedItemRepository::setStarred(const QString& itemId, bool starred)
{
    return writeState({itemId}, QStringLiteral("starred"), starred ? 1 : 0);
}

Result<void> FeedItemRepository::setPosition(const QString& itemId, qint64 positionMs)
{
    return writeState({itemId}, QStringLiteral("position_ms"), std::max<qint64>(positionMs, 0));
}

Result<void> FeedItemRepository::remove(const QStringList& itemIds)
{
    return writeState(itemIds, QStringLiteral("deleted"), 1);
}

Result<int> FeedItemRepository::markAllSeen(const QString& feedId)
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT i.id, i.feed_id %1 AND coalesce(s.seen, 0) = 0 AND coalesce(s.played, 0) = 0 AND (? = '' OR i.feed_id = ?)")
                              .arg(kItemJoins),
                          {feedId, feedId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<QPair<QString, QVariantMap>> rows;
    while (query->next()) {
        rows.append({query->value(0).toString(), {{QStringLiteral("feed_id"), query->value(1).toString()}, {QStringLiteral("seen"), 1}}});
    }
    if (rows.isEmpty()) {
        return 0;
    }
    auto written = writeTracked(m_db, [&](ChangeTracker& tracker) { return tracker.writeMany(kState, rows); });
    if (!written) {
        return std::unexpected(written.error());
    }
    return static_cast<int>(rows.size());
}

Result<QList<RankedSong>> FeedItemRepository::ranking(int minFeeds, int limit) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT g.artist, g.title, g.url, i.feed_id, coalesce(nullif(f.name, ''), nullif(f.title, ''), f.url), i.id, "
                                         "i.sort_at "
                                         "FROM feed_song g JOIN feed_item i ON i.id = g.item_id JOIN feed f ON f.id = i.feed_id AND f.deleted = 0 "
                                         "LEFT JOIN feed_item_state s ON s.id = i.id WHERE coalesce(s.deleted, 0) = 0 AND g.artist <> '' AND g.title <> '' "
                                         "ORDER BY g.item_id, g.position"));
    if (!query) {
        return std::unexpected(query.error());
    }
    struct Group {
        RankedSong song;
        QSet<QString> feedIds;
        int urlRank = 100;
    };
    QHash<QString, Group> groups;
    while (query->next()) {
        const QString artist = query->value(0).toString();
        const QString title = query->value(1).toString();
        Group& group = groups[ownedKey(artist, title)];
        const QString feedId = query->value(3).toString();
        const QDateTime when = fromMs(query->value(6).toLongLong());
        if (group.song.title.isEmpty() || (when.isValid() && when > group.song.latest)) {
            group.song.artist = artist;
            group.song.title = title;
            group.song.latest = when;
            group.song.itemId = query->value(5).toString();
        }
        if (const QString url = query->value(2).toString(); !url.isEmpty() && group.song.url.isEmpty()) {
            group.song.url = url;
        }
        if (!group.feedIds.contains(feedId)) {
            group.feedIds.insert(feedId);
            group.song.feedNames.append(query->value(4).toString());
        }
    }
    auto owned = librarySongs(m_db.connection());
    if (!owned) {
        return std::unexpected(owned.error());
    }
    QList<RankedSong> result;
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        if (it->feedIds.size() >= minFeeds) {
            RankedSong song = it->song;
            song.feeds = static_cast<int>(it->feedIds.size());
            song.feedNames.sort(Qt::CaseInsensitive);
            song.owned = owned->contains(it.key());
            result.append(song);
        }
    }
    std::sort(result.begin(), result.end(), [](const RankedSong& a, const RankedSong& b) {
        if (a.feeds != b.feeds) {
            return a.feeds > b.feeds;
        }
        if (a.latest != b.latest) {
            return a.latest > b.latest;
        }
        return a.title < b.title;
    });
    if (limit >= 0 && result.size() > limit) {
        result.resize(limit);
    }
    return result;
}

Result<QString> FeedItemRepository::addToLibrary(const QString& itemId, int songIndex)
{
    auto found = item(itemId);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (songIndex < 0 || songIndex >= found->songs.size()) {
        return fail(ErrorCode::NotFound, "the item has no song " + std::to_string(songIndex + 1), itemId.toStdString());
    }
    const ItemSong& picked = found->songs.at(songIndex);
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    QString songId;
    {
        // (An episode without an artist is found by its title among the songs without one.)
        auto query = sql::run(m_db.connection(), QStringLiteral("SELECT id, artist, title FROM song WHERE deleted = 0 AND artist = ? COLLATE NOCASE ORDER BY id"),
                              {text(picked.artist)});
        if (!query) {
            return std::unexpected(query.error());
        }
        const QString title = picked.title.isEmpty() ? found->title : picked.title;
        while (songId.isEmpty() && query->next()) {
            if (ownedKey(query->value(1).toString(), query->value(2).toString()) == ownedKey(picked.artist, title)) {
                songId = query->value(0).toString();
            }
        }
    }
    if (songId.isEmpty()) {
        library::Song song;
        song.title = picked.title.isEmpty() ? found->title : picked.title;
        song.artist = picked.artist;
        song.tags = {QStringLiteral("from feeds")};
        QStringList notes{QStringLiteral("Found in %1: %2").arg(found->feedName, found->title)};
        if (!found->link.isEmpty()) {
            notes.append(found->link);
        }
        if (!picked.url.isEmpty()) {
            notes.append(picked.url);
        }
        song.notes = notes.join(QLatin1Char('\n'));
        if (found->durationSeconds > 0 && found->songs.size() == 1) {
            song.durationMs = found->durationSeconds * 1000;
        }
        auto saved = library::SongRepository(m_db).save(song);
        if (!saved) {
            return std::unexpected(saved.error());
        }
        songId = *saved;
    }
    if (!picked.file.isEmpty() && QFileInfo::exists(picked.file)) {
        if (auto attached = attachFile(songId, found->id, picked); !attached) {
            return std::unexpected(attached.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return songId;
}

Result<void> FeedItemRepository::attachFile(const QString& songId, const QString& itemId, const ItemSong& song)
{
    library::MediaFileRepository files(m_db);
    auto byPath = files.byPath(song.file);
    if (!byPath) {
        return std::unexpected(byPath.error());
    }
    auto held = files.ofSong(songId);
    if (!held) {
        return std::unexpected(held.error());
    }
    const bool hasOne = std::any_of(held->cbegin(), held->cend(), [](const library::MediaFile& file) { return !file.missing; });
    // The library has the file already (this song's or another's): it is the library's now. A
    // song with a file of its own keeps it, and the download stays the download's.
    if (!*byPath && !hasOne) {
        library::MediaFile file;
        file.songId = songId;
        file.path = song.file;
        file.size = QFileInfo(song.file).size();
        std::error_code error;
        // In the file clock, as the library's scan keeps it.
        file.mtime = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::filesystem::last_write_time(std::filesystem::path(QFile::encodeName(song.file).toStdString()), error).time_since_epoch())
                         .count();
        if (auto saved = files.save(file); !saved) {
            return std::unexpected(saved.error());
        }
    } else if (!*byPath) {
        return {};
    }
    return sql::exec(m_db.connection(), QStringLiteral("UPDATE feed_download SET kept = 1 WHERE item_id = ? AND url = ?"), {itemId, song.url});
}

Result<int> FeedItemRepository::dropRemovedFeeds()
{
    auto transaction = Transaction::begin(m_db.connection());
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    const QString removed = QStringLiteral("SELECT id FROM feed WHERE deleted = 1 AND keep_items = 0");
    if (auto songs = sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_song WHERE item_id IN (SELECT id FROM feed_item WHERE feed_id IN (%1))").arg(removed));
        !songs) {
        return std::unexpected(songs.error());
    }
    auto items = sql::run(m_db.connection(), QStringLiteral("DELETE FROM feed_item WHERE feed_id IN (%1)").arg(removed));
    if (!items) {
        return std::unexpected(items.error());
    }
    const int count = items->numRowsAffected();
    if (auto fetch = sql::exec(m_db.connection(), QStringLiteral("DELETE FROM feed_fetch WHERE feed_id IN (SELECT id FROM feed WHERE deleted = 1)")); !fetch) {
        return std::unexpected(fetch.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return count;
}

}  // namespace bandmate::core::feeds
