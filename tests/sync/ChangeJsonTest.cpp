#include "sync/protocol/ChangeJson.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

QJsonArray parseArray(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

}  // namespace

TEST(ChangeJson, RoundTripsAChange)
{
    const core::FieldChange change{QStringLiteral("profile"), QStringLiteral("p1"),
                                   QStringLiteral("artist_name"), QStringLiteral("Héctor Lavoe"),
                                   core::FieldStamp{core::Hlc{1'764'000'000'000, 9}, QStringLiteral("dev")}};
    auto parsed = sync::changeFromJson(sync::changeToJson(change), QStringLiteral("change"));
    ASSERT_TRUE(parsed.has_value()) << parsed.error().toString();
    EXPECT_EQ(parsed->entity, change.entity);
    EXPECT_EQ(parsed->id, change.id);
    EXPECT_EQ(parsed->field, change.field);
    EXPECT_EQ(parsed->value.toString(), change.value.toString());
    EXPECT_EQ(parsed->stamp, change.stamp);
}

TEST(ChangeJson, ErrorsNameThePathOfTheBadValue)
{
    struct Case {
        const char* json;
        const char* where;
    };
    const Case cases[] = {
        {R"([{"entity":"profile","id":"a","field":"goals","value":1,"hlc":"1.0","device":"d"}, 5])", "changes[1]"},
        {R"([{"entity":"profile","id":"","field":"goals","value":1,"hlc":"1.0","device":"d"}])", "changes[0].id"},
        {R"([{"entity":"","id":"a","field":"goals","value":1,"hlc":"1.0","device":"d"}])", "changes[0].entity"},
        {R"([{"entity":"profile","id":"a","field":"goals","value":1,"hlc":"soon","device":"d"}])", "changes[0].hlc"},
        {R"([{"entity":"profile","id":"a","field":"goals","hlc":"1.0","device":"d"}])", "changes[0].value"},
        {R"([{"entity":"profile","id":"a","field":"goals","value":[1],"hlc":"1.0","device":"d"}])", "changes[0].value"},
    };
    for (const Case& c : cases) {
        auto parsed = sync::changesFromJson(parseArray(c.json), QStringLiteral("changes"));
        ASSERT_FALSE(parsed.has_value()) << c.json;
        EXPECT_EQ(parsed.error().where, c.where) << c.json;
        EXPECT_EQ(parsed.error().code, core::ErrorCode::InvalidInput);
    }
}

TEST(ChangeJson, AnEntityOrFieldThisBuildDoesNotKnowStillParses)
{
    // A newer Bandmate's: the server passes it on, an older client keeps it aside.
    auto parsed = sync::changesFromJson(parseArray(R"([{"entity":"zz_new_entity","id":"a","field":"zz_new_field","value":"x","hlc":"1.0","device":"d"}])"),
                                        QStringLiteral("changes"));
    ASSERT_TRUE(parsed.has_value()) << parsed.error().toString();
    EXPECT_EQ(parsed->first().entity, QStringLiteral("zz_new_entity"));
    EXPECT_EQ(parsed->first().field, QStringLiteral("zz_new_field"));
}
