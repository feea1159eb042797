#include "core/beats/MachineRepository.h"

#include "core/beats/MachineXml.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

#include <QHash>
#include <QSet>
#include <QSqlRecord>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <functional>

namespace bandmate::core::beats {

namespace {

const QString kMachine = QStringLiteral("machine");
const QString kInstrument = QStringLiteral("machine_instrument");
const QString kProgram = QStringLiteral("program");
const QString kNote = QStringLiteral("note");
const QString kArrangement = QStringLiteral("arrangement");
const QString kSection = QStringLiteral("arrangement_section");

/// "piano=2 bass=off": instrument ids are letters, digits and _ (MachineXml), so neither a space
/// nor "=" is in one.
QString partsText(const std::vector<SectionPart>& parts)
{
    QStringList items;
    for (const SectionPart& part : parts) {
        items << QString::fromStdString(part.instrument) + QLatin1Char('=')
                     + (part.program < 0 ? QStringLiteral("off") : QString::number(part.program));
    }
    return items.join(QLatin1Char(' '));
}

std::vector<SectionPart> partsFrom(const QString& text)
{
    std::vector<SectionPart> parts;
    for (const QString& item : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto pair = item.split(QLatin1Char('='));
        bool ok = false;
        const int program = pair.value(1).toInt(&ok);
        if (pair.size() == 2 && !pair.at(0).isEmpty() && (ok || pair.at(1) == QLatin1String("off"))) {
            parts.push_back(SectionPart{pair.at(0).toStdString(), ok ? program : SectionPart::kOff});
        }
    }
    return parts;
}

/// Two computers that edited one arrangement at once can leave a mix no single save makes (a
/// form that plays a section the other one removed, a part for a program that is gone): what
/// cannot be played is left out, so the machine loads, plays and saves.
/// The parts of `parts` the machine can play: instruments it has, programs they have, each
/// instrument once.
std::vector<SectionPart> playableParts(const Machine& machine, const std::vector<SectionPart>& parts)
{
    std::vector<SectionPart> kept;
    for (const SectionPart& part : parts) {
        const auto owner = std::ranges::find(machine.instruments, part.instrument, &Instrument::id);
        const bool known = owner != machine.instruments.end() && part.program < static_cast<int>(owner->programs.size());
        const bool twice = std::ranges::any_of(kept, [&](const SectionPart& k) { return k.instrument == part.instrument; });
        if (known && !twice) {
            kept.push_back(SectionPart{part.instrument, std::max(SectionPart::kOff, part.program)});
        }
    }
    return kept;
}

void keepPlayable(Machine& machine)
{
    const auto playable = [&](std::vector<SectionPart>& parts) { parts = playableParts(machine, parts); };
    std::vector<Arrangement> kept;
    for (Arrangement& arrangement : machine.arrangements) {
        if (kept.size() >= static_cast<size_t>(MachineLimits::kMaxArrangements)) {
            break;
        }
        if (arrangement.sections.size() > static_cast<size_t>(MachineLimits::kMaxSections)) {
            arrangement.sections.resize(MachineLimits::kMaxSections);
        }
        for (Section& section : arrangement.sections) {
            section.bars = std::clamp(section.bars, 1, MachineLimits::kMaxSectionBars);
            section.repeats = std::clamp(section.repeats, 1, MachineLimits::kMaxRepeats);
            section.bpm = section.bpm > 0.0 ? std::clamp(section.bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm) : 0.0;
            section.keyNote = std::clamp(section.keyNote, -1, 11);
            playable(section.parts);
            playable(section.breakParts);
            if (!section.colour.empty() && (section.colour.size() != 7 || section.colour[0] != '#')) {
                section.colour.clear();
            }
        }
        std::vector<int> form;
        int steps = 0;
        for (const int index : arrangement.form) {
            if (index < 0 || index >= static_cast<int>(arrangement.sections.size()) || form.size() >= static_cast<size_t>(MachineLimits::kMaxFormEntries)) {
                continue;
            }
            const Section& section = arrangement.sections[static_cast<size_t>(index)];
            steps += section.bars * section.repeats * stepsPerBar(machine.flavor);
            if (steps > MachineLimits::kMaxSongSteps) {
                break;
            }
            form.push_back(index);
        }
        arrangement.form = std::move(form);
        // Names stay apart: "Tune", "Tune (2)".
        std::string name = arrangement.name.empty() ? std::string("Arrangement") : arrangement.name;
        for (int n = 2; std::ranges::any_of(kept, [&](const Arrangement& a) { return a.name == name; }); ++n) {
            name = (arrangement.name.empty() ? std::string("Arrangement") : arrangement.name) + " (" + std::to_string(n) + ")";
        }
        arrangement.name = name;
        kept.push_back(std::move(arrangement));
    }
    machine.arrangements = std::move(kept);
}

QString handText(Hand hand)
{
    switch (hand) {
    case Hand::Left:
        return QStringLiteral("left");
    case Hand::Right:
        return QStringLiteral("right");
    case Hand::Both:
        break;
    }
    return {};
}

Hand handFrom(const QString& text)
{
    if (text == QLatin1String("left")) {
        return Hand::Left;
    }
    if (text == QLatin1String("right")) {
        return Hand::Right;
    }
    return Hand::Both;
}

/// One live row as stored: its id and every column.
struct StoredRow {
    QString id;
    QVariantMap fields;
};

Result<QList<StoredRow>> liveRows(const QSqlDatabase& db, const QString& table, const QString& parentColumn,
                                  const QString& parentId, const QString& order)
{
    auto query = sql::run(db,
                          QStringLiteral("SELECT * FROM %1 WHERE %2 = ? AND deleted = 0 ORDER BY %3")
                              .arg(sql::quoteIdentifier(table), sql::quoteIdentifier(parentColumn), order),
                          {parentId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<StoredRow> rows;
    while (query->next()) {
        const QSqlRecord record = query->record();
        StoredRow row;
        for (int i = 0; i < record.count(); ++i) {
            row.fields.insert(record.fieldName(i), record.value(i));
        }
        row.id = row.fields.take(QStringLiteral("id")).toString();
        rows.append(std::move(row));
    }
    return rows;
}

bool sameValue(const QVariant& stored, const QVariant& wanted)
{
    if (wanted.typeId() == QMetaType::Double) {
        return std::abs(stored.toDouble() - wanted.toDouble()) < 1e-12;
    }
    return stored.toString() == wanted.toString();
}

/// Writes what differs between a stored row (or none) and the wanted fields.
class RowWriter {
public:
    RowWriter(ChangeTracker& tracker, UuidV7Generator& ids) : m_tracker(tracker), m_ids(ids) {}

    /// Saves `wanted` over `stored` (nullptr: a new row, id `newId` or a fresh UUIDv7); returns
    /// the row id.
    Result<QString> put(const QString& entity, const StoredRow* stored, const QVariantMap& wanted,
                        const QString& newId = {})
    {
        QVariantMap changed;
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            if (stored == nullptr || !sameValue(stored->fields.value(it.key()), it.value())) {
                changed.insert(it.key(), it.value());
            }
        }
        const QString id = stored != nullptr ? stored->id : (newId.isEmpty() ? m_ids.next() : newId);
        if (!changed.isEmpty()) {
            if (auto written = m_tracker.write(entity, id, changed); !written) {
                return std::unexpected(written.error());
            }
            ++m_writes;
        }
        return id;
    }

    Result<void> removeAll(const QString& entity, const QList<StoredRow>& rows, const QSet<QString>& kept)
    {
        for (const auto& row : rows) {
            if (!kept.contains(row.id)) {
                if (auto removed = m_tracker.remove(entity, row.id); !removed) {
                    return std::unexpected(removed.error());
                }
                ++m_writes;
            }
        }
        return {};
    }

    /// Rows written or removed so far.
    [[nodiscard]] int writes() const { return m_writes; }

private:
    ChangeTracker& m_tracker;
    UuidV7Generator& m_ids;
    int m_writes = 0;
};

/// Natural keys with an ordinal for repeats: "congas#0", "congas#1", …
class KeyCounter {
public:
    QString key(const QString& base) { return base + QLatin1Char('#') + QString::number(m_seen[base]++); }

private:
    QHash<QString, int> m_seen;
};

/// Tombstones each program row with its notes.
Result<void> removePrograms(const QSqlDatabase& db, RowWriter& writer, const QList<StoredRow>& programs)
{
    for (const auto& program : programs) {
        auto notes = liveRows(db, kNote, QStringLiteral("program_id"), program.id, QStringLiteral("position"));
        if (!notes) {
            return std::unexpected(notes.error());
        }
        if (auto removed = writer.removeAll(kNote, *notes, {}); !removed) {
            return removed;
        }
    }
    return writer.removeAll(kProgram, programs, {});
}

QList<StoredRow> without(const QList<StoredRow>& rows, const QSet<QString>& kept);

/// Tombstones each arrangement row with its sections.
Result<void> removeArrangements(const QSqlDatabase& db, RowWriter& writer, const QList<StoredRow>& arrangements)
{
    for (const auto& arrangement : arrangements) {
        auto sections = liveRows(db, kSection, QStringLiteral("arrangement_id"), arrangement.id, QStringLiteral("position"));
        if (!sections) {
            return std::unexpected(sections.error());
        }
        if (auto removed = writer.removeAll(kSection, *sections, {}); !removed) {
            return removed;
        }
    }
    return writer.removeAll(kArrangement, arrangements, {});
}

/// Which stored row each item of a list (arrangements, or one arrangement's sections) is saved
/// to: the row of its own id when that row is live under the same parent; else a live row of
/// the same name (and ordinal among equal names) that no item claimed by id; else a new row,
/// with the item's id when no row anywhere has it, or a fresh one. So renames and moves keep
/// their rows (sync merges edits section by section), and a copy of a machine, or an item that
/// lost its id (an older file, an undo), never takes another machine's rows.
class RowMatcher {
public:
    explicit RowMatcher(const QList<StoredRow>& rows)
    {
        KeyCounter keys;
        for (const auto& row : rows) {
            m_byId.insert(row.id, &row);
            m_byName.insert(keys.key(row.fields.value(QStringLiteral("name")).toString()), &row);
        }
    }

    /// First pass: the items whose own id names one of the rows.
    void claimById(const std::vector<std::string>& ids)
    {
        m_claimed.assign(ids.size(), nullptr);
        for (size_t i = 0; i < ids.size(); ++i) {
            const StoredRow* row = m_byId.value(QString::fromStdString(ids[i]));
            if (row != nullptr && !m_taken.contains(row->id)) {
                m_claimed[i] = row;
                m_taken.insert(row->id);
            }
        }
    }

    /// Second pass, in item order: item `i` (named `name`) gets its row, or nullptr for a new one.
    const StoredRow* rowFor(size_t i, const std::string& name)
    {
        const QString key = m_names.key(QString::fromStdString(name));
        if (m_claimed[i] != nullptr) {
            return m_claimed[i];
        }
        const StoredRow* row = m_byName.value(key);
        if (row != nullptr && !m_taken.contains(row->id)) {
            m_taken.insert(row->id);
            return row;
        }
        return nullptr;
    }

private:
    QHash<QString, const StoredRow*> m_byId;
    QHash<QString, const StoredRow*> m_byName;
    QSet<QString> m_taken;
    KeyCounter m_names;
    std::vector<const StoredRow*> m_claimed;
};

/// The id for a new row of `table`: the item's own when no row anywhere has it, else a fresh one.
Result<QString> newRowId(const QSqlDatabase& db, const QString& table, const std::string& own, UuidV7Generator& ids)
{
    if (!own.empty()) {
        auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(sql::quoteIdentifier(table)),
                                 {QString::fromStdString(own)});
        if (!count) {
            return std::unexpected(count.error());
        }
        if (count->toInt() == 0) {
            return QString::fromStdString(own);
        }
    }
    return ids.next();
}

/// Writes the machine's arrangements over the stored ones (rows matched by RowMatcher). A field
/// whose stored value differs from the wanted one only by what loading left out as unplayable
/// (a form naming a section, a part naming a program this computer does not have yet) keeps
/// the stored value: another computer's edit is not written over by an unrelated save.
Result<void> saveArrangements(const QSqlDatabase& db, RowWriter& writer, UuidV7Generator& ids, const QString& machineId,
                              const Machine& machine)
{
    auto stored = liveRows(db, kArrangement, QStringLiteral("machine_id"), machineId, QStringLiteral("position, id"));
    if (!stored) {
        return std::unexpected(stored.error());
    }
    RowMatcher arrangementRows(*stored);
    std::vector<std::string> arrangementIds;
    for (const Arrangement& arrangement : machine.arrangements) {
        arrangementIds.push_back(arrangement.id);
    }
    arrangementRows.claimById(arrangementIds);
    QSet<QString> kept;
    for (size_t a = 0; a < machine.arrangements.size(); ++a) {
        const Arrangement& arrangement = machine.arrangements[a];
        const StoredRow* row = arrangementRows.rowFor(a, arrangement.name);
        QString arrangementId = row != nullptr ? row->id : QString();
        if (row == nullptr) {
            auto fresh = newRowId(db, kArrangement, arrangement.id, ids);
            if (!fresh) {
                return std::unexpected(fresh.error());
            }
            arrangementId = *fresh;
        }
        kept.insert(arrangementId);
        // Its sections first: the form names their rows.
        auto storedSections = row != nullptr
                                  ? liveRows(db, kSection, QStringLiteral("arrangement_id"), arrangementId, QStringLiteral("position, id"))
                                  : Result<QList<StoredRow>>(QList<StoredRow>{});
        if (!storedSections) {
            return std::unexpected(storedSections.error());
        }
        RowMatcher sectionRows(*storedSections);
        std::vector<std::string> sectionIds;
        for (const Section& section : arrangement.sections) {
            sectionIds.push_back(section.id);
        }
        sectionRows.claimById(sectionIds);
        QStringList rowOfSection;
        QSet<QString> keptSections;
        for (size_t i = 0; i < arrangement.sections.size(); ++i) {
            const Section& section = arrangement.sections[i];
            const StoredRow* sectionRow = sectionRows.rowFor(i, section.name);
            QString sectionId = sectionRow != nullptr ? sectionRow->id : QString();
            if (sectionRow == nullptr) {
                auto fresh = newRowId(db, kSection, section.id, ids);
                if (!fresh) {
                    return std::unexpected(fresh.error());
                }
                sectionId = *fresh;
            }
            const auto keepStored = [&](const char* field, const std::vector<SectionPart>& wanted) {
                const QString text = partsText(wanted);
                if (sectionRow == nullptr) {
                    return text;
                }
                const QString storedText = sectionRow->fields.value(QString::fromLatin1(field)).toString();
                return partsText(playableParts(machine, partsFrom(storedText))) == text ? storedText : text;
            };
            const QVariantMap fields{
                {QStringLiteral("arrangement_id"), arrangementId},
                {QStringLiteral("position"), static_cast<int>(i)},
                {QStringLiteral("name"), QString::fromStdString(section.name)},
                {QStringLiteral("bars"), section.bars},
                {QStringLiteral("repeats"), section.repeats},
                {QStringLiteral("bpm"), section.bpm},
                {QStringLiteral("key_note"), section.keyNote},
                {QStringLiteral("parts"), keepStored("parts", section.parts)},
                {QStringLiteral("break_parts"), keepStored("break_parts", section.breakParts)},
                {QStringLiteral("colour"), QString::fromStdString(section.colour)},
            };
            auto put = writer.put(kSection, sectionRow, fields, sectionId);
            if (!put) {
                return std::unexpected(put.error());
            }
            rowOfSection << sectionId;
            keptSections.insert(sectionId);
        }
        if (auto removed = writer.removeAll(kSection, *storedSections, keptSections); !removed) {
            return removed;
        }
        QStringList form;
        for (const int index : arrangement.form) {
            if (index >= 0 && index < rowOfSection.size()) {
                form << rowOfSection.at(index);
            }
        }
        QString formField = form.join(QLatin1Char(' '));
        if (row != nullptr) {
            // What loading left out (a section this computer does not have yet) stays.
            const QString storedForm = row->fields.value(QStringLiteral("form")).toString();
            QStringList playable;
            for (const QString& sectionId : storedForm.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (keptSections.contains(sectionId)) {
                    playable << sectionId;
                }
            }
            if (playable.join(QLatin1Char(' ')) == formField) {
                formField = storedForm;
            }
        }
        const QVariantMap fields{
            {QStringLiteral("machine_id"), machineId},
            {QStringLiteral("position"), static_cast<int>(a)},
            {QStringLiteral("name"), QString::fromStdString(arrangement.name)},
            {QStringLiteral("form"), formField},
        };
        if (auto put = writer.put(kArrangement, row, fields, arrangementId); !put) {
            return std::unexpected(put.error());
        }
    }
    return removeArrangements(db, writer, without(*stored, kept));
}

/// The machine's arrangements as stored, by position, with their rows' ids; a form's sections
/// this computer does not have (yet) are left out.
Result<std::vector<Arrangement>> loadArrangements(const QSqlDatabase& db, const QString& machineId)
{
    auto rows = liveRows(db, kArrangement, QStringLiteral("machine_id"), machineId, QStringLiteral("position, id"));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    std::vector<Arrangement> arrangements;
    for (const auto& row : *rows) {
        Arrangement arrangement;
        arrangement.id = row.id.toStdString();
        arrangement.name = row.fields.value(QStringLiteral("name")).toString().toStdString();
        auto sections = liveRows(db, kSection, QStringLiteral("arrangement_id"), row.id, QStringLiteral("position, id"));
        if (!sections) {
            return std::unexpected(sections.error());
        }
        QHash<QString, int> indexOf;
        for (const auto& sectionRow : *sections) {
            const auto field = [&](const char* name) { return sectionRow.fields.value(QString::fromLatin1(name)); };
            Section section;
            section.id = sectionRow.id.toStdString();
            section.name = field("name").toString().toStdString();
            section.bars = field("bars").toInt();
            section.repeats = field("repeats").toInt();
            section.bpm = field("bpm").toDouble();
            section.keyNote = field("key_note").toInt();
            section.parts = partsFrom(field("parts").toString());
            section.breakParts = partsFrom(field("break_parts").toString());
            section.colour = field("colour").toString().toStdString();
            indexOf.insert(sectionRow.id, static_cast<int>(arrangement.sections.size()));
            arrangement.sections.push_back(std::move(section));
        }
        for (const QString& sectionId : row.fields.value(QStringLiteral("form")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (indexOf.contains(sectionId)) {
                arrangement.form.push_back(indexOf.value(sectionId));
            }
        }
        arrangements.push_back(std::move(arrangement));
    }
    return arrangements;
}

/// Tombstones each instrument row with its programs and their notes.
Result<void> removeInstruments(const QSqlDatabase& db, RowWriter& writer, const QList<StoredRow>& instruments)
{
    for (const auto& instrument : instruments) {
        auto programs = liveRows(db, kProgram, QStringLiteral("instrument_id"), instrument.id, QStringLiteral("position"));
        if (!programs) {
            return std::unexpected(programs.error());
        }
        if (auto removed = removePrograms(db, writer, *programs); !removed) {
            return removed;
        }
    }
    return writer.removeAll(kInstrument, instruments, {});
}

/// The rows of `rows` whose ids are not in `kept`.
QList<StoredRow> without(const QList<StoredRow>& rows, const QSet<QString>& kept)
{
    QList<StoredRow> gone;
    for (const auto& row : rows) {
        if (!kept.contains(row.id)) {
            gone.append(row);
        }
    }
    return gone;
}

/// NotFound unless machine `id` exists and is not deleted.
Result<void> requireLiveMachine(const QSqlDatabase& db, const QString& id)
{
    auto exists = sql::scalar(db, QStringLiteral("SELECT count(*) FROM machine WHERE id = ? AND deleted = 0"), {id});
    if (!exists) {
        return std::unexpected(exists.error());
    }
    if (exists->toInt() == 0) {
        return fail(ErrorCode::NotFound, "no such machine", id.toStdString());
    }
    return {};
}

/// Stored rows by natural key (`baseOf(row)` plus an ordinal for repeats, as KeyCounter makes
/// them), so a save can match the rows it is about to write.
QHash<QString, const StoredRow*> indexByKey(const QList<StoredRow>& rows, const std::function<QString(const StoredRow&)>& baseOf)
{
    QHash<QString, const StoredRow*> index;
    KeyCounter keys;
    for (const auto& row : rows) {
        index.insert(keys.key(baseOf(row)), &row);
    }
    return index;
}

QString noteBase(qint64 step, qint64 pitch, const QString& hand)
{
    return QStringLiteral("%1/%2/%3").arg(step).arg(pitch).arg(hand);
}

}  // namespace

MachineRepository::MachineRepository(Database& db) : m_db(db) {}

Result<QString> MachineRepository::save(const Machine& machine, const QString& requestedId)
{
    if (auto valid = validateMachine(machine, "machine"); !valid) {
        return std::unexpected(valid.error());
    }
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    ChangeTracker tracker(m_db);
    UuidV7Generator ids;
    RowWriter writer(tracker, ids);

    const QString machineId = requestedId.isEmpty() ? ids.next() : requestedId;
    auto storedMachine = sql::run(db, QStringLiteral("SELECT * FROM machine WHERE id = ?"), {machineId});
    if (!storedMachine) {
        return std::unexpected(storedMachine.error());
    }
    std::optional<StoredRow> machineRow;
    if (storedMachine->next()) {
        machineRow = StoredRow{machineId, {}};
        const QSqlRecord record = storedMachine->record();
        for (int i = 0; i < record.count(); ++i) {
            machineRow->fields.insert(record.fieldName(i), record.value(i));
        }
    }
    const QVariantMap machineFields{
        {QStringLiteral("title"), QString::fromStdString(machine.title)},
        {QStringLiteral("source_id"), QString::fromStdString(machine.machineId)},
        {QStringLiteral("flavor"), QString::fromLatin1(flavorName(machine.flavor))},
        {QStringLiteral("bpm"), machine.bpm},
        {QStringLiteral("key_note"), machine.keyNote},
        {QStringLiteral("clave32"), machine.clave32 ? 1 : 0},
        {QStringLiteral("volume"), machine.volume},
        {QStringLiteral("deleted"), 0},
    };
    if (auto put = writer.put(kMachine, machineRow ? &*machineRow : nullptr, machineFields, machineId); !put) {
        return std::unexpected(put.error());
    }

    auto storedInstruments = liveRows(db, kInstrument, QStringLiteral("machine_id"), machineId, QStringLiteral("position"));
    if (!storedInstruments) {
        return std::unexpected(storedInstruments.error());
    }
    const auto instrumentByKey = indexByKey(*storedInstruments, [](const StoredRow& row) {
        return row.fields.value(QStringLiteral("instrument_key")).toString();
    });
    QSet<QString> keptInstruments;
    KeyCounter instrumentKeys;
    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const Instrument& instrument = machine.instruments[i];
        const QString key = instrumentKeys.key(QString::fromStdString(instrument.id));
        const QVariantMap fields{
            {QStringLiteral("machine_id"), machineId},
            {QStringLiteral("position"), static_cast<int>(i)},
            {QStringLiteral("instrument_key"), QString::fromStdString(instrument.id)},
            {QStringLiteral("title"), QString::fromStdString(instrument.title)},
            {QStringLiteral("enabled"), instrument.enabled ? 1 : 0},
            {QStringLiteral("active_program"), instrument.activeProgram},
            {QStringLiteral("volume"), instrument.volume},
            {QStringLiteral("respects_clave"), instrument.respectsClave ? 1 : 0},
            {QStringLiteral("keyed"), instrument.keyed ? 1 : 0},
            {QStringLiteral("pitch_offset"), instrument.pitchOffset},
            {QStringLiteral("play_both_hands"), instrument.playBothHands ? 1 : 0},
            {QStringLiteral("left_hand_pitch_offset"), instrument.leftHandPitchOffset},
        };
        auto instrumentId = writer.put(kInstrument, instrumentByKey.value(key), fields);
        if (!instrumentId) {
            return std::unexpected(instrumentId.error());
        }
        keptInstruments.insert(*instrumentId);

        auto storedPrograms = liveRows(db, kProgram, QStringLiteral("instrument_id"), *instrumentId, QStringLiteral("position"));
        if (!storedPrograms) {
            return std::unexpected(storedPrograms.error());
        }
        const auto programByKey = indexByKey(*storedPrograms, [](const StoredRow& row) {
            return row.fields.value(QStringLiteral("position")).toString();
        });
        QSet<QString> keptPrograms;
        for (size_t p = 0; p < instrument.programs.size(); ++p) {
            const Program& program = instrument.programs[p];
            const QVariantMap programFields{
                {QStringLiteral("instrument_id"), *instrumentId},
                {QStringLiteral("position"), static_cast<int>(p)},
                {QStringLiteral("title"), QString::fromStdString(program.title)},
                {QStringLiteral("length"), program.length},
            };
            auto programId = writer.put(kProgram, programByKey.value(QString::number(p) + QStringLiteral("#0")), programFields);
            if (!programId) {
                return std::unexpected(programId.error());
            }
            keptPrograms.insert(*programId);

            auto storedNotes = liveRows(db, kNote, QStringLiteral("program_id"), *programId, QStringLiteral("position"));
            if (!storedNotes) {
                return std::unexpected(storedNotes.error());
            }
            const auto noteByKey = indexByKey(*storedNotes, [](const StoredRow& row) {
                return noteBase(row.fields.value(QStringLiteral("step")).toLongLong(),
                                row.fields.value(QStringLiteral("pitch")).toLongLong(), row.fields.value(QStringLiteral("hand")).toString());
            });
            QSet<QString> keptNotes;
            KeyCounter noteKeys;
            for (size_t n = 0; n < program.notes.size(); ++n) {
                const Note& note = program.notes[n];
                const QVariantMap noteFields{
                    {QStringLiteral("program_id"), *programId},
                    {QStringLiteral("position"), static_cast<int>(n)},
                    {QStringLiteral("step"), note.index},
                    {QStringLiteral("pitch"), note.pitch},
                    {QStringLiteral("velocity"), note.velocity},
                    {QStringLiteral("piano_tonic"), note.pianoTonic ? 1 : 0},
                    {QStringLiteral("hand"), handText(note.hand)},
                };
                const QString noteKey = noteKeys.key(noteBase(note.index, note.pitch, handText(note.hand)));
                auto noteId = writer.put(kNote, noteByKey.value(noteKey), noteFields);
                if (!noteId) {
                    return std::unexpected(noteId.error());
                }
                keptNotes.insert(*noteId);
            }
            if (auto removed = writer.removeAll(kNote, *storedNotes, keptNotes); !removed) {
                return std::unexpected(removed.error());
            }
        }
        if (auto removed = removePrograms(db, writer, without(*storedPrograms, keptPrograms)); !removed) {
            return std::unexpected(removed.error());
        }
    }
    // Instruments that are gone take their programs and notes with them.
    if (auto removed = removeInstruments(db, writer, without(*storedInstruments, keptInstruments)); !removed) {
        return std::unexpected(removed.error());
    }
    if (auto saved = saveArrangements(db, writer, ids, machineId, machine); !saved) {
        return std::unexpected(saved.error());
    }
    if (writer.writes() > 0) {
        const QVariantMap version{
            {QStringLiteral("machine_id"), machineId},
            {QStringLiteral("saved_at"), QDateTime::currentMSecsSinceEpoch()},
            {QStringLiteral("title"), QString::fromStdString(machine.title)},
            // Counting as the model does: an older Bandmate on another computer reads it right.
            {QStringLiteral("xml"), QString::fromUtf8(writeMachineXml(machine, InstructorCounting::Model))},
        };
        if (auto written = tracker.write(QStringLiteral("machine_version"), ids.next(), version); !written) {
            return std::unexpected(written.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return machineId;
}

Result<Machine> MachineRepository::load(const QString& id) const
{
    const QSqlDatabase db = m_db.connection();
    auto query = sql::run(db, QStringLiteral("SELECT title, source_id, flavor, bpm, key_note, clave32, volume "
                                             "FROM machine WHERE id = ? AND deleted = 0"),
                          {id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, "no such machine", id.toStdString());
    }
    Machine machine;
    machine.title = query->value(0).toString().toStdString();
    machine.machineId = query->value(1).toString().toStdString();
    machine.flavor = query->value(2).toString() == QLatin1String("Merengue") ? Flavor::Merengue : Flavor::Salsa;
    machine.bpm = query->value(3).toDouble();
    machine.keyNote = query->value(4).toInt();
    machine.clave32 = query->value(5).toInt() != 0;
    machine.volume = query->value(6).toDouble();

    auto instruments = liveRows(db, kInstrument, QStringLiteral("machine_id"), id, QStringLiteral("position"));
    if (!instruments) {
        return std::unexpected(instruments.error());
    }
    for (const auto& row : *instruments) {
        const auto field = [&](const char* name) { return row.fields.value(QString::fromLatin1(name)); };
        Instrument instrument;
        instrument.id = field("instrument_key").toString().toStdString();
        instrument.title = field("title").toString().toStdString();
        instrument.enabled = field("enabled").toInt() != 0;
        instrument.activeProgram = field("active_program").toInt();
        instrument.volume = field("volume").toDouble();
        instrument.respectsClave = field("respects_clave").toInt() != 0;
        instrument.keyed = field("keyed").toInt() != 0;
        instrument.pitchOffset = field("pitch_offset").toInt();
        instrument.playBothHands = field("play_both_hands").toInt() != 0;
        instrument.leftHandPitchOffset = field("left_hand_pitch_offset").toInt();
        auto programs = liveRows(db, kProgram, QStringLiteral("instrument_id"), row.id, QStringLiteral("position"));
        if (!programs) {
            return std::unexpected(programs.error());
        }
        for (const auto& programRow : *programs) {
            Program program;
            program.title = programRow.fields.value(QStringLiteral("title")).toString().toStdString();
            program.length = programRow.fields.value(QStringLiteral("length")).toInt();
            auto notes = liveRows(db, kNote, QStringLiteral("program_id"), programRow.id, QStringLiteral("position"));
            if (!notes) {
                return std::unexpected(notes.error());
            }
            for (const auto& noteRow : *notes) {
                const auto noteField = [&](const char* name) { return noteRow.fields.value(QString::fromLatin1(name)); };
                program.notes.push_back(Note{noteField("step").toInt(), noteField("pitch").toInt(),
                                             noteField("velocity").toDouble(), noteField("piano_tonic").toInt() != 0,
                                             handFrom(noteField("hand").toString())});
            }
            instrument.programs.push_back(std::move(program));
        }
        machine.instruments.push_back(std::move(instrument));
    }
    auto arrangements = loadArrangements(db, id);
    if (!arrangements) {
        return std::unexpected(arrangements.error());
    }
    machine.arrangements = std::move(*arrangements);
    keepPlayable(machine);
    // Imported before Bandmate read the format's Instructor counts: counted from 1 here, and
    // kept so by the next save (an ordinary edit, synced as one).
    countInstructorFromOne(machine);
    return machine;
}

Result<QList<MachineSummary>> MachineRepository::list() const
{
    return listWhere(false);
}

Result<QList<MachineSummary>> MachineRepository::listTrash() const
{
    return listWhere(true);
}

Result<void> MachineRepository::trash(const QString& id)
{
    return setTrashed(id, true);
}

Result<void> MachineRepository::restore(const QString& id)
{
    return setTrashed(id, false);
}

Result<void> MachineRepository::setTrashed(const QString& id, bool trashed)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto exists = requireLiveMachine(db, id); !exists) {
        return exists;
    }
    ChangeTracker tracker(m_db);
    if (auto written = tracker.write(kMachine, id, {{QStringLiteral("trashed"), trashed ? 1 : 0}}); !written) {
        return std::unexpected(written.error());
    }
    return transaction->commit();
}

Result<int> MachineRepository::emptyTrash()
{
    auto trashed = listTrash();
    if (!trashed) {
        return std::unexpected(trashed.error());
    }
    for (const auto& machine : *trashed) {
        if (auto removed = remove(machine.id); !removed) {
            return std::unexpected(removed.error());
        }
    }
    return static_cast<int>(trashed->size());
}

Result<QList<MachineVersion>> MachineRepository::versions(const QString& machineId) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT id, saved_at, title FROM machine_version WHERE machine_id = ? AND deleted = 0 "
                                         "ORDER BY saved_at DESC, id DESC"),
                          {machineId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<MachineVersion> versions;
    while (query->next()) {
        versions.append({query->value(0).toString(), QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong()),
                         query->value(2).toString()});
    }
    return versions;
}

