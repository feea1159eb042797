#include "sync/server/Grooves.h"

#include "sync/server/Secrets.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/UserText.h"

#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;
namespace sql = core::sql;

namespace {

const char* const kSchema[] = {
    // One row per shared groove: the author's settings and counters; `latest_version` is the
    // newest of its versions. Rows of deleted grooves stay (state 'deleted', no versions), so
    // their links say the groove was removed and copies still name their origin.
    "CREATE TABLE IF NOT EXISTS shared_groove (id TEXT PRIMARY KEY NOT NULL, account_id TEXT NOT NULL, title TEXT NOT NULL, "
    "author TEXT NOT NULL, description TEXT NOT NULL, tags TEXT NOT NULL, licence TEXT NOT NULL, visibility TEXT NOT NULL, "
    "allow_copies INTEGER NOT NULL, state TEXT NOT NULL, latest_version INTEGER NOT NULL, origin_id TEXT NOT NULL, "
    "origin_version INTEGER NOT NULL, plays BIGINT NOT NULL, copies BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS shared_groove_by_account ON shared_groove (account_id, updated_at)",
    "CREATE INDEX IF NOT EXISTS shared_groove_listed ON shared_groove (visibility, state, updated_at)",
    // Each version is immutable: the machine in canonical XML and its SHA-256.
    "CREATE TABLE IF NOT EXISTS shared_groove_version (groove_id TEXT NOT NULL, version INTEGER NOT NULL, machine TEXT NOT NULL, "
    "hash TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (groove_id, version))",
};

// Version 2: the author's own id for what was shared (`source`), to find a machine's share.
const ServerSchemaUpgrades kUpgrades{"groove_schema", {{"ALTER TABLE shared_groove ADD COLUMN source TEXT NOT NULL DEFAULT ''"}}};

const char* const kColumns =
    "id, account_id, title, author, description, tags, licence, visibility, allow_copies, state, latest_version, origin_id, "
    "origin_version, plays, copies, created_at, updated_at, source";

SharedGroove fromRow(const QSqlQuery& row)
{
    SharedGroove groove;
    groove.id = row.value(0).toString();
    groove.accountId = row.value(1).toString();
    groove.settings.title = row.value(2).toString();
    groove.settings.author = row.value(3).toString();
    groove.settings.description = row.value(4).toString();
    for (const auto& tag : QJsonDocument::fromJson(row.value(5).toString().toUtf8()).array()) {
        groove.settings.tags << tag.toString();
    }
    groove.settings.licence = row.value(6).toString();
    groove.settings.visibility = visibilityFromName(row.value(7).toString()).value_or(Visibility::Private);
    groove.settings.allowCopies = row.value(8).toInt() != 0;
    groove.state = row.value(9).toString();
    groove.latestVersion = row.value(10).toInt();
    groove.originId = row.value(11).toString();
    groove.originVersion = row.value(12).toInt();
    groove.plays = row.value(13).toLongLong();
    groove.copies = row.value(14).toLongLong();
    groove.createdAtMs = row.value(15).toLongLong();
    groove.updatedAtMs = row.value(16).toLongLong();
    groove.source = row.value(17).toString();
    return groove;
}

QString tagsJson(const QStringList& tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

/// The machine in `xml`, checked, and its canonical XML and hash.
struct Canonical {
    core::beats::Machine machine;
    QByteArray xml;
    QString hash;
};

core::Result<Canonical> canonical(const QByteArray& xml)
{
    auto machine = GrooveService::readMachine(xml);
    if (!machine) {
        return std::unexpected(machine.error());
    }
    Canonical out{*machine, core::beats::writeMachineXml(*machine), {}};
    out.hash = QString::fromLatin1(QCryptographicHash::hash(out.xml, QCryptographicHash::Sha256).toHex());
    return out;
}

}  // namespace

QString visibilityName(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Public:
        return QStringLiteral("public");
    case Visibility::Unlisted:
        return QStringLiteral("unlisted");
    case Visibility::Private:
        return QStringLiteral("private");
    }
    return QStringLiteral("private");
}

