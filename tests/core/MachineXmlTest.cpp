#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "tests/support/TestFiles.h"

#include <QRandomGenerator>

#include <algorithm>

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::beats;

namespace {

const QString kExample = QStringLiteral(BANDMATE_FIXTURES_DIR "/machines/example-salsa.xml");

Machine example()
{
    auto machine = readMachineFile(kExample);
    EXPECT_TRUE(machine.has_value()) << (machine ? "" : machine.error().toString());
    return machine ? *machine : Machine{};
}

QByteArray wrap(const QString& instruments, const QString& settings = {})
{
    return QStringLiteral(
               "<?xml version=\"1.0\"?>\n"
               "<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\">\n"
               "<bm:instrumentList>%1</bm:instrumentList>\n%2\n</bm:Machine>\n")
        .arg(instruments, settings)
        .toUtf8();
}

std::string errorOf(const QByteArray& xml)
{
    auto machine = readMachineXml(xml, QStringLiteral("test.xml"));
    EXPECT_FALSE(machine.has_value()) << xml.toStdString();
    return machine ? std::string() : machine.error().toString();
}

}  // namespace

TEST(MachineXml, ReadsTheExampleMachine)
{
    const Machine m = example();
    EXPECT_EQ(m.machineId, "EXAMPLE-SALSA");
    EXPECT_EQ(m.title, "Example salsa machine");
    EXPECT_EQ(m.flavor, Flavor::Salsa);
    EXPECT_DOUBLE_EQ(m.bpm, 120.0);
    EXPECT_EQ(m.keyNote, 0);
    EXPECT_FALSE(m.clave32);
    EXPECT_DOUBLE_EQ(m.volume, 0.8);
    ASSERT_EQ(m.instruments.size(), 5u);
    EXPECT_EQ(m.instruments[0].id, "clave");
    EXPECT_EQ(m.instruments[1].id, "cowbell");
    EXPECT_EQ(m.instruments[1].title, "Campana");
    EXPECT_DOUBLE_EQ(m.instruments[1].volume, 0.8);
    EXPECT_EQ(m.instruments[0].programs.size(), 2u);
    EXPECT_EQ(m.instruments[0].programs[1].title, "Rumba 2-3");
    EXPECT_EQ(m.instruments[0].programs[1].notes.back().index, 15);
    const Instrument& piano = m.instruments[4];
    EXPECT_FALSE(piano.enabled);
    EXPECT_TRUE(piano.keyed);
    EXPECT_TRUE(piano.playBothHands);
    EXPECT_EQ(piano.pitchOffset, 60);
    EXPECT_EQ(piano.leftHandPitchOffset, 48);
    EXPECT_TRUE(piano.programs[0].notes[0].pianoTonic);
    EXPECT_EQ(piano.programs[0].notes[1].hand, Hand::Right);
    EXPECT_DOUBLE_EQ(m.instruments[2].programs[0].notes[0].velocity, 0.6);
    EXPECT_DOUBLE_EQ(m.instruments[2].programs[0].notes[2].velocity, 1.0);
}

TEST(MachineXml, WriteThenReadGivesAnEqualMachine)
{
    Machine m = example();
    m.flavor = Flavor::Merengue;
    m.keyNote = 7;
    m.clave32 = true;
    m.bpm = 97.3;
    m.title = " Ça & <ñ> \"quotes\" ";  // spaces at the ends come back too
    // Values a 15-digit or fallback writer would not bring back exactly.
    m.volume = 0.1 + 0.2;
    m.instruments.at(0).title.clear();
    m.instruments.at(0).volume = 1.0 / 3.0;
    for (auto& program : m.instruments.at(1).programs) {
        for (auto& note : program.notes) {
            note.velocity = 2.0 / 3.0;
        }
    }
    const QByteArray xml = writeMachineXml(m);
    auto again = readMachineXml(xml, QStringLiteral("written.xml"));
    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(*again, m);
    EXPECT_EQ(writeMachineXml(*again), xml);
}

