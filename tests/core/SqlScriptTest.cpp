#include "core/storage/SqlScript.h"

#include <gtest/gtest.h>

using bandmate::core::splitSqlScript;

TEST(SqlScript, SplitsAtTopLevelSemicolonsAndDropsComments)
{
    const auto statements = splitSqlScript(QStringLiteral(
        "-- a comment; with a semicolon\n"
        "CREATE TABLE a (x TEXT DEFAULT 'a;b');\n"
        "/* block; comment */ INSERT INTO a VALUES ('it''s; fine');\n"
        "  ;  -- empty statement\n"
        "SELECT \"odd;name\" FROM a"));
    ASSERT_EQ(statements.size(), 3);
    EXPECT_EQ(statements[0], QStringLiteral("CREATE TABLE a (x TEXT DEFAULT 'a;b')"));
    EXPECT_EQ(statements[1], QStringLiteral("INSERT INTO a VALUES ('it''s; fine')"));
    EXPECT_EQ(statements[2], QStringLiteral("SELECT \"odd;name\" FROM a"));
}

TEST(SqlScript, KeepsTriggerBodiesWhole)
{
    const auto statements = splitSqlScript(QStringLiteral(
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
        "  UPDATE b SET n = n + 1;\n"
        "  DELETE FROM c WHERE x = 'end;';\n"
        "END;\n"
        "CREATE INDEX i ON a(x);"));
    ASSERT_EQ(statements.size(), 2);
    EXPECT_TRUE(statements[0].startsWith(QStringLiteral("CREATE TRIGGER")));
    EXPECT_TRUE(statements[0].endsWith(QStringLiteral("END")));
    EXPECT_EQ(statements[1], QStringLiteral("CREATE INDEX i ON a(x)"));
}

TEST(SqlScript, OnlyCommentsGiveNoStatements)
{
    EXPECT_TRUE(splitSqlScript(QStringLiteral("-- nothing\n/* here */\n")).isEmpty());
}