std::optional<Visibility> visibilityFromName(const QString& name)
{
    for (const Visibility visibility : {Visibility::Public, Visibility::Unlisted, Visibility::Private}) {
        if (visibilityName(visibility) == name) {
            return visibility;
        }
    }
    return std::nullopt;
}

const QStringList& grooveLicences()
{
    static const QStringList licences{QStringLiteral("cc-by-4.0"), QStringLiteral("cc-by-sa-4.0"), QStringLiteral("cc0-1.0"),
                                      QStringLiteral("all-rights-reserved")};
    return licences;
}

GrooveService::GrooveService(QString connectionName, Clock clock) : m_connectionName(std::move(connectionName)), m_clock(std::move(clock)) {}

GrooveService::~GrooveService()
{
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Result<std::unique_ptr<GrooveService>> GrooveService::open(const QString& location, Clock clock)
{
    if (!clock) {
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }
    const QString name = QStringLiteral("bandmate-grooves-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<GrooveService> service(new GrooveService(name, std::move(clock)));
    auto db = openServerDatabase(name, location, {kSchema[0], kSchema[1], kSchema[2], kSchema[3]}, kUpgrades);
    if (!db) {
        return std::unexpected(db.error());
    }
    return service;
}

core::Result<core::beats::Machine> GrooveService::readMachine(const QByteArray& xml)
{
    if (xml.size() > kMaxXmlBytes) {
        return fail(ErrorCode::InvalidInput, "the machine is larger than " + std::to_string(kMaxXmlBytes / 1024) + " KiB", "machine");
    }
    if (xml.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidInput, "must not be empty (a Salsa Beat Machine XML file)", "machine");
    }
    auto machine = core::beats::readMachineXml(xml, QStringLiteral("machine"));
    if (!machine) {
        return machine;
    }
    const auto shown = [](const std::string& title, const std::string& where) -> core::Result<void> {
        auto clean = cleanText(QString::fromStdString(title), "title", kMaxTitleLength, true);
        if (!clean) {
            return fail(ErrorCode::InvalidInput, "title: " + clean.error().message, where);
        }
        return {};
    };
    if (auto ok = shown(machine->title, "machine"); !ok) {
        return std::unexpected(ok.error());
    }
    for (const auto& instrument : machine->instruments) {
        if (auto ok = shown(instrument.title, "machine: instrument " + instrument.id); !ok) {
            return std::unexpected(ok.error());
        }
        for (const auto& program : instrument.programs) {
            if (auto ok = shown(program.title, "machine: a program of " + instrument.id); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    return machine;
}

core::Result<GrooveSettings> GrooveService::cleanSettings(const GrooveSettings& settings, const QString& fallbackTitle) const
{
    GrooveSettings out = settings;
    const QString title = settings.title.trimmed().isEmpty() ? fallbackTitle : settings.title;
    auto cleanTitle = cleanText(title.isEmpty() ? QStringLiteral("Untitled groove") : title, "title", kMaxTitleLength);
    if (!cleanTitle) {
        return std::unexpected(cleanTitle.error());
    }
    out.title = *cleanTitle;
    auto author = cleanText(settings.author, "author", kMaxAuthorLength, true);
    if (!author) {
        return std::unexpected(author.error());
    }
    out.author = *author;
    auto description = cleanText(settings.description, "description", kMaxDescriptionLength, true, true);
    if (!description) {
        return std::unexpected(description.error());
    }
    out.description = *description;
    out.tags.clear();
    for (const QString& tag : settings.tags) {
        auto cleaned = cleanText(tag.toLower().simplified(), "tags", kMaxTagLength, true);
        if (!cleaned) {
            return std::unexpected(cleaned.error());
        }
        if (!cleaned->isEmpty() && !out.tags.contains(*cleaned)) {
            out.tags << *cleaned;
        }
    }
    if (out.tags.size() > kMaxTags) {
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxTags) + " tags", "tags");
    }
    if (!grooveLicences().contains(settings.licence)) {
        return fail(ErrorCode::InvalidInput, "expected " + grooveLicences().join(QStringLiteral(", ")).toStdString(), "licence");
    }
    return out;
}

core::Result<SharedGroove> GrooveService::publish(const QString& accountId, const GrooveSettings& settings, const QByteArray& machineXml,
                                                  const QString& originId, int originVersion, const QString& source)
{
    auto cleanSource = cleanText(source, "source", 128, true);
    if (!cleanSource) {
        return std::unexpected(cleanSource.error());
    }
    auto machine = canonical(machineXml);
    if (!machine) {
        return std::unexpected(machine.error());
    }
    auto clean = cleanSettings(settings, QString::fromStdString(machine->machine.title));
    if (!clean) {
        return std::unexpected(clean.error());
    }
    if (!originId.isEmpty()) {
        auto origin = view(originId, originVersion, accountId);
        if (!origin || origin->state != QLatin1String("shared")) {
            return fail(ErrorCode::InvalidInput, "no such shared groove (or version) to copy", "origin");
        }
        if (!origin->settings.allowCopies && origin->accountId != accountId) {
            return fail(ErrorCode::InvalidInput, "its author does not allow copies", "origin");
        }
        originVersion = origin->version;
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto tx = core::Transaction::begin(db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    if (db.driverName() == QLatin1String("QPSQL")) {
        // One account's shares one after another (SQLite's write lock does that already), so
        // two at once cannot both pass the count.
        if (auto locked = sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"), {QStringLiteral("shared-groove:") + accountId}); !locked) {
            return std::unexpected(locked.error());
        }
    }
    auto count = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM shared_groove WHERE account_id = ? AND state <> 'deleted'"), {accountId});
    if (!count) {
        return std::unexpected(count.error());
    }
    if (count->toInt() >= kMaxGroovesPerAccount) {
        return fail(ErrorCode::Conflict, "an account shares at most " + std::to_string(kMaxGroovesPerAccount) + " grooves: delete one first",
                    "grooves");
    }
    const qint64 now = m_clock();
    const QString id = randomBase32(16);
    if (auto ok = sql::exec(db,
                            QStringLiteral("INSERT INTO shared_groove (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'shared', 1, ?, ?, 0, 0, ?, ?, ?)")
                                .arg(QLatin1String(kColumns)),
                            {id, accountId, clean->title, clean->author, clean->description, tagsJson(clean->tags), clean->licence,
                             visibilityName(clean->visibility), clean->allowCopies ? 1 : 0, originId.isEmpty() ? QStringLiteral("") : originId,
                             originId.isEmpty() ? 0 : originVersion, now, now, *cleanSource});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO shared_groove_version (groove_id, version, machine, hash, created_at) VALUES (?, 1, ?, ?, ?)"),
                            {id, QString::fromUtf8(machine->xml), machine->hash, now});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return view(id, 1, accountId);
}

core::Result<SharedGroove> GrooveService::addVersion(const QString& accountId, const QString& grooveId, const QByteArray& machineXml)
{
    auto machine = canonical(machineXml);
    if (!machine) {
        return std::unexpected(machine.error());
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto tx = core::Transaction::begin(db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    // Locked on PostgreSQL: two updates at once make versions n+1 and n+2, not two n+1.
    auto row = sql::run(db, QStringLiteral("SELECT latest_version, state FROM shared_groove WHERE id = ? AND account_id = ?") + forUpdate(db),
                        {grooveId, accountId});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next() || row->value(1).toString() == QLatin1String("deleted")) {
        return fail(ErrorCode::NotFound, "no such shared groove of yours", grooveId.toStdString());
    }
    const int latest = row->value(0).toInt();
    auto latestHash = sql::scalar(db, QStringLiteral("SELECT hash FROM shared_groove_version WHERE groove_id = ? AND version = ?"), {grooveId, latest});
    if (!latestHash) {
        return std::unexpected(latestHash.error());
    }
    if (latestHash->toString() == machine->hash) {
        return view(grooveId, latest, accountId);  // the same machine: no new version
    }
    if (latest >= kMaxVersions) {
        return fail(ErrorCode::Conflict, "a shared groove keeps at most " + std::to_string(kMaxVersions) + " versions: share it anew", grooveId.toStdString());
    }
    const qint64 now = m_clock();
    if (auto ok = sql::exec(db, QStringLiteral("INSERT INTO shared_groove_version (groove_id, version, machine, hash, created_at) VALUES (?, ?, ?, ?, ?)"),
                            {grooveId, latest + 1, QString::fromUtf8(machine->xml), machine->hash, now});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE shared_groove SET latest_version = ?, updated_at = ? WHERE id = ?"), {latest + 1, now, grooveId});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return view(grooveId, latest + 1, accountId);
}

core::Result<SharedGroove> GrooveService::change(const QString& accountId, const QString& grooveId, const GrooveChange& change)
{
    if (change.title && change.title->trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidInput, "must not be empty", "title");
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto tx = core::Transaction::begin(db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    // Read and written in one transaction, the row locked on PostgreSQL: a change made at the
    // same time (another setting, an unshare, a delete) is never undone by this one.
    auto row = sql::run(db, QStringLiteral("SELECT %1 FROM shared_groove WHERE id = ? AND account_id = ? AND state <> 'deleted'").arg(QLatin1String(kColumns))
                                + forUpdate(db),
                        {grooveId, accountId});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "no such shared groove of yours", grooveId.toStdString());
    }
    const SharedGroove groove = fromRow(*row);
    GrooveSettings settings = groove.settings;
    settings.title = change.title.value_or(settings.title);
    settings.author = change.author.value_or(settings.author);
    settings.description = change.description.value_or(settings.description);
    settings.tags = change.tags.value_or(settings.tags);
    settings.licence = change.licence.value_or(settings.licence);
    settings.visibility = change.visibility.value_or(settings.visibility);
    settings.allowCopies = change.allowCopies.value_or(settings.allowCopies);
    auto clean = cleanSettings(settings, groove.settings.title);  // a title is never emptied (checked above)
    if (!clean) {
        return std::unexpected(clean.error());
    }
    const QString state = change.visibility ? QStringLiteral("shared") : groove.state;  // a visibility shares it again
    if (auto ok = sql::exec(db,
                            QStringLiteral("UPDATE shared_groove SET title = ?, author = ?, description = ?, tags = ?, licence = ?, visibility = ?, "
                                           "allow_copies = ?, state = ?, updated_at = ? WHERE id = ?"),
                            {clean->title, clean->author, clean->description, tagsJson(clean->tags), clean->licence, visibilityName(clean->visibility),
                             clean->allowCopies ? 1 : 0, state, m_clock(), grooveId});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return view(grooveId, 0, accountId);
}

core::Result<SharedGroove> GrooveService::unshare(const QString& accountId, const QString& grooveId)
{
    auto done = sql::run(QSqlDatabase::database(m_connectionName),
                         QStringLiteral("UPDATE shared_groove SET state = 'unshared', updated_at = ? WHERE id = ? AND account_id = ? AND state <> 'deleted'"),
                         {m_clock(), grooveId, accountId});
    if (!done) {
        return std::unexpected(done.error());
    }
    if (done->numRowsAffected() < 1) {
        return fail(ErrorCode::NotFound, "no such shared groove of yours", grooveId.toStdString());
    }
    return view(grooveId, 0, accountId);
}

core::Result<void> GrooveService::remove(const QString& accountId, const QString& grooveId)
{
    auto groove = own(accountId, grooveId);
    if (!groove) {
        return std::unexpected(groove.error());
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto tx = core::Transaction::begin(db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    // The row stays without anything the author wrote: links say "removed", copies keep a name.
    if (auto ok = sql::exec(db,
                            QStringLiteral("UPDATE shared_groove SET state = 'deleted', title = '', author = '', description = '', tags = '[]', "
                                           "visibility = 'private', updated_at = ? WHERE id = ? AND account_id = ?"),
                            {m_clock(), grooveId, accountId});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("DELETE FROM shared_groove_version WHERE groove_id = ?"), {grooveId}); !ok) {
        return std::unexpected(ok.error());
    }
    return tx->commit();
}

core::Result<QList<SharedGroove>> GrooveService::mine(const QString& accountId) const
{
    auto rows = sql::run(QSqlDatabase::database(m_connectionName),
                         QStringLiteral("SELECT %1 FROM shared_groove WHERE account_id = ? AND state <> 'deleted' ORDER BY updated_at DESC, id")
                             .arg(QLatin1String(kColumns)),
                         {accountId});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<SharedGroove> grooves;
    while (rows->next()) {
        grooves << fromRow(*rows);
    }
    return grooves;
}

core::Result<QList<SharedGroove>> GrooveService::listed(int limit) const
{
    auto rows = sql::run(QSqlDatabase::database(m_connectionName),
                         QStringLiteral("SELECT %1 FROM shared_groove WHERE visibility = 'public' AND state = 'shared' ORDER BY updated_at DESC, id LIMIT ?")
                             .arg(QLatin1String(kColumns)),
                         {std::max(0, limit)});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<SharedGroove> grooves;
    while (rows->next()) {
        grooves << fromRow(*rows);
    }
    return grooves;
}

core::Result<SharedGroove> GrooveService::read(const QString& grooveId) const
{
    auto row = sql::run(QSqlDatabase::database(m_connectionName), QStringLiteral("SELECT %1 FROM shared_groove WHERE id = ?").arg(QLatin1String(kColumns)),
                        {grooveId});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "no such shared groove", grooveId.toStdString());
    }
    return fromRow(*row);
}

core::Result<SharedGroove> GrooveService::own(const QString& accountId, const QString& grooveId) const
{
    auto groove = read(grooveId);
    if (!groove || groove->accountId != accountId || groove->state == QLatin1String("deleted")) {
        if (!groove && groove.error().code != ErrorCode::NotFound) {
            return groove;
        }
        // Someone else's groove is as unknown as a missing one: nothing tells them it exists.
        return fail(ErrorCode::NotFound, "no such shared groove of yours", grooveId.toStdString());
    }
    return groove;
}

core::Result<SharedGroove> GrooveService::view(const QString& grooveId, int version, const QString& viewerId) const
{
    auto groove = read(grooveId);
    if (!groove) {
        return groove;
    }
    const bool author = !viewerId.isEmpty() && viewerId == groove->accountId;
    if (groove->settings.visibility == Visibility::Private && !author && groove->state != QLatin1String("deleted")) {
        return fail(ErrorCode::NotFound, "no such shared groove", grooveId.toStdString());
    }
    if (version < 0 || version > groove->latestVersion) {
        return fail(ErrorCode::NotFound, "no such version of this groove", grooveId.toStdString() + "/v" + std::to_string(version));
    }
    groove->version = version == 0 ? groove->latestVersion : version;
    if (groove->state != QLatin1String("shared") && !(author && groove->state == QLatin1String("unshared"))) {
        return groove;  // removed: no machine
    }
    auto found = readVersion(*groove);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (!*found) {
        // Deleted (or unshared) between the two reads: what the row says now.
        auto now = read(grooveId);
        if (now && now->state != QLatin1String("shared")) {
            now->version = groove->version;
            return now;
        }
        return fail(ErrorCode::NotFound, "no such version of this groove", grooveId.toStdString() + "/v" + std::to_string(version));
    }
    return groove;
}

core::Result<bool> GrooveService::readVersion(SharedGroove& groove) const
{
    auto row = sql::run(QSqlDatabase::database(m_connectionName),
                        QStringLiteral("SELECT machine, hash, created_at FROM shared_groove_version WHERE groove_id = ? AND version = ?"), {groove.id, groove.version});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return false;
    }
    groove.machineXml = row->value(0).toString().toUtf8();
    groove.hash = row->value(1).toString();
    groove.versionCreatedAtMs = row->value(2).toLongLong();
    return true;
}

core::Result<void> GrooveService::countPlay(const QString& grooveId)
{
    return sql::exec(QSqlDatabase::database(m_connectionName), QStringLiteral("UPDATE shared_groove SET plays = plays + 1 WHERE id = ? AND state = 'shared'"),
                     {grooveId});
}

core::Result<void> GrooveService::countCopy(const QString& grooveId)
{
    return sql::exec(QSqlDatabase::database(m_connectionName), QStringLiteral("UPDATE shared_groove SET copies = copies + 1 WHERE id = ? AND state = 'shared'"),
                     {grooveId});
}

}  // namespace bandmate::sync