TEST(MachineXml, ACarriageReturnInTheTitleOrIdReadsAsOneLineThatSurvivesASave)
{
    // Found by fuzzing (tests/fuzz/regressions/machine_xml): "a&#13;b" was read as "a\rb",
    // written raw, and read back as "a b" after the next save: a machine that changed by saving.
    QByteArray xml = bandmate::test::readAll(kExample);
    xml.replace("<bm:title>Example salsa machine</bm:title>", "<bm:title>Son&#13;Montuno</bm:title>");
    xml.replace("<bm:machineId>EXAMPLE-SALSA</bm:machineId>", "<bm:machineId>EX&#13;1</bm:machineId>");
    auto read = readMachineXml(xml, QStringLiteral("cr.xml"));
    ASSERT_TRUE(read.has_value()) << read.error().toString();
    EXPECT_EQ(read->title, "Son Montuno");
    EXPECT_EQ(read->machineId, "EX 1");
    auto again = readMachineXml(writeMachineXml(*read), QStringLiteral("again.xml"));
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *read);
}

TEST(MachineXml, AcceptsAByteOrderMarkAndIgnoresUnknownThings)
{
    QByteArray xml = wrap(QStringLiteral(
        "<Guiro xmlns=\"http://www.salsabeatmachine.org/xns/instruments\" title=\"Güiro\" color=\"red\">"
        "<enabled>true</enabled><futureSetting>5</futureSetting>"
        "<programs><bm:Program title=\"a\" length=\"4\" author=\"x\"><bm:Note index=\"1\" pitch=\"2\" flam=\"yes\"/>"
        "<bm:Comment>hi</bm:Comment></bm:Program></programs></Guiro>"),
        QStringLiteral("<bm:bpm>90</bm:bpm><bm:somethingNew><deep/></bm:somethingNew>"));
    xml.prepend("\xEF\xBB\xBF");
    auto m = readMachineXml(xml, QStringLiteral("bom.xml"));
    ASSERT_TRUE(m.has_value()) << m.error().toString();
    ASSERT_EQ(m->instruments.size(), 1u);
    EXPECT_EQ(m->instruments[0].id, "guiro");
    EXPECT_EQ(m->instruments[0].title, "Güiro");
    EXPECT_EQ(m->instruments[0].programs[0].notes.size(), 1u);
    EXPECT_DOUBLE_EQ(m->bpm, 90.0);
}