Result<Machine> MachineRepository::loadVersion(const QString& versionId) const
{
    auto xml = sql::scalar(m_db.connection(),
                           QStringLiteral("SELECT xml FROM machine_version WHERE id = ? AND deleted = 0"), {versionId});
    if (!xml) {
        return std::unexpected(xml.error());
    }
    if (xml->isNull()) {
        return fail(ErrorCode::NotFound, "no such machine version", versionId.toStdString());
    }
    return readMachineXml(xml->toString().toUtf8(), QStringLiteral("version ") + versionId);
}

Result<QString> MachineRepository::saveCopy(const Machine& machine, const QString& origin)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto id = save(machine);
    if (!id) {
        return id;
    }
    if (auto written = ChangeTracker(m_db).write(kMachine, *id, {{QStringLiteral("origin"), origin}}); !written) {
        return std::unexpected(written.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return id;
}

Result<QString> MachineRepository::origin(const QString& id) const
{
    auto origin = sql::scalar(m_db.connection(), QStringLiteral("SELECT origin FROM machine WHERE id = ? AND deleted = 0"), {id});
    if (!origin) {
        return std::unexpected(origin.error());
    }
    if (origin->isNull()) {
        return fail(ErrorCode::NotFound, "no such machine", id.toStdString());
    }
    return origin->toString();
}

Result<QList<MachineSummary>> MachineRepository::listWhere(bool trashed) const
{
    auto query = sql::run(m_db.connection(),
                          QStringLiteral("SELECT m.id, m.title, m.flavor, m.bpm, "
                                         "(SELECT count(*) FROM machine_instrument i WHERE i.machine_id = m.id AND i.deleted = 0), m.origin "
                                         "FROM machine m WHERE m.deleted = 0 AND m.trashed = ? "
                                         "ORDER BY m.title COLLATE NOCASE, m.id"),
                          {trashed ? 1 : 0});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<MachineSummary> machines;
    while (query->next()) {
        machines.append({query->value(0).toString(), query->value(1).toString(),
                         query->value(2).toString() == QLatin1String("Merengue") ? Flavor::Merengue : Flavor::Salsa,
                         query->value(3).toDouble(), query->value(4).toInt(), query->value(5).toString()});
    }
    return machines;
}

Result<void> MachineRepository::remove(const QString& id)
{
    const QSqlDatabase db = m_db.connection();
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto exists = requireLiveMachine(db, id); !exists) {
        return exists;
    }
    ChangeTracker tracker(m_db);
    UuidV7Generator ids;
    RowWriter writer(tracker, ids);
    auto instruments = liveRows(db, kInstrument, QStringLiteral("machine_id"), id, QStringLiteral("position"));
    if (!instruments) {
        return std::unexpected(instruments.error());
    }
    if (auto removed = removeInstruments(db, writer, *instruments); !removed) {
        return removed;
    }
    auto arrangements = liveRows(db, kArrangement, QStringLiteral("machine_id"), id, QStringLiteral("position"));
    if (!arrangements) {
        return std::unexpected(arrangements.error());
    }
    if (auto removed = removeArrangements(db, writer, *arrangements); !removed) {
        return removed;
    }
    auto versions = liveRows(db, QStringLiteral("machine_version"), QStringLiteral("machine_id"), id, QStringLiteral("saved_at"));
    if (!versions) {
        return std::unexpected(versions.error());
    }
    if (auto removed = writer.removeAll(QStringLiteral("machine_version"), *versions, {}); !removed) {
        return removed;
    }
    if (auto removed = tracker.remove(kMachine, id); !removed) {
        return std::unexpected(removed.error());
    }
    return transaction->commit();
}

}  // namespace bandmate::core::beats
