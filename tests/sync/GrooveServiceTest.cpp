// Sharing grooves by link without HTTP (issue 20): publish, versions, visibility, unshare and
// delete, copies with their origin, the limits, and that nobody changes another's groove.
// SQLite here, PostgreSQL under with-postgres.sh.
#include "sync/server/Grooves.h"
#include "tests/support/ServerDatabases.h"

#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineXml.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace bandmate;
using sync::GrooveService;
using sync::GrooveSettings;
using sync::Visibility;

namespace {

struct GrooveServiceTest : ::testing::Test {
    test::TempDir dir;
    qint64 now = 1'780'000'000'000;
    std::unique_ptr<GrooveService> grooves;
    const QString alice = QStringLiteral("acct-alice");
    const QString bob = QStringLiteral("acct-bob");

    void SetUp() override
    {
        auto opened = GrooveService::open(test::serverDatabase(dir), [this] { return now; });
        ASSERT_TRUE(opened.has_value()) << opened.error().toString();
        grooves = std::move(*opened);
    }

    static core::beats::Machine salsa()
    {
        auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
        EXPECT_TRUE(machine.has_value());
        return *machine;
    }

    static QByteArray xmlOf(const core::beats::Machine& machine) { return core::beats::writeMachineXml(machine); }

    static GrooveSettings settings(Visibility visibility = Visibility::Public)
    {
        GrooveSettings out;
        out.title = QStringLiteral("Montuno in G");
        out.author = QStringLiteral("Ana");
        out.description = QStringLiteral("For the band.\nPiano and congas.");
        out.tags = {QStringLiteral("Salsa"), QStringLiteral(" son  montuno "), QStringLiteral("salsa")};
        out.licence = QStringLiteral("cc-by-sa-4.0");
        out.visibility = visibility;
        return out;
    }
};

TEST_F(GrooveServiceTest, APublishedGrooveHasAnUnguessableIdItsSettingsAndItsMachineInCanonicalForm)
{
    auto shared = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(shared.has_value()) << shared.error().toString();
    EXPECT_EQ(shared->id.size(), 26) << "128 bits in base32";
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[a-z2-7]{26}$")).match(shared->id).hasMatch()) << shared->id.toStdString();
    EXPECT_EQ(shared->version, 1);
    EXPECT_EQ(shared->latestVersion, 1);
    EXPECT_EQ(shared->settings.title, QStringLiteral("Montuno in G"));
    EXPECT_EQ(shared->settings.tags, (QStringList{QStringLiteral("salsa"), QStringLiteral("son montuno")})) << "lower case, one space, no repeats";
    EXPECT_EQ(shared->settings.description, QStringLiteral("For the band.\nPiano and congas."));
    EXPECT_EQ(shared->state, QStringLiteral("shared"));
    auto machine = core::beats::readMachineXml(shared->machineXml, QStringLiteral("stored"));
    ASSERT_TRUE(machine.has_value());
    EXPECT_EQ(*machine, salsa());
    EXPECT_EQ(shared->hash.size(), 64);

    // Anyone may open it; a second one gets another id.
    auto seen = grooves->view(shared->id);
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->machineXml, shared->machineXml);
    auto other = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(other.has_value());
    EXPECT_NE(other->id, shared->id);

    // No title: the machine's own.
    GrooveSettings untitled = settings();
    untitled.title.clear();
    EXPECT_EQ(grooves->publish(alice, untitled, xmlOf(salsa()))->settings.title, QString::fromStdString(salsa().title));
}