TEST(MachineXml, BadInputNamesFileLineAndProblem)
{
    const QString clave = QStringLiteral(
        "<Clave xmlns=\"http://www.salsabeatmachine.org/xns/instruments\">"
        "<programs><bm:Program length=\"%1\">%2</bm:Program></programs>%3</Clave>");
    struct Case {
        QByteArray xml;
        const char* expected;
    };
    const Case cases[] = {
        {QByteArray("this is not xml"), "not well-formed XML"},
        {QByteArray("<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\"><a></bm:Machine>"),
         "not well-formed XML"},
        {QByteArray(""), "Premature end of document"},
        {QByteArray("<a><b/></a>"), "expected a <Machine>"},
        {QByteArray("<Machine/>"), "expected a <Machine>"},
        {wrap(clave.arg(QStringLiteral("16"), QStringLiteral("<bm:Note index=\"16\" pitch=\"0\"/>"), QString())),
         "note index 16 is outside the program (length 16)"},
        {wrap(clave.arg(QStringLiteral("0"), QString(), QString())), "length must be between 1 and 256"},
        {wrap(clave.arg(QStringLiteral("300"), QString(), QString())), "length must be between 1 and 256"},
        {wrap(clave.arg(QStringLiteral("8"), QStringLiteral("<bm:Note index=\"-1\"/>"), QString())), "note index must be between 0"},
        {wrap(clave.arg(QStringLiteral("8"), QStringLiteral("<bm:Note index=\"1\" velocity=\"7\"/>"), QString())), "velocity must be between 0 and 1"},
        {wrap(clave.arg(QStringLiteral("8"), QStringLiteral("<bm:Note index=\"1\" hand=\"both\"/>"), QString())), "hand must be left or right"},
        {wrap(clave.arg(QStringLiteral("8"), QStringLiteral("<bm:Note pitch=\"1\"/>"), QString())), "a note has no index"},
        {wrap(clave.arg(QStringLiteral("8"), QString(), QStringLiteral("<activeProgram>3</activeProgram>"))), "activeProgram 3 does not exist"},
        {wrap(clave.arg(QStringLiteral("8"), QString(), QStringLiteral("<volume>-1</volume>"))), "volume must be between 0 and 2"},
        {wrap(QString(), QStringLiteral("<bm:bpm>1000</bm:bpm>")), "bpm must be between 30 and 300, not 1000"},
        {wrap(QString(), QStringLiteral("<bm:bpm>fast</bm:bpm>")), "bpm must be a number"},
        {wrap(QString(), QStringLiteral("<bm:keyNote>12</bm:keyNote>")), "keyNote must be between 0 and 11"},
        {wrap(QString(), QStringLiteral("<bm:flavor>Polka</bm:flavor>")), "flavor must be Salsa or Merengue"},
        {wrap(QString(), QStringLiteral("<bm:clave32>maybe</bm:clave32>")), "clave32 must be true or false"},
        {wrap(clave.arg(QStringLiteral("8"), QString(), QString()) + clave.arg(QStringLiteral("8"), QString(), QString())),
         "instrument \"clave\" appears twice"},
        // Nothing to play: the Beat Machine would have no program to show.
        {wrap(QStringLiteral("<Congas xmlns=\"http://www.salsabeatmachine.org/xns/instruments\"><enabled>true</enabled></Congas>")),
         "instrument \"congas\" has no programs"},
        {wrap(QStringLiteral("<Congas xmlns=\"http://www.salsabeatmachine.org/xns/instruments\"><programs/></Congas>")),
         "instrument \"congas\" has no programs"},
        {wrap(QString()), "the machine has no instruments"},
        {QByteArray("<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\"><bm:bpm>90</bm:bpm></bm:Machine>"), "the machine has no instruments"},
    };
    for (const Case& c : cases) {
        const std::string error = errorOf(c.xml);
        EXPECT_NE(error.find(c.expected), std::string::npos) << "got: " << error << "\nexpected: " << c.expected;
        EXPECT_EQ(error.rfind("test.xml:", 0), 0u) << error;
    }
    // The location is the line of the offending element.
    const std::string error = errorOf(
        "<bm:Machine xmlns:bm=\"http://www.salsabeatmachine.org/xns/bm\">\n\n\n  <bm:keyNote>40</bm:keyNote>\n</bm:Machine>");
    EXPECT_EQ(error.rfind("test.xml:4:", 0), 0u) << error;
}

TEST(MachineXml, RefusesTooManyInstrumentsProgramsOrSteps)
{
    QString many;
    for (int i = 0; i < 65; ++i) {
        many += QStringLiteral("<i%1><programs><bm:Program length=\"1\"/></programs></i%1>").arg(i);
    }
    EXPECT_NE(errorOf(wrap(many)).find("more than 64 instruments"), std::string::npos);
    QString programs;
    for (int i = 0; i < 513; ++i) {
        programs += QStringLiteral("<bm:Program length=\"1\"/>");
    }
    EXPECT_NE(errorOf(wrap(QStringLiteral("<congas><programs>%1</programs></congas>").arg(programs))).find("more than 512 programs"),
              std::string::npos);
}

