// The song library's repository and search grammar over a real database.
#include "core/library/SearchQuery.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "tests/support/TestDatabase.h"

using namespace bandmate::core;
using namespace bandmate::core::library;

namespace {

class LibraryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_NE(db, nullptr);
        songs = std::make_unique<SongRepository>(*db);
        const auto add = [&](Song song) {
            auto id = songs->save(song);
            EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().toString());
            return id.value_or(QString());
        };
        pedro = add({{}, QStringLiteral("Pedro Navaja"), QStringLiteral("Rubén Blades"), QStringLiteral("Siembra"), QStringLiteral("Salsa"), 1978,
                     QStringLiteral("Am"), 96, 7 * 60'000 + 21'000, {QStringLiteral("salsa"), QStringLiteral("story")},
                     QStringLiteral("Long intro; the clave enters late"), Readiness::GigReady, 5, true, QStringLiteral("builtin:salsa"), QStringLiteral("4/4"), {}});
        plastico = add({{}, QStringLiteral("Plástico"), QStringLiteral("Rubén Blades"), QStringLiteral("Siembra"), QStringLiteral("Salsa"), 1978,
                        QStringLiteral("Dm"), 122, 6 * 60'000 + 50'000, {QStringLiteral("salsa")}, {}, Readiness::Rehearsed, 4, false, {}, QStringLiteral("4/4"), {}});
        chan = add({{}, QStringLiteral("Chan Chan"), QStringLiteral("Compay Segundo"), QStringLiteral("Buena Vista Social Club"),
                    QStringLiteral("Son"), 1997, QStringLiteral("Dm"), 118, 4 * 60'000 + 16'000, {QStringLiteral("son")}, {},
                    Readiness::Learning, 0, false, {}, QStringLiteral("4/4"), {}});
        besame = add({{}, QStringLiteral("Bésame mucho"), QStringLiteral("Consuelo Velázquez"), {}, QStringLiteral("Bolero"), 1940,
                      QStringLiteral("Am"), 72, 3 * 60'000 + 30'000, {QStringLiteral("bolero"), QStringLiteral("slow")}, {},
                      Readiness::GigReady, 3, false, {}, QStringLiteral("4/4"), {}});
    }

    QStringList titles(const QString& query)
    {
        auto found = songs->search(query);
        EXPECT_TRUE(found.has_value()) << query.toStdString() << ": " << (found ? "" : found.error().toString());
        QStringList result;
        for (const auto& song : found.value_or(QList<Song>{})) {
            result << song.title;
        }
        result.sort();
        return result;
    }

    std::string errorOf(const QString& query)
    {
        auto compiled = compileSearch(query);
        return compiled ? std::string("no error") : compiled.error().toString();
    }

    bandmate::test::TempDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<SongRepository> songs;
    QString pedro, plastico, chan, besame;
};

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items) {
        result << QString::fromUtf8(item);
    }
    result.sort();
    return result;
}

}  // namespace

TEST_F(LibraryTest, FullTextFindsWordsPrefixesPhrasesAndIgnoresAccents)
{
    EXPECT_EQ(titles(QString()).size(), 4);
    EXPECT_EQ(titles(QStringLiteral("clave")), list({"Pedro Navaja"})) << "notes are searched too";
    EXPECT_EQ(titles(QStringLiteral("rub")), list({"Pedro Navaja", "Plástico"})) << "prefix";
    EXPECT_EQ(titles(QStringLiteral("ruben")), list({"Pedro Navaja", "Plástico"})) << "no accent needed";
    EXPECT_EQ(titles(QStringLiteral("\"social club\"")), list({"Chan Chan"}));
    EXPECT_EQ(titles(QStringLiteral("\"club social\"")), QStringList{}) << "a phrase keeps its order";
    EXPECT_EQ(titles(QStringLiteral("siembra navaja")), list({"Pedro Navaja"})) << "words are ANDed";
}