TEST_F(GrooveServiceTest, EveryVersionKeepsItsOwnLinkAndTheSameMachineAddsNone)
{
    auto shared = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(shared.has_value());
    core::beats::Machine faster = salsa();
    faster.bpm = 200;
    now += 1000;
    auto second = grooves->addVersion(alice, shared->id, xmlOf(faster));
    ASSERT_TRUE(second.has_value()) << second.error().toString();
    EXPECT_EQ(second->version, 2);
    EXPECT_EQ(grooves->addVersion(alice, shared->id, xmlOf(faster))->version, 2) << "a retry adds no version";

    EXPECT_EQ(core::beats::readMachineXml(grooves->view(shared->id, 1)->machineXml, QStringLiteral("v1"))->bpm, salsa().bpm);
    EXPECT_EQ(core::beats::readMachineXml(grooves->view(shared->id, 2)->machineXml, QStringLiteral("v2"))->bpm, 200.0);
    EXPECT_EQ(grooves->view(shared->id)->version, 2) << "the link without a version is the latest";
    EXPECT_EQ(grooves->view(shared->id, 3).error().code, core::ErrorCode::NotFound);

    // Only the author adds versions.
    EXPECT_EQ(grooves->addVersion(bob, shared->id, xmlOf(salsa())).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(grooves->view(shared->id)->version, 2);
}

TEST_F(GrooveServiceTest, PrivateGroovesAreUnknownToOthersAndUnlistedOnesAreInNoList)
{
    auto open = grooves->publish(alice, settings(Visibility::Public), xmlOf(salsa()));
    auto unlisted = grooves->publish(alice, settings(Visibility::Unlisted), xmlOf(salsa()));
    auto hidden = grooves->publish(alice, settings(Visibility::Private), xmlOf(salsa()));
    ASSERT_TRUE(open && unlisted && hidden);

    EXPECT_TRUE(grooves->view(unlisted->id).has_value()) << "the link is enough";
    EXPECT_EQ(grooves->view(hidden->id).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(grooves->view(hidden->id, 0, bob).error().code, core::ErrorCode::NotFound);
    EXPECT_TRUE(grooves->view(hidden->id, 0, alice).has_value()) << "its author sees it";

    auto listed = grooves->listed(50);
    ASSERT_TRUE(listed.has_value());
    ASSERT_EQ(listed->size(), 1);
    EXPECT_EQ(listed->first().id, open->id);
    EXPECT_EQ(grooves->mine(alice)->size(), 3);
    EXPECT_TRUE(grooves->mine(bob)->isEmpty());

    // Making the private one public lists it.
    sync::GrooveChange change;
    change.visibility = Visibility::Public;
    ASSERT_TRUE(grooves->change(alice, hidden->id, change).has_value());
    EXPECT_EQ(grooves->listed(50)->size(), 2);
    EXPECT_TRUE(grooves->view(hidden->id).has_value());
}

TEST_F(GrooveServiceTest, UnsharedGroovesSayRemovedAndCanBeSharedAgainDeletedOnesLoseTheirVersions)
{
    auto shared = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(shared.has_value());
    EXPECT_EQ(grooves->unshare(bob, shared->id).error().code, core::ErrorCode::NotFound) << "not bob's";
    ASSERT_TRUE(grooves->unshare(alice, shared->id).has_value());
    auto removed = grooves->view(shared->id);
    ASSERT_TRUE(removed.has_value());
    EXPECT_EQ(removed->state, QStringLiteral("unshared"));
    EXPECT_TRUE(removed->machineXml.isEmpty()) << "nobody gets the machine of an unshared groove";
    EXPECT_FALSE(grooves->view(shared->id, 0, alice)->machineXml.isEmpty()) << "its author still does";
    EXPECT_TRUE(grooves->listed(10)->isEmpty());

    sync::GrooveChange again;
    again.visibility = Visibility::Unlisted;
    ASSERT_TRUE(grooves->change(alice, shared->id, again).has_value());
    EXPECT_EQ(grooves->view(shared->id)->state, QStringLiteral("shared"));

    EXPECT_EQ(grooves->remove(bob, shared->id).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(grooves->remove(alice, shared->id).has_value());
    auto deleted = grooves->view(shared->id);
    ASSERT_TRUE(deleted.has_value());
    EXPECT_EQ(deleted->state, QStringLiteral("deleted"));
    EXPECT_TRUE(deleted->machineXml.isEmpty());
    EXPECT_TRUE(deleted->settings.title.isEmpty()) << "nothing the author wrote is kept";
    EXPECT_TRUE(grooves->mine(alice)->isEmpty());
    EXPECT_EQ(grooves->view(shared->id, 0, alice)->machineXml, QByteArray()) << "gone for the author too";
    EXPECT_EQ(grooves->change(alice, shared->id, again).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(grooves->addVersion(alice, shared->id, xmlOf(salsa())).error().code, core::ErrorCode::NotFound);
}

TEST_F(GrooveServiceTest, ACopyNamesItsOriginVersionOnlyWhereCopiesAreAllowed)
{
    auto original = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(original.has_value());
    core::beats::Machine changed = salsa();
    changed.keyNote = 7;
    ASSERT_TRUE(grooves->addVersion(alice, original->id, xmlOf(changed)).has_value());

    auto copy = grooves->publish(bob, settings(), xmlOf(changed), original->id);
    ASSERT_TRUE(copy.has_value()) << copy.error().toString();
    EXPECT_EQ(copy->originId, original->id);
    EXPECT_EQ(copy->originVersion, 2) << "no version named: the latest, recorded as a number";
    EXPECT_EQ(grooves->publish(bob, settings(), xmlOf(salsa()), original->id, 1)->originVersion, 1);
    EXPECT_EQ(grooves->publish(bob, settings(), xmlOf(salsa()), original->id, 9).error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(grooves->publish(bob, settings(), xmlOf(salsa()), QStringLiteral("nosuchgroove")).error().code, core::ErrorCode::InvalidInput);

    sync::GrooveChange noCopies;
    noCopies.allowCopies = false;
    ASSERT_TRUE(grooves->change(alice, original->id, noCopies).has_value());
    auto refused = grooves->publish(bob, settings(), xmlOf(salsa()), original->id);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().where, "origin");
    EXPECT_TRUE(grooves->publish(alice, settings(), xmlOf(salsa()), original->id).has_value()) << "the author may copy their own";

    ASSERT_TRUE(grooves->countCopy(original->id).has_value());
    ASSERT_TRUE(grooves->countPlay(original->id).has_value());
    ASSERT_TRUE(grooves->countPlay(original->id).has_value());
    EXPECT_EQ(grooves->view(original->id)->copies, 1);
    EXPECT_EQ(grooves->view(original->id)->plays, 2);
}

TEST_F(GrooveServiceTest, BadMachinesAndSettingsAreRefusedNamingWhereAndStoreNothing)
{
    const auto refusedWhere = [this](const GrooveSettings& with, const QByteArray& xml) {
        auto result = grooves->publish(alice, with, xml);
        EXPECT_FALSE(result.has_value());
        return result ? std::string("accepted") : result.error().where;
    };
    EXPECT_EQ(refusedWhere(settings(), QByteArray()), "machine");
    EXPECT_EQ(refusedWhere(settings(), QByteArray(GrooveService::kMaxXmlBytes + 1, ' ')), "machine");
    EXPECT_NE(refusedWhere(settings(), "<machine><bpm>fast</bpm>"), "accepted");
    {
        // Past the model's limits, as the desktop's reader refuses them: the line is named.
        core::beats::Machine wild = salsa();
        QByteArray xml = xmlOf(wild);
        xml.replace("<bm:bpm>", "<bm:bpm>9");
        auto result = grooves->publish(alice, settings(), xml);
        ASSERT_FALSE(result.has_value());
        EXPECT_TRUE(QString::fromStdString(result.error().toString()).contains(QStringLiteral("machine:"))) << result.error().toString();
    }
    {
        // Titles the page shows, inside the machine too: no direction overrides.
        core::beats::Machine spoof = salsa();
        spoof.instruments.at(1).title = "Camp\u202Eana";
        auto result = grooves->publish(alice, settings(), xmlOf(spoof));
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().where, "machine: instrument " + spoof.instruments.at(1).id) << result.error().toString();
    }
    GrooveSettings bad = settings();
    bad.licence = QStringLiteral("gpl");
    EXPECT_EQ(refusedWhere(bad, xmlOf(salsa())), "licence");
    bad = settings();
    bad.title = QStringLiteral("a\u202Eb");
    EXPECT_EQ(refusedWhere(bad, xmlOf(salsa())), "title");
    bad = settings();
    bad.title = QString(GrooveService::kMaxTitleLength + 1, QLatin1Char('x'));
    EXPECT_EQ(refusedWhere(bad, xmlOf(salsa())), "title");
    bad = settings();
    bad.tags.clear();
    for (int i = 0; i <= GrooveService::kMaxTags; ++i) {
        bad.tags << QStringLiteral("tag%1").arg(i);
    }
    EXPECT_EQ(refusedWhere(bad, xmlOf(salsa())), "tags");
    bad = settings();
    bad.author = QStringLiteral("Ana\nEve");
    EXPECT_EQ(refusedWhere(bad, xmlOf(salsa())), "author");
    EXPECT_TRUE(grooves->mine(alice)->isEmpty()) << "nothing was stored";

    auto shared = grooves->publish(alice, settings(), xmlOf(salsa()));
    ASSERT_TRUE(shared.has_value());
    sync::GrooveChange emptyTitle;
    emptyTitle.title = QStringLiteral("  ");
    EXPECT_EQ(grooves->change(alice, shared->id, emptyTitle).error().where, "title");
    EXPECT_EQ(grooves->addVersion(alice, shared->id, "not xml").error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(grooves->view(shared->id)->settings.title, QStringLiteral("Montuno in G"));
    EXPECT_EQ(grooves->view(shared->id)->latestVersion, 1);
}

TEST_F(GrooveServiceTest, AnAccountSharesABoundedNumberOfGrooves)
{
    const QByteArray xml = xmlOf(salsa());
    for (int i = 0; i < GrooveService::kMaxGroovesPerAccount; ++i) {
        ASSERT_TRUE(grooves->publish(alice, settings(Visibility::Private), xml).has_value()) << i;
    }
    auto over = grooves->publish(alice, settings(), xml);
    ASSERT_FALSE(over.has_value());
    EXPECT_EQ(over.error().code, core::ErrorCode::Conflict);
    EXPECT_TRUE(grooves->publish(bob, settings(), xml).has_value()) << "per account";
    ASSERT_TRUE(grooves->remove(alice, grooves->mine(alice)->first().id).has_value());
    EXPECT_TRUE(grooves->publish(alice, settings(), xml).has_value()) << "a deleted one frees a place";
}

}  // namespace