TEST(MachineXml, RandomlyCorruptedFilesGiveAMachineOrAnErrorNeverACrash)
{
    const QByteArray original = writeMachineXml(example());
    QRandomGenerator random(20261123);
    const int rounds = qEnvironmentVariableIntValue("BANDMATE_FUZZ_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("BANDMATE_FUZZ_ROUNDS")
                           : 3000;
    int parsed = 0;
    int refused = 0;
    for (int round = 0; round < rounds; ++round) {
        QByteArray xml = original;
        const int edits = 1 + static_cast<int>(random.bounded(8));
        for (int e = 0; e < edits && !xml.isEmpty(); ++e) {
            const auto at = static_cast<qsizetype>(random.bounded(static_cast<quint32>(xml.size())));
            switch (random.bounded(5)) {
            case 0:
                xml[at] = static_cast<char>(random.bounded(256));
                break;
            case 1:
                xml.remove(at, 1 + random.bounded(40));
                break;
            case 2:
                xml.insert(at, xml.mid(random.bounded(static_cast<quint32>(xml.size())), 1 + random.bounded(60)));
                break;
            case 3:
                xml.truncate(at);
                break;
            default: {
                static const char* const tokens[] = {"999999", "-5", "<", ">", "\"", "&amp;", "&bogus;",
                                                     "<bm:Note index=\"300\"/>", "NaN", "1e308", "]]>"};
                xml.insert(at, tokens[random.bounded(11)]);
            }
            }
        }
        auto result = readMachineXml(xml, QStringLiteral("fuzz.xml"));
        if (result) {
            ++parsed;
            // Whatever parses must be valid and survive a round trip.
            auto again = readMachineXml(writeMachineXml(*result), QStringLiteral("again.xml"));
            ASSERT_TRUE(again.has_value()) << again.error().toString();
            ASSERT_EQ(*again, *result);
        } else {
            ++refused;
            ASSERT_FALSE(result.error().message.empty());
            ASSERT_EQ(result.error().where.rfind("fuzz.xml:", 0), 0u);
        }
    }
    EXPECT_GT(refused, rounds / 4);
    EXPECT_GT(parsed, 0);
}

TEST(MachineXml, MissingFileIsNotFound)
{
    auto m = readMachineFile(QStringLiteral("/nonexistent/machine.xml"));
    ASSERT_FALSE(m.has_value());
    EXPECT_EQ(m.error().code, ErrorCode::NotFound);
}

namespace {

// An Instructor as the web Salsa Beat Machine writes it: pitch 0 says "one" (its sample
// instructor-0), and this program counts 1, 3, 5 and 7.
const QString kWebInstructor = QStringLiteral(
    "<Instructor xmlns=\"http://www.salsabeatmachine.org/xns/instruments\" title=\"Instructor\">"
    "<enabled>true</enabled><programs>"
    "<bm:Program title=\"1,3,5,7\" length=\"16\"><bm:Note index=\"0\" pitch=\"0\"/><bm:Note index=\"4\" pitch=\"2\"/>"
    "<bm:Note index=\"8\" pitch=\"4\"/><bm:Note index=\"12\" pitch=\"6\"/></bm:Program>"
    "<bm:Program title=\"2,4,6,8\" length=\"16\"><bm:Note index=\"2\" pitch=\"1\"/><bm:Note index=\"6\" pitch=\"3\"/>"
    "<bm:Note index=\"10\" pitch=\"5\"/><bm:Note index=\"14\" pitch=\"7\"/></bm:Program>"
    "</programs></Instructor>");

std::vector<int> pitches(const Program& program)
{
    std::vector<int> out;
    for (const Note& note : program.notes) {
        out.push_back(note.pitch);
    }
    return out;
}

}  // namespace

TEST(MachineXml, AWebMachineInstructorCountsFromZeroAndTheModelCountsFromOne)
{
    auto machine = readMachineXml(wrap(kWebInstructor), QStringLiteral("web.xml"));
    ASSERT_TRUE(machine.has_value()) << machine.error().toString();
    const Instrument& instructor = machine->instruments.at(0);
    ASSERT_EQ(instructor.id, kInstructorId);
    EXPECT_EQ(pitches(instructor.programs.at(0)), (std::vector<int>{1, 3, 5, 7})) << "the one is count 1, sample instructor-1";
    EXPECT_EQ(pitches(instructor.programs.at(1)), (std::vector<int>{2, 4, 6, 8}));
    const NoteStream stream = compileMachine(*machine);
    ASSERT_EQ(stream.instruments.size(), 1u);
    EXPECT_EQ(stream.instruments.at(0).events.at(0).sample, "instructor-1");

    // Written back, it counts from 0 again, as the web machine reads it, and says so.
    const QByteArray written = writeMachineXml(*machine);
    EXPECT_TRUE(written.contains("<bm:Note index=\"0\" pitch=\"0\"/>")) << written.toStdString();
    EXPECT_TRUE(written.contains("<bm:Note index=\"14\" pitch=\"7\"/>")) << written.toStdString();
    EXPECT_TRUE(written.contains("<bm:instructorCountsFrom>0</bm:instructorCountsFrom>"));
    auto again = readMachineXml(written, QStringLiteral("again.xml"));
    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(*again, *machine);
}

TEST(MachineXml, AFileFromAnOlderBandmateCountingFromOneKeepsItsCountsAndAMarkDecides)
{
    // Bandmate 1.x wrote the model's counts (1-8) without a mark: an "eight" and no "one".
    const QString old = QStringLiteral(
        "<Instructor xmlns=\"http://www.salsabeatmachine.org/xns/instruments\">"
        "<programs><bm:Program title=\"Counting 1-8\" length=\"16\"><bm:Note index=\"0\" pitch=\"1\"/>"
        "<bm:Note index=\"14\" pitch=\"8\"/></bm:Program></programs></Instructor>");
    auto machine = readMachineXml(wrap(old), QStringLiteral("old.xml"));
    ASSERT_TRUE(machine.has_value()) << machine.error().toString();
    EXPECT_EQ(pitches(machine->instruments.at(0).programs.at(0)), (std::vector<int>{1, 8}));

    // The mark decides when present, both ways; other instruments are never moved.
    auto marked = readMachineXml(wrap(old + QStringLiteral("<Clave xmlns=\"http://www.salsabeatmachine.org/xns/instruments\">"
                                                           "<programs><bm:Program length=\"4\"><bm:Note index=\"0\" pitch=\"0\"/>"
                                                           "</bm:Program></programs></Clave>"),
                                      QStringLiteral("<bm:instructorCountsFrom>0</bm:instructorCountsFrom>")),
                                 QStringLiteral("marked.xml"));
    ASSERT_TRUE(marked.has_value()) << marked.error().toString();
    EXPECT_EQ(pitches(marked->instruments.at(0).programs.at(0)), (std::vector<int>{2, 9}));
    EXPECT_EQ(pitches(marked->instruments.at(1).programs.at(0)), (std::vector<int>{0}));
    // Counting from 1 (Bandmate's own snapshots), a pitch 0 is no count at all.
    const std::string notACount = errorOf(wrap(kWebInstructor, QStringLiteral("<bm:instructorCountsFrom>1</bm:instructorCountsFrom>")));
    EXPECT_NE(notACount.find("the Instructor's pitch 0 is not a count"), std::string::npos) << notACount;
    EXPECT_NE(notACount.find("program \"1,3,5,7\""), std::string::npos) << notACount;

    // Without a mark and without a count at pitch 0 (an older Bandmate's "2, 4" or "1 2 3 _ 5 6
    // 7"), the numbers are taken as they are: that Bandmate counted from 1.
    const QString ambiguous = QStringLiteral(
        "<Instructor xmlns=\"http://www.salsabeatmachine.org/xns/instruments\">"
        "<programs><bm:Program title=\"2, 4\" length=\"16\"><bm:Note index=\"2\" pitch=\"2\"/>"
        "<bm:Note index=\"6\" pitch=\"4\"/></bm:Program></programs></Instructor>");
    auto kept = readMachineXml(wrap(ambiguous), QStringLiteral("kept.xml"));
    ASSERT_TRUE(kept.has_value()) << kept.error().toString();
    EXPECT_EQ(pitches(kept->instruments.at(0).programs.at(0)), (std::vector<int>{2, 4}));

    // A "one" at 0 beside an "eight" at 8 is neither convention: no guess, one clear error.
    const QString mixed = QString(ambiguous).replace(QStringLiteral("pitch=\"4\""), QStringLiteral("pitch=\"8\"")).replace(QStringLiteral("pitch=\"2\""), QStringLiteral("pitch=\"0\""));
    EXPECT_NE(errorOf(wrap(mixed)).find("the Instructor's pitch 0 is not a count"), std::string::npos);

    // Written counting as the model does, it says so and reads back the same.
    const QByteArray snapshot = writeMachineXml(*kept, InstructorCounting::Model);
    EXPECT_TRUE(snapshot.contains("<bm:instructorCountsFrom>1</bm:instructorCountsFrom>")) << snapshot.toStdString();
    EXPECT_TRUE(snapshot.contains("pitch=\"2\"")) << snapshot.toStdString();
    auto back = readMachineXml(snapshot, QStringLiteral("snapshot.xml"));
    ASSERT_TRUE(back.has_value()) << back.error().toString();
    EXPECT_EQ(*back, *kept);

    EXPECT_NE(errorOf(wrap(kWebInstructor, QStringLiteral("<bm:instructorCountsFrom>2</bm:instructorCountsFrom>")))
                  .find("instructorCountsFrom must be between 0 and 1"),
              std::string::npos);
    const std::string tooHigh = errorOf(wrap(QString(kWebInstructor).replace(QStringLiteral("pitch=\"7\""), QStringLiteral("pitch=\"127\"")),
                                             QStringLiteral("<bm:instructorCountsFrom>0</bm:instructorCountsFrom>")));
    EXPECT_NE(tooHigh.find("test.xml"), std::string::npos) << tooHigh;
    EXPECT_NE(tooHigh.find("Instructor's pitch 127 is not a count"), std::string::npos) << tooHigh;
    const std::string negative = errorOf(wrap(QString(kWebInstructor).replace(QStringLiteral("pitch=\"7\""), QStringLiteral("pitch=\"-1\""))));
    EXPECT_NE(negative.find("Instructor's pitch -1 is not a count"), std::string::npos) << negative;
}

TEST(MachineXml, TheBuiltInMachinesCountOneOnTheOneInTheWebMachinesConvention)
{
    for (const char* name : {"salsa", "merengue", "cha-cha-cha", "bachata", "son-montuno", "rumba-guaguanco"}) {
        const QString path = QStringLiteral(BANDMATE_SOURCE_DIR "/resources/machines/%1.xml").arg(QLatin1String(name));
        const QByteArray file = bandmate::test::readAll(path);
        EXPECT_TRUE(file.contains("<bm:Note index=\"0\" pitch=\"0\" />")) << name << ": the file counts from 0";
        auto machine = readMachineXml(file, path);
        ASSERT_TRUE(machine.has_value()) << machine.error().toString();
        const auto instructor = std::ranges::find(machine->instruments, std::string(kInstructorId), &Instrument::id);
        ASSERT_NE(instructor, machine->instruments.end()) << name;
        EXPECT_EQ(pitches(instructor->programs.at(0)), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8})) << name;
    }
}

