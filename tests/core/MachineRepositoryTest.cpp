// Beat machines in a real SQLite file, written through the change tracker.
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/sync/ChangeTracker.h"
#include "tests/support/TestFiles.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::beats;
using bandmate::test::TempDir;

namespace {

Machine example()
{
    auto machine = readMachineFile(QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml"));
    EXPECT_TRUE(machine.has_value());
    return machine.value_or(Machine{});
}

std::unique_ptr<Database> openDb(const TempDir& dir)
{
    auto db = Database::open(dir.file(QStringLiteral("bandmate.sqlite")));
    EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().toString());
    return db ? std::move(*db) : nullptr;
}

// Every field stamp, so a test can see exactly which fields a save wrote.
QStringList stamps(const Database& db)
{
    QStringList out;
    auto rows = sql::run(db.connection(), QStringLiteral("SELECT entity, id, field, hlc FROM field_clock ORDER BY 1, 2, 3"));
    while (rows->next()) {
        out << QStringLiteral("%1|%2|%3|%4").arg(rows->value(0).toString(), rows->value(1).toString(),
                                                rows->value(2).toString(), rows->value(3).toString());
    }
    return out;
}

// Fields a save changed in the machine's own rows (versions, which every save adds, left out).
QStringList changedFields(const QStringList& before, const QStringList& after)
{
    QStringList changed;
    for (const auto& line : after) {
        if (!before.contains(line) && !line.startsWith(QLatin1String("machine_version|"))) {
            const auto parts = line.split(QLatin1Char('|'));
            changed << parts.at(0) + QLatin1Char('.') + parts.at(2);
        }
    }
    return changed;
}

qint64 liveCount(const Database& db, const char* table)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(QString::fromLatin1(table)))
        ->toLongLong();
}

/// A database with the example machine saved in it.
class MachineRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = openDb(dir);
        ASSERT_NE(db, nullptr);
        machines = std::make_unique<MachineRepository>(*db);
        auto saved = machines->save(example());
        ASSERT_TRUE(saved.has_value()) << saved.error().toString();
        id = *saved;
    }

    TempDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<MachineRepository> machines;
    QString id;
};

}  // namespace

TEST(MachineRepository, SaveThenLoadGivesAnEqualMachine)
{
    TempDir dir;
    auto db = openDb(dir);
    MachineRepository machines(*db);
    const Machine original = example();
    auto id = machines.save(original);
    ASSERT_TRUE(id.has_value()) << id.error().toString();
    auto loaded = machines.load(*id);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    EXPECT_TRUE(*loaded == original);
    EXPECT_EQ(writeMachineXml(*loaded), writeMachineXml(original));
    EXPECT_EQ(liveCount(*db, "machine_instrument"), static_cast<qint64>(original.instruments.size()));

    // The same file, reopened: it is all on disk.
    db.reset();
    auto reopened = openDb(dir);
    auto again = MachineRepository(*reopened).load(*id);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(*again == original);
}

TEST_F(MachineRepositoryTest, SavingAnUnchangedMachineWritesNothing)
{
    const QStringList before = stamps(*db);
    ASSERT_TRUE(machines->save(example(), id).has_value());
    EXPECT_EQ(stamps(*db), before);
}

TEST_F(MachineRepositoryTest, AnEditWritesOnlyTheFieldsThatChanged)
{
    Machine machine = example();

    QStringList before = stamps(*db);
    machine.instruments[2].programs[0].notes[3].velocity = 0.9;  // one conga note
    ASSERT_TRUE(machines->save(machine, id).has_value());
    EXPECT_EQ(changedFields(before, stamps(*db)), QStringList{QStringLiteral("note.velocity")});

    before = stamps(*db);
    machine.bpm = 104;
    machine.instruments[1].enabled = false;
    ASSERT_TRUE(machines->save(machine, id).has_value());
    auto changed = changedFields(before, stamps(*db));
    changed.sort();
    EXPECT_EQ(changed, (QStringList{QStringLiteral("machine.bpm"), QStringLiteral("machine_instrument.enabled")}));

    // A note added in front of the others keeps the others' rows: only their positions move.
    before = stamps(*db);
    auto& notes = machine.instruments[0].programs[0].notes;
    notes.insert(notes.begin(), Note{0, 0, 0.5, false, Hand::Both});
    ASSERT_TRUE(machines->save(machine, id).has_value());
    changed = changedFields(before, stamps(*db));
    EXPECT_EQ(changed.count(QStringLiteral("note.position")), 5 + 1);
    EXPECT_EQ(changed.count(QStringLiteral("note.step")), 1);
    EXPECT_TRUE(*machines->load(id) == machine);
}

