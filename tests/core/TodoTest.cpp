// Generic to-dos in a real database.
#include "core/todo/Todos.h"
#include "tests/support/TestDatabase.h"

using namespace bandmate::core;
using namespace bandmate::core::todo;

TEST(Todos, AddEditFinishAndListByDueDate)
{
    bandmate::test::TempDir dir;
    auto db = bandmate::test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    TodoRepository todos(*db);
    const QDate today(2026, 11, 23);
    Todo strings{{}, QStringLiteral("Buy strings"), {}, today.addDays(-1), false, {}, {}, {QStringLiteral("gear")}, {}, {}};
    Todo setlist{{}, QStringLiteral("Send the setlist"), QStringLiteral("to the sound engineer"), today, false, {},
                 {{QStringLiteral("Print it"), false}, {QStringLiteral("Email it"), true}}, {QStringLiteral("show"), QStringLiteral("Show")}, {}, {}};
    Todo someday{{}, QStringLiteral("Learn a guaguancó quinto part"), {}, {}, false, {}, {}, {}, QStringLiteral("machine"), QStringLiteral("m-1")};
    auto a = todos.save(strings);
    auto b = todos.save(setlist);
    auto c = todos.save(someday);
    ASSERT_TRUE(a && b && c);

    auto due = todos.due(today);
    ASSERT_TRUE(due.has_value());
    ASSERT_EQ(due->size(), 2);
    EXPECT_EQ(due->at(0).title, QStringLiteral("Buy strings")) << "overdue first";
    EXPECT_EQ(due->at(1).checklist.size(), 2);
    EXPECT_EQ(due->at(1).tags, QStringList{QStringLiteral("show")}) << "duplicate tags dropped";

    ASSERT_TRUE(todos.setDone(*a, true).has_value());
    EXPECT_EQ(todos.due(today)->size(), 1);
    auto all = todos.all();
    ASSERT_EQ(all->size(), 3);
    EXPECT_EQ(all->at(0).title, QStringLiteral("Send the setlist"));
    EXPECT_EQ(all->at(1).title, QStringLiteral("Learn a guaguancó quinto part")) << "undated after dated";
    EXPECT_TRUE(all->at(2).done);
    EXPECT_TRUE(all->at(2).doneAt.isValid());

    Todo edited = *todos.get(*c);
    edited.due = today.addDays(7);
    ASSERT_TRUE(todos.save(edited).has_value());
    EXPECT_EQ(todos.get(*c)->due, today.addDays(7));
    EXPECT_EQ(todos.get(*c)->linkKind, QStringLiteral("machine"));

    EXPECT_EQ(todos.save(Todo{}).error().code, ErrorCode::InvalidArgument) << "a title is required";
    Todo badLink{{}, QStringLiteral("x"), {}, {}, false, {}, {}, {}, QStringLiteral("planet"), QStringLiteral("p")};
    EXPECT_EQ(todos.save(badLink).error().code, ErrorCode::InvalidArgument);
    ASSERT_TRUE(todos.remove(*b).has_value());
    EXPECT_EQ(todos.get(*b).error().code, ErrorCode::NotFound);
    EXPECT_EQ(todos.all()->size(), 2);
}