namespace {

Machine arranged()
{
    Machine machine = example();
    Section intro{.name = "Intro", .bars = 2, .parts = {{"congas", SectionPart::kOff}}, .colour = "#1f77b4"};
    Section montuno{.name = "Montuno", .bars = 8, .repeats = 2, .parts = {{"piano", 0}, {"bass", 0}}, .bpm = 96.5,
                    .keyNote = 5, .breakParts = {{"clave", 1}, {"congas", 0}}};
    machine.arrangements.push_back(Arrangement{"Tune", {intro, montuno}, {0, 1, 0, 1}});
    machine.arrangements.push_back(Arrangement{"Empty", {}, {}});
    return machine;
}

QByteArray arrangementXml(const QString& arrangements)
{
    QByteArray xml = writeMachineXml(example());
    xml.replace("</bm:Machine>",
                QStringLiteral("<arrangements xmlns=\"urn:bandmate:xns:arrangements\">%1</arrangements></bm:Machine>")
                    .arg(arrangements)
                    .toUtf8());
    return xml;
}

}  // namespace

TEST(MachineXml, ArrangementsRoundTripInTheirOwnNamespace)
{
    const Machine machine = arranged();
    const QByteArray xml = writeMachineXml(machine);
    EXPECT_TRUE(xml.contains("urn:bandmate:xns:arrangements"));
    auto back = readMachineXml(xml, QStringLiteral("arranged.xml"));
    ASSERT_TRUE(back.has_value()) << back.error().toString();
    EXPECT_EQ(back->arrangements, machine.arrangements);
    EXPECT_EQ(*back, machine);
    // A reader that knows nothing of them (the web machine's) sees a machine element it skips:
    // without it the rest of the machine is the same.
    QByteArray stripped = xml;
    const qsizetype from = stripped.indexOf("<arr:arrangements");
    const qsizetype to = stripped.indexOf("</arr:arrangements>") + qsizetype(strlen("</arr:arrangements>"));
    ASSERT_GT(from, 0);
    stripped.remove(from, to - from);
    auto plain = readMachineXml(stripped, QStringLiteral("plain.xml"));
    ASSERT_TRUE(plain.has_value());
    Machine withoutArrangements = machine;
    withoutArrangements.arrangements.clear();
    EXPECT_EQ(*plain, withoutArrangements);
}