TEST_F(MachineRepositoryTest, RemovedNotesProgramsAndInstrumentsBecomeTombstones)
{
    Machine machine = example();
    const qint64 notesBefore = liveCount(*db, "note");

    machine.instruments[0].programs.pop_back();                 // rumba clave (5 notes)
    machine.instruments.erase(machine.instruments.begin() + 2);  // congas (8 notes)
    ASSERT_TRUE(machines->save(machine, id).has_value());
    EXPECT_EQ(liveCount(*db, "note"), notesBefore - 13);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM note WHERE deleted = 1"))->toInt(), 13);
    auto loaded = machines->load(id);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_TRUE(*loaded == machine);
}

TEST_F(MachineRepositoryTest, AnInvalidMachineWritesNothing)
{
    const QStringList before = stamps(*db);
    Machine broken = example();
    broken.instruments[0].programs[0].notes[0].index = 99;  // outside the 16-step program
    broken.title = "changed";
    auto saved = machines->save(broken, id);
    ASSERT_FALSE(saved.has_value());
    EXPECT_EQ(saved.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(stamps(*db), before);
    EXPECT_EQ(machines->load(id)->title, example().title);
}

TEST(MachineRepository, ListAndRemove)
{
    TempDir dir;
    auto db = openDb(dir);
    MachineRepository machines(*db);
    Machine second = example();
    second.title = "Another groove";
    second.flavor = Flavor::Merengue;
    auto first = machines.save(example());
    auto other = machines.save(second);
    ASSERT_TRUE(first && other);
    auto listed = machines.list();
    ASSERT_TRUE(listed.has_value());
    ASSERT_EQ(listed->size(), 2);
    EXPECT_EQ(listed->at(0).title, QStringLiteral("Another groove"));
    EXPECT_EQ(listed->at(0).flavor, Flavor::Merengue);
    EXPECT_EQ(listed->at(0).instrumentCount, 5);

    ASSERT_TRUE(machines.remove(*other).has_value());
    EXPECT_EQ(machines.list()->size(), 1);
    EXPECT_EQ(machines.load(*other).error().code, ErrorCode::NotFound);
    EXPECT_EQ(machines.remove(*other).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(machines.load(*first).has_value()) << "the other machine is untouched";
    // Tombstones, not deletes: sync carries them to other devices.
    EXPECT_EQ(sql::scalar(db->connection(),
                          QStringLiteral("SELECT count(*) FROM machine_instrument WHERE machine_id = ? AND deleted = 0"),
                          {*other})
                  ->toInt(),
              0);
    ChangeTracker tracker(*db);
    auto pending = tracker.pending(100000);
    ASSERT_TRUE(pending.has_value());
    bool machineTombstone = false;
    for (const auto& change : *pending) {
        machineTombstone = machineTombstone
                           || (change.entity == QLatin1String("machine") && change.id == *other
                               && change.field == QLatin1String("deleted") && change.value.toInt() == 1);
    }
    EXPECT_TRUE(machineTombstone);
}

TEST_F(MachineRepositoryTest, EverySaveThatChangesSomethingKeepsAVersionToRestore)
{
    ASSERT_EQ(machines->versions(id)->size(), 1) << "the first save";
    ASSERT_TRUE(machines->save(example(), id).has_value());
    ASSERT_EQ(machines->versions(id)->size(), 1) << "nothing changed, no new version";

    Machine faster = example();
    faster.bpm = 140;
    faster.title = "Faster";
    ASSERT_TRUE(machines->save(faster, id).has_value());
    auto versions = machines->versions(id);
    ASSERT_TRUE(versions.has_value());
    ASSERT_EQ(versions->size(), 2);
    EXPECT_EQ(versions->at(0).title, QStringLiteral("Faster")) << "newest first";
    EXPECT_GE(versions->at(0).savedAt, versions->at(1).savedAt);

    // Restoring the first version is loading it and saving it again.
    auto original = machines->loadVersion(versions->at(1).id);
    ASSERT_TRUE(original.has_value()) << original.error().toString();
    EXPECT_TRUE(*original == example());
    ASSERT_TRUE(machines->save(*original, id).has_value());
    EXPECT_TRUE(*machines->load(id) == example());
    EXPECT_EQ(machines->versions(id)->size(), 3);
    EXPECT_EQ(machines->loadVersion(QStringLiteral("nope")).error().code, ErrorCode::NotFound);
}

TEST_F(MachineRepositoryTest, TrashRestoreAndEmpty)
{
    ASSERT_TRUE(machines->trash(id).has_value());
    EXPECT_TRUE(machines->list()->isEmpty());
    ASSERT_EQ(machines->listTrash()->size(), 1);
    EXPECT_TRUE(machines->load(id).has_value()) << "a trashed machine can still be opened";

    ASSERT_TRUE(machines->restore(id).has_value());
    EXPECT_EQ(machines->list()->size(), 1);
    EXPECT_TRUE(machines->listTrash()->isEmpty());

    ASSERT_TRUE(machines->trash(id).has_value());
    auto emptied = machines->emptyTrash();
    ASSERT_TRUE(emptied.has_value());
    EXPECT_EQ(*emptied, 1);
    EXPECT_TRUE(machines->listTrash()->isEmpty());
    EXPECT_EQ(machines->load(id).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(machines->versions(id)->isEmpty()) << "its versions go too";
    EXPECT_EQ(machines->trash(id).error().code, ErrorCode::NotFound);
}

TEST_F(MachineRepositoryTest, ACopyOfASharedGrooveKeepsItsOriginThroughEditsAndListsIt)
{
    const QString link = QStringLiteral("https://grooves.example.org/g/abcdefghijklmnopqrstuvwxyz/v3");
    auto copy = machines->saveCopy(example(), link);
    ASSERT_TRUE(copy.has_value()) << copy.error().toString();
    EXPECT_NE(*copy, id);
    EXPECT_EQ(machines->origin(*copy).value_or(QString()), link);
    EXPECT_EQ(machines->origin(id).value_or(QStringLiteral("?")), QString()) << "made here";
    EXPECT_EQ(machines->origin(QStringLiteral("nope")).error().code, bandmate::core::ErrorCode::NotFound);

    // An edit of the copy is still a copy of that version; the list says so.
    Machine edited = example();
    edited.bpm = 99;
    const QStringList before = stamps(*db);
    ASSERT_TRUE(machines->save(edited, *copy).has_value());
    EXPECT_EQ(changedFields(before, stamps(*db)), QStringList{QStringLiteral("machine.bpm")}) << "the origin is not written again";
    EXPECT_EQ(machines->origin(*copy).value_or(QString()), link);
    int withOrigin = 0;
    const auto listed = machines->list();
    ASSERT_TRUE(listed.has_value());
    for (const auto& summary : *listed) {
        withOrigin += summary.origin == link ? 1 : 0;
    }
    EXPECT_EQ(withOrigin, 1);

    // A copy that cannot be saved leaves nothing behind.
    Machine bad = example();
    bad.bpm = 1000;
    const qint64 rows = liveCount(*db, "machine");
    EXPECT_FALSE(machines->saveCopy(bad, link).has_value());
    EXPECT_EQ(liveCount(*db, "machine"), rows);
}

namespace {

Instrument instructorCounting(const std::vector<std::vector<int>>& programs)
{
    Instrument instructor;
    instructor.id = kInstructorId;
    instructor.title = "Instructor";
    for (const auto& counts : programs) {
        Program program;
        program.title = "counts";
        for (int pitch : counts) {
            program.notes.push_back(Note{.index = 2 * static_cast<int>(program.notes.size()), .pitch = pitch});
        }
        instructor.programs.push_back(program);
    }
    return instructor;
}

std::vector<int> countsOf(const Machine& machine, size_t program)
{
    std::vector<int> out;
    for (const Note& note : machine.instruments.back().programs.at(program).notes) {
        out.push_back(note.pitch);
    }
    return out;
}

}  // namespace

TEST(MachineRepository, AnInstructorImportedWithTheFormatsNumbersCountsFromOneAndTheNextSaveKeepsIt)
{
    // Before the reader converted, a web machine's Instructor was stored with the file's 0-7,
    // and its version snapshot written without a mark; Bandmate's own machines counted 1-8.
    TempDir dir;
    auto db = openDb(dir);
    ASSERT_NE(db, nullptr);
    MachineRepository machines(*db);
    Machine web = example();
    web.instruments.push_back(instructorCounting({{1, 3, 5, 7}, {2, 4, 6, 8}}));
    Machine bandmate = example();
    bandmate.instruments.push_back(instructorCounting({{1, 2, 3, 4, 5, 6, 7, 8}, {2, 4}}));
    const QString imported = machines.save(web).value();
    const QString ours = machines.save(bandmate).value();
    const auto& connection = db->connection();
    // What the old reader stored: the file's numbers, and a snapshot of them without a mark.
    ASSERT_TRUE(sql::exec(connection, QStringLiteral("UPDATE note SET pitch = pitch - 1 WHERE program_id IN (SELECT p.id FROM program p "
                                                     "JOIN machine_instrument i ON i.id = p.instrument_id WHERE i.machine_id = ? AND "
                                                     "i.instrument_key = 'instructor')"),
                          {imported})
                    .has_value());
    Machine raw = web;
    raw.instruments.back() = instructorCounting({{0, 2, 4, 6}, {1, 3, 5, 7}});
    const QString oldSnapshot = QString::fromUtf8(writeMachineXml(raw, InstructorCounting::Model))
                                    .remove(QStringLiteral("<bm:instructorCountsFrom>1</bm:instructorCountsFrom>"));
    ASSERT_TRUE(sql::exec(connection, QStringLiteral("UPDATE machine_version SET xml = ? WHERE machine_id = ?"), {oldSnapshot, imported}).has_value());
    ASSERT_TRUE(sql::exec(connection, QStringLiteral("DELETE FROM outbox")).has_value()) << "as if pushed";

    const Machine loaded = machines.load(imported).value();
    EXPECT_EQ(countsOf(loaded, 0), (std::vector<int>{1, 3, 5, 7}));
    EXPECT_EQ(countsOf(loaded, 1), (std::vector<int>{2, 4, 6, 8}));
    const Machine own = machines.load(ours).value();
    EXPECT_EQ(countsOf(own, 0), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8})) << "Bandmate's own counts stay";
    EXPECT_EQ(countsOf(own, 1), (std::vector<int>{2, 4}));
    EXPECT_EQ(sql::scalar(connection, QStringLiteral("SELECT count(*) FROM outbox")).value().toInt(), 0) << "reading writes nothing";
    const auto versions = machines.versions(imported).value();
    ASSERT_FALSE(versions.isEmpty());
    EXPECT_EQ(machines.loadVersion(versions.first().id).value(), loaded) << "the old snapshot reads as the machine does";

    // Saved again, the counts are stored from 1 and go out with the next push like an edit; the
    // snapshot now says how it counts, so an older Bandmate reads it as it is.
    ASSERT_TRUE(machines.save(loaded, imported).has_value());
    EXPECT_EQ(sql::scalar(connection, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'note' AND field = 'pitch'")).value().toInt(), 8);
    EXPECT_EQ(machines.load(imported).value(), loaded);
    const QString newest = sql::scalar(connection, QStringLiteral("SELECT xml FROM machine_version WHERE machine_id = ? ORDER BY saved_at DESC, rowid DESC LIMIT 1"),
                                       {imported})
                               .value()
                               .toString();
    EXPECT_TRUE(newest.contains(QStringLiteral("<bm:instructorCountsFrom>1</bm:instructorCountsFrom>"))) << newest.toStdString();
    EXPECT_TRUE(newest.contains(QStringLiteral("index=\"0\" pitch=\"1\""))) << newest.toStdString();
}

namespace {

Machine arranged()
{
    Machine machine = example();
    Section intro{.name = "Intro", .bars = 2, .parts = {{"congas", SectionPart::kOff}}, .colour = "#1f77b4"};
    Section montuno{.name = "Montuno", .bars = 8, .repeats = 2, .parts = {{"piano", 0}}, .bpm = 96.5, .keyNote = 5,
                    .breakParts = {{"clave", 1}, {"congas", 0}}};
    machine.arrangements = {Arrangement{"Tune", {intro, montuno}, {0, 1, 0, 1}}, Arrangement{"Short", {intro}, {0}}};
    return machine;
}

}  // namespace

TEST_F(MachineRepositoryTest, ArrangementsSaveLoadAndAnEditWritesOnlyItsFields)
{
    Machine machine = arranged();
    ASSERT_TRUE(machines->save(machine, id).has_value());
    EXPECT_EQ(*machines->load(id), machine);
    // As the app does after a save: the machine as stored, its arrangements and sections with
    // the ids of their rows (so a rename is a field change, not a new row).
    machine = *machines->load(id);
    EXPECT_FALSE(machine.arrangements[0].id.empty());
    EXPECT_EQ(liveCount(*db, "arrangement"), 2);
    EXPECT_EQ(liveCount(*db, "arrangement_section"), 3);

    QStringList before = stamps(*db);
    machine.arrangements[0].sections[1].bars = 16;
    machine.arrangements[0].sections[1].breakParts.pop_back();
    ASSERT_TRUE(machines->save(machine, id).has_value());
    auto changed = changedFields(before, stamps(*db));
    changed.sort();
    EXPECT_EQ(changed, (QStringList{QStringLiteral("arrangement_section.bars"), QStringLiteral("arrangement_section.break_parts")}));

    before = stamps(*db);
    machine.arrangements[0].form = {0, 1, 1};
    machine.arrangements[0].name = "Tune (radio edit)";
    ASSERT_TRUE(machines->save(machine, id).has_value());
    changed = changedFields(before, stamps(*db));
    changed.sort();
    EXPECT_EQ(changed, (QStringList{QStringLiteral("arrangement.form"), QStringLiteral("arrangement.name")}));
    EXPECT_EQ(*machines->load(id), machine);
    // The version kept with the save has them too.
    EXPECT_EQ(machines->loadVersion(machines->versions(id)->first().id)->arrangements, machine.arrangements);

    // One removed: its row and its section become tombstones; a machine removed takes the rest.
    machine.arrangements.pop_back();
    ASSERT_TRUE(machines->save(machine, id).has_value());
    EXPECT_EQ(liveCount(*db, "arrangement"), 1);
    EXPECT_EQ(liveCount(*db, "arrangement_section"), 2);
    EXPECT_EQ(*machines->load(id), machine);
    ASSERT_TRUE(machines->remove(id).has_value());
    EXPECT_EQ(liveCount(*db, "arrangement"), 0);
    EXPECT_EQ(liveCount(*db, "arrangement_section"), 0);
}

TEST_F(MachineRepositoryTest, AnArrangementTwoComputersLeftUnplayableLoadsPlayableAndAnUnrelatedSaveKeepsTheirData)
{
    ASSERT_TRUE(machines->save(arranged(), id).has_value());
    // What a merge of two computers' edits (or a sync stopped between pages) can leave: the form
    // plays a section this computer does not have yet, a part names a program it does not have
    // yet, another an instrument nobody has.
    const QString arrangementId =
        sql::scalar(db->connection(), QStringLiteral("SELECT id FROM arrangement WHERE position = 0"))->toString();
    const QString form = sql::scalar(db->connection(), QStringLiteral("SELECT form FROM arrangement WHERE id = ?"), {arrangementId})->toString();
    const QStringList sectionIds = form.split(QLatin1Char(' '));
    ASSERT_EQ(sectionIds.size(), 4);
    const QString unknown = QStringLiteral("01a2b3c4-0000-7000-8000-000000000000");
    const QString strangeForm = sectionIds.at(0) + QLatin1Char(' ') + sectionIds.at(1) + QLatin1Char(' ') + unknown + QLatin1Char(' ') + sectionIds.at(0);
    ASSERT_TRUE(sql::run(db->connection(), QStringLiteral("UPDATE arrangement SET form = ? WHERE id = ?"), {strangeForm, arrangementId}));
    const QString strangeParts = QStringLiteral("piano=9 tuba=0 congas=off congas=1 =2");
    ASSERT_TRUE(sql::run(db->connection(),
                         QStringLiteral("UPDATE arrangement_section SET parts = ?, bars = 0, key_note = 40 "
                                        "WHERE arrangement_id = ? AND id = ?"),
                         {strangeParts, arrangementId, sectionIds.at(1)}));
    auto loaded = machines->load(id);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    const Arrangement& tune = loaded->arrangements[0];
    EXPECT_EQ(tune.form, (std::vector<int>{0, 1, 0}));
    EXPECT_EQ(tune.sections[1].parts, (std::vector<SectionPart>{{"congas", SectionPart::kOff}}));
    EXPECT_EQ(tune.sections[1].bars, 1);
    EXPECT_EQ(tune.sections[1].keyNote, 11);
    // A save that changes something else (the tempo) leaves what it could not play as it was:
    // the other computer's part and section are not written over.
    Machine edited = *loaded;
    edited.bpm = 97;
    ASSERT_TRUE(machines->save(edited, id).has_value());
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT form FROM arrangement WHERE id = ?"), {arrangementId})->toString(),
              strangeForm);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT parts FROM arrangement_section WHERE id = ?"), {sectionIds.at(1)})
                  ->toString(),
              strangeParts);
    // An edit of the form itself is written.
    edited.arrangements[0].form = {1, 0};
    ASSERT_TRUE(machines->save(edited, id).has_value());
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT form FROM arrangement WHERE id = ?"), {arrangementId})->toString(),
              sectionIds.at(1) + QLatin1Char(' ') + sectionIds.at(0));
}

