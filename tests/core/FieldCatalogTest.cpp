// The synced schema as sync sees it: what this build knows (from its migrations), what a file
// holds, and which values fit a field.
#include "core/storage/Database.h"
#include "core/sync/FieldCatalog.h"
#include "tests/support/TestDatabase.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

#include <limits>

using namespace bandmate::core;

TEST(FieldCatalog, ThisBuildsCatalogIsWhatANewDatabaseHolds)
{
    bandmate::test::TempDir dir;
    auto db = bandmate::test::openTestDatabase(dir);
    auto read = FieldCatalog::read(db->connection());
    ASSERT_TRUE(read.has_value()) << read.error().toString();
    EXPECT_EQ(read->describe(), FieldCatalog::latest().describe());
    EXPECT_TRUE(FieldCatalog::latest().hasEntity(QStringLiteral("song")));
    EXPECT_FALSE(FieldCatalog::latest().hasEntity(QStringLiteral("media_file"))) << "local only";
    ASSERT_NE(FieldCatalog::latest().find(QStringLiteral("song"), QStringLiteral("bpm")), nullptr);
    EXPECT_EQ(FieldCatalog::latest().find(QStringLiteral("song"), QStringLiteral("bpm"))->type, FieldSpec::Type::Real);
    EXPECT_EQ(FieldCatalog::latest().find(QStringLiteral("song"), QStringLiteral("id")), nullptr);
    EXPECT_EQ(FieldCatalog::latest().find(QStringLiteral("song"), QStringLiteral("zz_new_field")), nullptr);
}

TEST(FieldCatalog, TheDataFormatGrowsWithTheSyncedSchema)
{
    // When this fails, a migration added or changed a synced entity or field: raise
    // core::kDataFormat by one and add the new fingerprint under it, so older versions can tell
    // the musician that data from a newer one waits for an update.
    const QStringList lines = FieldCatalog::latest().describe();
    const QString fingerprint =
        QString::fromLatin1(QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    const QHash<int, QString> known{{1, QStringLiteral("6ade2c06b9cc8ccd")}, {2, QStringLiteral("31bd6caeb9ed2025")},
                                    {3, QStringLiteral("a1f713c6a6f1806e")}, {4, QStringLiteral("7a2310b9d36c8a10")},
                                    {5, QStringLiteral("8224fc7bc253b4da")}, {6, QStringLiteral("4fae4eacb95ac8dc")},
                                    {7, QStringLiteral("73a55cbe590921ff")}};
    EXPECT_EQ(fingerprint, known.value(kDataFormat)) << lines.join(QLatin1Char('\n')).toStdString();
}

TEST(FieldCatalog, ValuesMustFitTheirField)
{
    const FieldSpec integer{FieldSpec::Type::Integer, true};
    const FieldSpec real{FieldSpec::Type::Real, true};
    const FieldSpec text{FieldSpec::Type::Text, true};
    for (const QVariant& fits : {QVariant(0), QVariant(qint64{1} << 60), QVariant(true), QVariant(1978.0)}) {
        EXPECT_TRUE(checkFieldValue(integer, fits, "v").has_value()) << fits.toString().toStdString();
    }
    for (const QVariant& fits : {QVariant(96.5), QVariant(96), QVariant(false)}) {
        EXPECT_TRUE(checkFieldValue(real, fits, "v").has_value());
    }
    EXPECT_TRUE(checkFieldValue(text, QStringLiteral("Quimbara"), "v").has_value());
    EXPECT_TRUE(checkFieldValue(text, QString(kMaxFieldValueBytes, QLatin1Char('x')), "v").has_value());

    const struct {
        FieldSpec spec;
        QVariant value;
    } refused[] = {
        {integer, QVariant()},
        {integer, QStringLiteral("12")},
        {integer, 12.5},
        {integer, std::numeric_limits<double>::infinity()},
        {integer, 1e19},
        {real, QStringLiteral("fast")},
        {real, std::numeric_limits<double>::quiet_NaN()},
        {text, 7},
        {text, QVariant()},
        {text, QString(kMaxFieldValueBytes / 2 + 1, QChar(0x00F1))},  // ñ is two bytes in UTF-8
    };
    for (const auto& bad : refused) {
        auto result = checkFieldValue(bad.spec, bad.value, "changes[2].value");
        ASSERT_FALSE(result.has_value()) << bad.value.toString().toStdString();
        EXPECT_EQ(result.error().where, "changes[2].value");
        EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    }
}