TEST(MachineXml, BadArrangementsNameTheArrangementSectionAndProblem)
{
    const auto error = [](const QString& body) { return errorOf(arrangementXml(body)); };
    EXPECT_NE(error(QStringLiteral("<Arrangement form=\"0\"/>")).find("has no name="), std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"/><Arrangement name=\"A\"/>")).find("two arrangements are called \"A\""),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\" form=\"0 1\"><Section name=\"S\"/></Arrangement>"))
                  .find("arrangement \"A\": its form plays section 1 but it has 1"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\" form=\"x\"/>")).find("arrangement \"A\" form must be a whole number"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\" bars=\"0\"/></Arrangement>"))
                  .find("section \"S\" bars must be between 1 and 256"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\" bpm=\"1000\"/></Arrangement>")).find("bpm must be between"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\" colour=\"red\"/></Arrangement>")).find("#rrggbb"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\"><part instrument=\"tuba\" program=\"0\"/></Section></Arrangement>"))
                  .find("part \"tuba\": the machine has no such instrument"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\"><part instrument=\"congas\" program=\"9\"/></Section></Arrangement>"))
                  .find("part \"congas\" program must be between 0 and"),
              std::string::npos);
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\"><Section name=\"S\"><break instrument=\"congas\" program=\"0\"/>"
                                   "<break instrument=\"congas\" program=\"off\"/></Section></Arrangement>"))
                  .find("is there twice"),
              std::string::npos);
    // 300 bars × 64 repeats × 2 is far past the longest tune.
    EXPECT_NE(error(QStringLiteral("<Arrangement name=\"A\" form=\"0 0 0\"><Section name=\"S\" bars=\"256\" repeats=\"64\"/></Arrangement>"))
                  .find("is longer than 4096 bars"),
              std::string::npos);
    // The line and column of the problem come first.
    EXPECT_EQ(error(QStringLiteral("<Arrangement/>")).rfind("test.xml:", 0), 0u);
}