TEST_F(MachineRepositoryTest, SectionsKeepTheirRowsThroughRenamesMovesAndRemovalsAndACopyNeverTakesThem)
{
    Machine machine = arranged();
    ASSERT_TRUE(machines->save(machine, id).has_value());
    Machine loaded = *machines->load(id);
    const std::string introId = loaded.arrangements[0].sections[0].id;
    const std::string montunoId = loaded.arrangements[0].sections[1].id;
    ASSERT_FALSE(introId.empty());
    // The intro goes; the montuno, now first, is renamed: its row is the same, only its fields change.
    loaded.arrangements[0].sections.erase(loaded.arrangements[0].sections.begin());
    loaded.arrangements[0].form = {0};
    loaded.arrangements[0].sections[0].name = "Montuno largo";
    ASSERT_TRUE(machines->save(loaded, id).has_value());
    const Machine after = *machines->load(id);
    ASSERT_EQ(after.arrangements[0].sections.size(), 1u);
    EXPECT_EQ(after.arrangements[0].sections[0].id, montunoId);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT deleted FROM arrangement_section WHERE id = ?"),
                          {QString::fromStdString(introId)})->toInt(), 1);
    // A copy of the machine (the same ids in its model) gets rows of its own.
    auto copy = machines->save(after);
    ASSERT_TRUE(copy.has_value());
    const Machine copied = *machines->load(*copy);
    EXPECT_NE(copied.arrangements[0].sections[0].id, montunoId);
    EXPECT_EQ(machines->load(id)->arrangements[0].sections[0].id, montunoId);
    EXPECT_EQ(copied, after);
}