TEST_F(LibraryTest, FieldFiltersNumbersNegationAndOr)
{
    EXPECT_EQ(titles(QStringLiteral("artist:\"rubén blades\"")), list({"Pedro Navaja", "Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("artist:ruben")), list({"Pedro Navaja", "Plástico"})) << "accents optional";
    EXPECT_EQ(titles(QStringLiteral("artist:blades title:ped")), list({"Pedro Navaja"}));
    EXPECT_EQ(titles(QStringLiteral("tag:SALSA")), list({"Pedro Navaja", "Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("key:am")), list({"Pedro Navaja", "Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("bpm:>120")), list({"Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("bpm:118-124")), list({"Plástico", "Chan Chan"}));
    EXPECT_EQ(titles(QStringLiteral("bpm:<=96")), list({"Pedro Navaja", "Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("duration:<4m")), list({"Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("duration:>6:55")), list({"Pedro Navaja"}));
    EXPECT_EQ(titles(QStringLiteral("year:1978 -title:pedro")), list({"Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("genre:son | genre:bolero")), list({"Chan Chan", "Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("tag:salsa | tag:son key:dm")), list({"Plástico", "Chan Chan"})) << "| binds tighter than AND";
    EXPECT_EQ(titles(QStringLiteral("readiness:gig-ready")), list({"Pedro Navaja", "Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("title:100%")), QStringList{}) << "% is literal, not a wildcard";

    ASSERT_TRUE(songs->recordPlay(chan, QDateTime::currentDateTime()).has_value());
    ASSERT_TRUE(songs->recordPlay(chan, QDateTime::currentDateTime()).has_value());
    ASSERT_TRUE(songs->recordPlay(pedro, QDateTime::currentDateTime(), QStringLiteral("show")).has_value());
    EXPECT_EQ(*songs->playCount(chan), 2);
    EXPECT_EQ(titles(QStringLiteral("played:>1")), list({"Chan Chan"}));
    EXPECT_EQ(titles(QStringLiteral("played:0")), list({"Plástico", "Bésame mucho"}));
}

TEST_F(LibraryTest, WordsWithoutLettersOrDigitsNeitherEmptyASearchNorGetLost)
{
    // "&", "-", "/" or an emoji are nothing the index keeps: as words they are left out; in a
    // field they are looked for as they are.
    EXPECT_EQ(titles(QStringLiteral("rubén & blades")), list({"Pedro Navaja", "Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("chan / chan -")), list({"Chan Chan"}));
    EXPECT_EQ(titles(QStringLiteral("\"&\" siembra 🎺")), list({"Pedro Navaja", "Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("&")).size(), 4);
    // A left-out side of "|" takes its "|" with it.
    EXPECT_EQ(titles(QStringLiteral("salsa | & bolero")), QStringList{}) << "salsa AND bolero";
    EXPECT_EQ(titles(QStringLiteral("& | bolero")), list({"Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("son | & | bolero")), list({"Chan Chan", "Bésame mucho"}));
    Song duo;
    duo.title = QStringLiteral("Quimbara");
    duo.artist = QStringLiteral("Celia & Johnny");
    duo.tags = {QStringLiteral("🎺")};
    ASSERT_TRUE(songs->save(duo).has_value());
    EXPECT_EQ(titles(QStringLiteral("artist:&")), list({"Quimbara"}));
    EXPECT_EQ(titles(QStringLiteral("tag:🎺")), list({"Quimbara"}));
    EXPECT_EQ(titles(QStringLiteral("celia & johnny")), list({"Quimbara"}));
}

TEST_F(LibraryTest, UnknownNumbersAreNotZeroAndALengthIsTheSecondAsWritten)
{
    Song bare;
    bare.title = QStringLiteral("No facts yet");  // no BPM, year or length
    ASSERT_TRUE(songs->save(bare).has_value());
    Song live;
    live.title = QStringLiteral("Pedro Navaja (live)");
    live.durationMs = 7 * 60'000 + 21'400;
    ASSERT_TRUE(songs->save(live).has_value());
    EXPECT_EQ(titles(QStringLiteral("bpm:<100")), list({"Pedro Navaja", "Bésame mucho"})) << "a song without a BPM is not slow";
    EXPECT_EQ(titles(QStringLiteral("year:<1950")), list({"Bésame mucho"}));
    EXPECT_EQ(titles(QStringLiteral("duration:<4m")), list({"Bésame mucho"})) << "a song without a length is not short";
    EXPECT_TRUE(titles(QStringLiteral("bpm:0")).contains(QStringLiteral("No facts yet"))) << "asked for, unknown is found";
    EXPECT_EQ(titles(QStringLiteral("duration:7:21")), list({"Pedro Navaja", "Pedro Navaja (live)"}));
    EXPECT_EQ(titles(QStringLiteral("duration:441s")), list({"Pedro Navaja", "Pedro Navaja (live)"}));
    EXPECT_EQ(titles(QStringLiteral("duration:7m")), list({"Pedro Navaja", "Pedro Navaja (live)"}));
}

TEST_F(LibraryTest, AKeyIsFoundHoweverItIsWritten)
{
    for (const char* written : {"A minor", "A#", "B\u266D"}) {
        Song song;
        song.title = QStringLiteral("In %1").arg(QString::fromUtf8(written));
        song.key = QString::fromUtf8(written);
        ASSERT_TRUE(songs->save(song).has_value());
    }
    EXPECT_EQ(titles(QStringLiteral("key:Am")), list({"Pedro Navaja", "Bésame mucho", "In A minor"}));
    EXPECT_EQ(titles(QStringLiteral("key:Bb")), list({"In A#", "In B\u266D"}));
    EXPECT_EQ(titles(QStringLiteral("key:a#")), list({"In A#", "In B\u266D"}));
    EXPECT_EQ(titles(QStringLiteral("key:8A")), QStringList{}) << "a notation Bandmate does not read matches as written";
}

TEST_F(LibraryTest, AddingManyIsAllOrNothing)
{
    QList<Song> batch;
    for (int i = 0; i < 300; ++i) {
        Song song;
        song.title = QStringLiteral("Montuno %1").arg(i);
        song.tags = {QStringLiteral("batch")};
        song.bpm = 90 + i % 100;
        batch.append(song);
    }
    auto ids = songs->addMany(batch);
    ASSERT_TRUE(ids.has_value()) << ids.error().toString();
    EXPECT_EQ(ids->size(), 300);
    EXPECT_EQ(titles(QStringLiteral("tag:batch")).size(), 300);
    EXPECT_EQ(songs->get(ids->at(7))->bpm, 97);
    batch[120].rating = 9;
    auto refused = songs->addMany(batch);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().where, "song 121 (Montuno 120): rating");
    EXPECT_EQ(titles(QStringLiteral("tag:batch")).size(), 300) << "nothing of the refused batch was written";
}

TEST_F(LibraryTest, EveryQueryPlanGivesTheSameAnswers)
{
    // A tag is a whole value: "salsa" is not "salsa dura", and a rare tag's full-text prefilter
    // and a common tag's walk over the songs in order must agree.
    Song dura;
    dura.title = QStringLiteral("Calle Luna");
    dura.artist = QStringLiteral("Héctor Lavoe");
    dura.tags = {QStringLiteral("Salsa dura"), QStringLiteral("café")};
    dura.bpm = 100;
    ASSERT_TRUE(songs->save(dura).has_value());
    EXPECT_EQ(titles(QStringLiteral("tag:salsa")), list({"Pedro Navaja", "Plástico"}));
    EXPECT_EQ(titles(QStringLiteral("tag:\"salsa dura\"")), list({"Calle Luna"}));
    EXPECT_EQ(titles(QStringLiteral("tag:CAFÉ")), QStringList{}) << "cases fold for ASCII letters only, as SQLite's lower()";
    EXPECT_EQ(titles(QStringLiteral("tag:café")), list({"Calle Luna"})) << "a non-ASCII tag is compared through the JSON";
    EXPECT_EQ(titles(QStringLiteral("-tag:salsa")), list({"Chan Chan", "Bésame mucho", "Calle Luna"}));
    EXPECT_EQ(titles(QStringLiteral("-ruben")), list({"Chan Chan", "Bésame mucho", "Calle Luna"})) << "a negated word alone";
    EXPECT_EQ(titles(QStringLiteral("siembra -pedro")), list({"Plástico"})) << "subtracted inside the full-text index";
    EXPECT_EQ(titles(QStringLiteral("salsa -tag:story")), list({"Plástico", "Calle Luna"}));
    EXPECT_EQ(titles(QStringLiteral("lavoe | \"social club\" -son")), list({"Calle Luna"}));
    EXPECT_EQ(titles(QStringLiteral("tag:salsa | bpm:<80")), list({"Pedro Navaja", "Plástico", "Bésame mucho"}));

    QList<Song> common;
    for (int i = 0; i < 1200; ++i) {
        Song song;
        song.title = QStringLiteral("Descarga %1").arg(i);
        song.tags = {QStringLiteral("salsa")};
        song.year = 1970 + i % 10;
        common.append(song);
    }
    ASSERT_TRUE(songs->addMany(common).has_value());
    EXPECT_EQ(songs->search(QStringLiteral("tag:salsa"), 5000)->size(), 1202) << "a common tag: no prefilter, same answer";
    EXPECT_EQ(songs->search(QStringLiteral("tag:salsa year:1978"), 5000)->size(), 122);
    EXPECT_EQ(titles(QStringLiteral("tag:\"salsa dura\"")), list({"Calle Luna"})) << "a rare tag still found through the index";
}

TEST_F(LibraryTest, MalformedQueriesSayWhere)
{
    EXPECT_EQ(errorOf(QStringLiteral("artist:\"rubén")), "column 8: this quote is never closed");
    EXPECT_EQ(errorOf(QStringLiteral("| salsa")), "column 1: \"|\" needs something on both sides");
    EXPECT_EQ(errorOf(QStringLiteral("salsa |")), "column 7: \"|\" needs something on both sides");
    EXPECT_EQ(errorOf(QStringLiteral("bpm:fast")), "column 5: expected a number (or >N, <N, A-B), got \"fast\"");
    EXPECT_EQ(errorOf(QStringLiteral("salsa bpm:130-120")), "column 11: the range goes down: write the lower number first");
    EXPECT_EQ(errorOf(QStringLiteral("mood:happy")).rfind("column 1: unknown field \"mood\"", 0), 0u);
    EXPECT_EQ(errorOf(QStringLiteral("son artist:")), "column 12: \"artist:\" needs a value");
    // Two mistakes: the first in the query is told, whatever its kind.
    EXPECT_EQ(errorOf(QStringLiteral("mood:x |")).rfind("column 1: unknown field \"mood\"", 0), 0u);
    EXPECT_EQ(errorOf(QStringLiteral("bpm:fast year:")), "column 5: expected a number (or >N, <N, A-B), got \"fast\"");
    EXPECT_EQ(songs->search(QStringLiteral("bpm:fast")).error().code, ErrorCode::InvalidArgument);
}

TEST_F(LibraryTest, SongsAreValidatedAndCountForTheRoadmap)
{
    EXPECT_EQ(songs->save(Song{}).error().code, ErrorCode::InvalidArgument);
    Song fast{{}, QStringLiteral("Too fast"), {}, {}, {}, 0, {}, 999, 0, {}, {}, Readiness::Learning, 0, false, {}, QStringLiteral("4/4"), {}};
    EXPECT_EQ(songs->save(fast).error().code, ErrorCode::InvalidArgument);
    auto added = roadmap::ProgressRepository(*db).series(QStringLiteral("songs_added"));
    ASSERT_TRUE(added.has_value());
    EXPECT_EQ(added->size(), 4) << "each new song is an event for the roadmap";
    Song edited = *songs->get(chan);
    edited.bpm = 120;
    ASSERT_TRUE(songs->save(edited).has_value());
    EXPECT_EQ(roadmap::ProgressRepository(*db).series(QStringLiteral("songs_added"))->size(), 4) << "an edit is not a new song";
    EXPECT_EQ(titles(QStringLiteral("bpm:120")), list({"Chan Chan"}));
    ASSERT_TRUE(songs->remove(besame).has_value());
    EXPECT_EQ(titles(QStringLiteral("bolero")), QStringList{}) << "removed songs leave the search";
}