TEST(MachineXml, AnArrangementsLengthCountsTheFlavorWhereverItStandsAndIdsAreKeptOnceEach)
{
    // A merengue bar is 16 steps: 256 bars × 8 × 2 is 4,096 bars, past merengue's 2,048, also
    // when <flavor> comes after the arrangements.
    QByteArray xml = writeMachineXml(example());
    xml.replace("<bm:flavor>Salsa</bm:flavor>", "");
    xml.replace("</bm:Machine>",
                "<arrangements xmlns=\"urn:bandmate:xns:arrangements\"><Arrangement name=\"Long\" form=\"0 0\">"
                "<Section name=\"S\" bars=\"256\" repeats=\"8\"/></Arrangement></arrangements>"
                "<bm:flavor>Merengue</bm:flavor></bm:Machine>");
    EXPECT_NE(errorOf(xml).find("arrangement \"Long\" is longer than 2048 bars"), std::string::npos) << errorOf(xml);

    Machine machine = arranged();
    machine.arrangements[0].id = "01a2b3c4-0000-7000-8000-000000000001";
    machine.arrangements[0].sections[1].id = "01a2b3c4-0000-7000-8000-000000000002";
    auto back = readMachineXml(writeMachineXml(machine), QStringLiteral("ids.xml"));
    ASSERT_TRUE(back.has_value()) << back.error().toString();
    EXPECT_EQ(back->arrangements[0].id, machine.arrangements[0].id);
    EXPECT_EQ(back->arrangements[0].sections[1].id, machine.arrangements[0].sections[1].id);
    EXPECT_TRUE(back->arrangements[0].sections[0].id.empty());
    machine.arrangements[0].sections[0].id = machine.arrangements[0].sections[1].id;
    EXPECT_NE(errorOf(writeMachineXml(machine)).find("has the id \"01a2b3c4-0000-7000-8000-000000000002\" that another one has already"),
              std::string::npos);
    machine.arrangements[0].sections[0].id = "not an id!";
    EXPECT_NE(errorOf(writeMachineXml(machine)).find("id must be letters, digits and -"), std::string::npos);
}
