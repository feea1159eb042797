// Followed feeds in a real database file: subscriptions and folders, OPML in and out, items read
// in from documents that repeat, blank or rewrite their GUIDs, the musician's state of each (what
// syncs), removed items that stay removed, the ranking of songs several feeds posted; and the
// fetch policy's decisions for every kind of answer.
#include "core/feeds/FeedDownloads.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedParser.h"
#include "core/feeds/FeedRepository.h"
#include "core/feeds/FetchPolicy.h"
#include "core/library/MediaFiles.h"
#include "core/library/Songs.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::feeds;
using bandmate::test::TempDir;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);

FeedItem post(const QString& guid, const QString& title, const QString& enclosure = {}, const QString& link = {})
{
    FeedItem item;
    item.guid = guid;
    item.title = title;
    item.link = link;
    item.published = kNow.addDays(-1);
    if (!enclosure.isEmpty()) {
        item.enclosures.append({enclosure, QStringLiteral("audio/mpeg"), 1000, 0});
    }
    return item;
}

Feed feedOf(const QList<FeedItem>& items)
{
    Feed feed;
    feed.title = QStringLiteral("Salsa Dura Blog");
    feed.link = QStringLiteral("https://salsadura.example/");
    feed.items = items;
    return feed;
}

int count(Database& db, const QString& statement)
{
    return sql::scalar(db.connection(), statement)->toInt();
}

class FeedStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = bandmate::test::openTestDatabase(dir);
        ASSERT_TRUE(db);
        auto id = FeedRepository(*db).subscribe(QStringLiteral("https://salsadura.example/feed/"));
        ASSERT_TRUE(id) << id.error().toString();
        feedId = *id;
    }

    QList<ItemView> shown(const ItemFilter& filter = {})
    {
        auto items = FeedItemRepository(*db).items(filter);
        EXPECT_TRUE(items) << items.error().toString();
        return items.value_or(QList<ItemView>{});
    }

    TempDir dir;
    std::unique_ptr<Database> db;
    QString feedId;
};

}  // namespace

TEST_F(FeedStoreTest, FollowingTheSameAddressTwiceIsRefusedAndNamesTheFeed)
{
    FeedRepository feeds(*db);
    ASSERT_TRUE(feeds.rename(feedId, QStringLiteral("  Salsa   Dura ")));
    auto again = feeds.subscribe(QStringLiteral("https://salsadura.example/feed/"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_NE(again.error().message.find("Salsa Dura"), std::string::npos) << again.error().message;
    auto notHttp = feeds.subscribe(QStringLiteral("file:///etc/passwd"));
    ASSERT_FALSE(notHttp);
    EXPECT_EQ(notHttp.error().code, ErrorCode::InvalidArgument);
    auto all = feeds.feeds();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->first().displayName(), QStringLiteral("Salsa Dura"));
}

TEST_F(FeedStoreTest, OpmlComesBackOutAsItWentInWithItsFolders)
{
    const QByteArray opml = R"(<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Blogs"><outline text="Salsa">
        <outline type="rss" text="Salsa Dura" xmlUrl="https://salsadura.example/feed/" htmlUrl="https://salsadura.example/"/>
        <outline type="rss" text="Timba Talk" xmlUrl="https://timba.example/rss"/>
      </outline></outline>
      <outline type="rss" text="Radio Show" xmlUrl="https://podcast.example/show.xml"/>
    </body></opml>)";
    auto parsed = parseOpml(opml);
    ASSERT_TRUE(parsed) << parsed.error().toString();
    FeedRepository feeds(*db);
    auto imported = feeds.importOpml(*parsed);
    ASSERT_TRUE(imported) << imported.error().toString();
    EXPECT_EQ(imported->added, 2);
    EXPECT_EQ(imported->alreadyFollowed, 1);  // the one followed in SetUp
    EXPECT_EQ(imported->folders, 1);
    auto again = feeds.importOpml(*parsed);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->folders, 0);

    auto out = feeds.exportOpml();
    ASSERT_TRUE(out);
    auto reread = parseOpml(writeOpml(*out, QStringLiteral("Bandmate")));
    ASSERT_TRUE(reread) << reread.error().toString();
    QStringList lines;
    for (const OpmlFeed& feed : std::as_const(*reread)) {
        lines.append(feed.folder + QLatin1Char('|') + feed.url + QLatin1Char('|') + feed.title);
    }
    lines.sort();
    EXPECT_EQ(lines, (QStringList{QStringLiteral("Blogs/Salsa|https://timba.example/rss|Timba Talk"),
                                  QStringLiteral("|https://podcast.example/show.xml|Radio Show"),
                                  QStringLiteral("|https://salsadura.example/feed/|https://salsadura.example/feed/")}));
}

TEST_F(FeedStoreTest, AnImportThatFailsHalfwayLeavesNothing)
{
    FeedRepository feeds(*db);
    QList<OpmlFeed> entries{{QStringLiteral("https://a.example/feed"), QStringLiteral("A"), {}, QStringLiteral("New folder")},
                            {QStringLiteral("not a url"), QStringLiteral("B"), {}, {}}};
    auto imported = feeds.importOpml(entries);
    ASSERT_FALSE(imported);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed WHERE deleted = 0")), 1);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_folder")), 0);
}

TEST_F(FeedStoreTest, AFeedThatRewritesEveryGuidAddsNothingTwice)
{
    FeedItemRepository items(*db);
    QList<FeedItem> first;
    for (int i = 0; i < 20; ++i) {
        first.append(post(QStringLiteral("guid-%1").arg(i), QStringLiteral("Episode %1").arg(i), QStringLiteral("https://cdn.example/ep%1.mp3").arg(i)));
    }
    auto stored = items.store(feedId, feedOf(first), kNow);
    ASSERT_TRUE(stored) << stored.error().toString();
    EXPECT_EQ(stored->newItems, 20);
    EXPECT_EQ(stored->keyKind, QStringLiteral("guid"));

    // The host moved and every GUID changed; enclosures and titles did not.
    QList<FeedItem> rewritten = first;
    for (FeedItem& item : rewritten) {
        item.guid = QStringLiteral("https://new-host.example/") + item.guid;
    }
    rewritten.prepend(post(QStringLiteral("https://new-host.example/guid-20"), QStringLiteral("Episode 20"), QStringLiteral("https://cdn.example/ep20.mp3")));
    auto again = items.store(feedId, feedOf(rewritten), kNow.addSecs(3600));
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_EQ(again->newItems, 1);
    EXPECT_EQ(shown().size(), 21);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_item")), 21);

    // The same document once more changes nothing at all.
    auto same = items.store(feedId, feedOf(rewritten), kNow.addSecs(7200));
    ASSERT_TRUE(same);
    EXPECT_EQ(same->newItems, 0);
    EXPECT_EQ(same->changed, 0);
}

TEST_F(FeedStoreTest, RepeatedOrBlankGuidsFallBackToEnclosureThenLink)
{
    FeedItemRepository items(*db);
    // A broken podcast generator gives every episode the same GUID.
    QList<FeedItem> repeated;
    for (int i = 0; i < 5; ++i) {
        repeated.append(post(QStringLiteral("same"), QStringLiteral("Show %1").arg(i), QStringLiteral("https://cdn.example/show%1.mp3").arg(i)));
    }
    auto stored = items.store(feedId, feedOf(repeated), kNow);
    ASSERT_TRUE(stored) << stored.error().toString();
    EXPECT_EQ(stored->newItems, 5);
    EXPECT_EQ(stored->keyKind, QStringLiteral("enclosure"));

    // A blog without GUIDs or enclosures: told apart by link, date and title.
    auto other = FeedRepository(*db).subscribe(QStringLiteral("https://blog.example/rss"));
    ASSERT_TRUE(other);
    QList<FeedItem> blank;
    for (int i = 0; i < 4; ++i) {
        blank.append(post({}, QStringLiteral("Post %1").arg(i), {}, QStringLiteral("https://blog.example/p/%1").arg(i)));
    }
    auto plain = items.store(*other, feedOf(blank), kNow);
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->newItems, 4);
    EXPECT_EQ(plain->keyKind, QStringLiteral("link"));
    auto repeatedAgain = items.store(*other, feedOf(blank), kNow.addSecs(60));
    ASSERT_TRUE(repeatedAgain);
    EXPECT_EQ(repeatedAgain->newItems, 0);
    EXPECT_EQ(shown().size(), 9);
}

TEST_F(FeedStoreTest, ARemovedItemStaysRemovedWhenItsFeedListsItAgain)
{
    FeedItemRepository items(*db);
    const QList<FeedItem> posts{post(QStringLiteral("a"), QStringLiteral("Ray Barretto – Indestructible")),
                                post(QStringLiteral("b"), QStringLiteral("Celia Cruz – Quimbara"))};
    ASSERT_TRUE(items.store(feedId, feedOf(posts), kNow));
    auto before = shown();
    ASSERT_EQ(before.size(), 2);
    ASSERT_TRUE(items.remove({before.first().id}));
    auto again = items.store(feedId, feedOf(posts), kNow.addSecs(3600));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->newItems, 0);
    ASSERT_EQ(shown().size(), 1);
    EXPECT_NE(shown().first().id, before.first().id);
    // The tombstone is what syncs.
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_item_state WHERE deleted = 1")), 1);
    EXPECT_GE(count(*db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'feed_item_state'")), 1);
}

TEST_F(FeedStoreTest, EveryComputerNamesAnItemTheSame)
{
    TempDir otherDir;
    auto other = bandmate::test::openTestDatabase(otherDir);
    ASSERT_TRUE(other);
    // The subscription arrives by sync: the same feed id on the other computer.
    {
        ChangeTracker tracker(*other);
        auto transaction = Transaction::begin(other->connection());
        ASSERT_TRUE(transaction);
        ASSERT_TRUE(tracker.write(QStringLiteral("feed"), feedId, {{QStringLiteral("url"), QStringLiteral("https://salsadura.example/feed/")}}));
        ASSERT_TRUE(transaction->commit());
    }
    const Feed document = feedOf({post(QStringLiteral("x1"), QStringLiteral("One")), post(QStringLiteral("x2"), QStringLiteral("Two"))});
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, document, kNow));
    ASSERT_TRUE(FeedItemRepository(*other).store(feedId, document, kNow.addSecs(5)));
    QStringList here;
    QStringList there;
    for (const ItemView& item : shown()) {
        here.append(item.id);
    }
    auto otherItems = FeedItemRepository(*other).items({});
    ASSERT_TRUE(otherItems);
    for (const ItemView& item : std::as_const(*otherItems)) {
        there.append(item.id);
    }
    here.sort();
    there.sort();
    EXPECT_EQ(here, there);
    EXPECT_TRUE(here.contains(FeedItemRepository::itemId(feedId, QStringLiteral("guid:x1"))));
}

TEST_F(FeedStoreTest, PlayedStarredSeenAndPositionAreTheMusiciansAndSync)
{
    FeedItemRepository items(*db);
    const int subscribed = bandmate::test::outboxSize(*db);
    ASSERT_TRUE(items.store(feedId, feedOf({post(QStringLiteral("a"), QStringLiteral("A")), post(QStringLiteral("b"), QStringLiteral("B")),
                                            post(QStringLiteral("c"), QStringLiteral("C"))}),
                            kNow));
    const int pushedBefore = bandmate::test::outboxSize(*db);
    EXPECT_EQ(pushedBefore, subscribed) << "reading items in writes nothing to sync";
    auto all = shown();
    ASSERT_EQ(all.size(), 3);
    ASSERT_TRUE(items.setPlayed(all.at(0).id, true));
    ASSERT_TRUE(items.setStarred(all.at(1).id, true));
    ASSERT_TRUE(items.setPosition(all.at(1).id, 61'500));
    EXPECT_EQ(shown({.onlyNew = true}).size(), 2);
    EXPECT_EQ(shown({.onlyStarred = true}).size(), 1);
    auto starred = items.item(all.at(1).id);
    ASSERT_TRUE(starred);
    EXPECT_EQ(starred->positionMs, 61'500);
    EXPECT_TRUE(starred->isNew);
    auto marked = items.markAllSeen(feedId);
    ASSERT_TRUE(marked);
    EXPECT_EQ(*marked, 2);
    EXPECT_EQ(shown({.onlyNew = true}).size(), 0);
    auto subscription = FeedRepository(*db).feed(feedId);
    ASSERT_TRUE(subscription);
    EXPECT_EQ(subscription->newItems, 0);
    EXPECT_GT(bandmate::test::outboxSize(*db), pushedBefore);
}

TEST_F(FeedStoreTest, SearchReadsWordsAndFeedsOwnFields)
{
    FeedItemRepository items(*db);
    FeedItem lavoe = post(QStringLiteral("1"), QStringLiteral("Héctor Lavoe – El Cantante"));
    lavoe.html = QStringLiteral("<p>Un <b>clásico</b> de 1978</p>");
    ASSERT_TRUE(items.store(feedId, feedOf({lavoe, post(QStringLiteral("2"), QStringLiteral("Celia Cruz – Quimbara"))}), kNow));
    EXPECT_EQ(shown({.search = QStringLiteral("clásico")}).size(), 1);
    EXPECT_EQ(shown({.search = QStringLiteral("artist:celia")}).size(), 1);
    EXPECT_EQ(shown({.search = QStringLiteral("feed:salsadura -quimbara")}).size(), 1);
    EXPECT_EQ(shown({.search = QStringLiteral("new:no")}).size(), 0);
    EXPECT_EQ(shown({.search = QStringLiteral("\"El Cantante\"")}).size(), 1);
    auto bad = items.items({.search = QStringLiteral("cruz mood:happy")});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, "column 6");
    // The library's grammar: either of two, numbers with ranges, the same errors.
    EXPECT_EQ(shown({.search = QStringLiteral("quimbara | cantante")}).size(), 2);
    EXPECT_EQ(shown({.search = QStringLiteral("-artist:celia | clásico")}).size(), 1);
    EXPECT_EQ(shown({.search = QStringLiteral("year:2026")}).size(), 2);
    EXPECT_EQ(shown({.search = QStringLiteral("year:<2000")}).size(), 0);
    auto dangling = items.items({.search = QStringLiteral("cruz |")});
    ASSERT_FALSE(dangling);
    EXPECT_EQ(dangling.error().where, "column 6");
    auto notANumber = items.items({.search = QStringLiteral("year:soon")});
    ASSERT_FALSE(notANumber);
    EXPECT_EQ(notANumber.error().where, "column 6");
}

TEST_F(FeedStoreTest, SongsSeveralFeedsPostedRankFirstAndTheLibrarysAreOwned)
{
    FeedRepository feeds(*db);
    FeedItemRepository items(*db);
    auto second = feeds.subscribe(QStringLiteral("https://timba.example/rss"));
    auto third = feeds.subscribe(QStringLiteral("https://radio.example/rss"));
    ASSERT_TRUE(second && third);
    ASSERT_TRUE(items.store(feedId, feedOf({post(QStringLiteral("1"), QStringLiteral("Los Van Van – Chapeando")),
                                            post(QStringLiteral("2"), QStringLiteral("Celia Cruz – Quimbara"))}),
                            kNow));
    ASSERT_TRUE(items.store(*second, feedOf({post(QStringLiteral("1"), QStringLiteral("LOS VAN VAN – chapeando"))}), kNow));
    ASSERT_TRUE(items.store(*third, feedOf({post(QStringLiteral("9"), QStringLiteral("Los Van Van — Chapeando")),
                                            post(QStringLiteral("8"), QStringLiteral("Celia Cruz - Quimbara"))}),
                            kNow));
    library::Song owned;
    owned.artist = QStringLiteral("Celia Cruz");
    owned.title = QStringLiteral("Quimbara");
    ASSERT_TRUE(library::SongRepository(*db).addMany({owned}));

    auto ranked = items.ranking(2, 10);
    ASSERT_TRUE(ranked) << ranked.error().toString();
    ASSERT_EQ(ranked->size(), 2);
    EXPECT_EQ(ranked->at(0).feeds, 3);
    EXPECT_EQ(ranked->at(0).title.toLower(), QStringLiteral("chapeando"));
    EXPECT_FALSE(ranked->at(0).owned);
    EXPECT_EQ(ranked->at(1).feeds, 2);
    EXPECT_TRUE(ranked->at(1).owned);
    // The item view marks the song the library has.
    auto celia = shown({.search = QStringLiteral("quimbara")});
    ASSERT_EQ(celia.size(), 2);
    ASSERT_FALSE(celia.first().songs.isEmpty());
    EXPECT_TRUE(celia.first().songs.first().owned);
}

TEST_F(FeedStoreTest, RemovingAFeedKeepsOrDropsItsItemsAsChosen)
{
    FeedRepository feeds(*db);
    FeedItemRepository items(*db);
    auto kept = feeds.subscribe(QStringLiteral("https://kept.example/rss"));
    ASSERT_TRUE(kept);
    ASSERT_TRUE(items.store(feedId, feedOf({post(QStringLiteral("1"), QStringLiteral("Dropped"))}), kNow));
    ASSERT_TRUE(items.store(*kept, feedOf({post(QStringLiteral("1"), QStringLiteral("Kept"))}), kNow));
    ASSERT_TRUE(feeds.remove(feedId, false));
    ASSERT_TRUE(feeds.remove(*kept, true));
    auto left = shown();
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(left.first().title, QStringLiteral("Kept"));
    EXPECT_TRUE(feeds.feeds()->isEmpty());
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_item")), 1);
}

TEST_F(FeedStoreTest, AFeedRemovedOnAnotherComputerDropsItsItemsHereAtTheNextRound)
{
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("1"), QStringLiteral("One"))}), kNow));
    {
        // The tombstone arrives by sync.
        ChangeTracker tracker(*db);
        auto transaction = Transaction::begin(db->connection());
        ASSERT_TRUE(transaction);
        FieldStamp stamp;
        stamp.hlc = Hlc{QDateTime::currentMSecsSinceEpoch() + 1000, 0};
        stamp.deviceId = QStringLiteral("other-device");
        ASSERT_TRUE(tracker.applyRemote({QStringLiteral("feed"), feedId, QStringLiteral("deleted"), 1, stamp}));
        ASSERT_TRUE(transaction->commit());
    }
    EXPECT_TRUE(shown().isEmpty());
    auto dropped = FeedItemRepository(*db).dropRemovedFeeds();
    ASSERT_TRUE(dropped);
    EXPECT_EQ(*dropped, 1);
}

// ---- the fetch policy ------------------------------------------------------------------------

TEST(FetchPolicy, NotModifiedKeepsTheValidatorsAndComesBackWhenTheServerSays)
{
    FetchState before;
    before.etag = QStringLiteral("\"v1\"");
    before.failures = 3;
    before.error = QStringLiteral("old");
    Answer answer;
    answer.status = 304;
    answer.cacheControl = QStringLiteral("public, max-age=7200");
    const Decision decision = decide(before, QStringLiteral("https://a.example/rss"), answer, kNow);
    EXPECT_FALSE(decision.storeItems);
    EXPECT_EQ(decision.state.etag, QStringLiteral("\"v1\""));
    EXPECT_EQ(decision.state.failures, 0);
    EXPECT_TRUE(decision.state.error.isEmpty());
    EXPECT_EQ(decision.state.nextAt, kNow.addSecs(7200));
}

TEST(FetchPolicy, TheNextCheckFollowsTheFeedWithinFifteenMinutesAndADay)
{
    Answer answer;
    answer.status = 200;
    EXPECT_EQ(nextCheck(answer, kNow), kNow.addSecs(3600));
    answer.ttlMinutes = 5;
    EXPECT_EQ(nextCheck(answer, kNow), kNow.addSecs(15 * 60));
    answer.ttlMinutes = 180;
    EXPECT_EQ(nextCheck(answer, kNow), kNow.addSecs(180 * 60));
    answer.expires = QStringLiteral("Mon, 07 Dec 2026 14:30:00 GMT");
    EXPECT_EQ(nextCheck(answer, kNow), kNow.addSecs(150 * 60));
    answer.cacheControl = QStringLiteral("max-age=999999");
    EXPECT_EQ(nextCheck(answer, kNow), kNow.addSecs(24 * 3600));
}

TEST(FetchPolicy, APermanentMoveCountsAtTheSecondConsistentAnswer)
{
    const QString url = QStringLiteral("https://old.example/rss");
    Answer moved;
    moved.status = 200;
    moved.permanentTo = QStringLiteral("https://new.example/rss");
    const Decision first = decide({}, url, moved, kNow);
    EXPECT_TRUE(first.newUrl.isEmpty());
    EXPECT_EQ(first.state.movedTo, moved.permanentTo);
    const Decision second = decide(first.state, url, moved, kNow.addSecs(3600));
    EXPECT_EQ(second.newUrl, moved.permanentTo);
    EXPECT_TRUE(second.state.movedTo.isEmpty());
    EXPECT_TRUE(second.state.notice.contains(QStringLiteral("moved for good")));
    // A temporary redirect (or none) in between forgets the first.
    Answer plain;
    plain.status = 304;
    const Decision between = decide(decide(first.state, url, plain, kNow).state, url, moved, kNow);
    EXPECT_TRUE(between.newUrl.isEmpty());
    // Another destination the second time starts over.
    Answer elsewhere = moved;
    elsewhere.permanentTo = QStringLiteral("https://third.example/rss");
    EXPECT_TRUE(decide(first.state, url, elsewhere, kNow).newUrl.isEmpty());
}

TEST(FetchPolicy, GoneStopsTheFeedAndSaysWhy)
{
    Answer gone;
    gone.status = 410;
    const Decision decision = decide({}, QStringLiteral("https://a.example/rss"), gone, kNow);
    EXPECT_TRUE(decision.state.gone);
    EXPECT_TRUE(decision.state.error.contains(QStringLiteral("gone for good")));
}

TEST(FetchPolicy, RetryAfterInSecondsOrAsADateHoldsTheWholeHost)
{
    Answer busy;
    busy.status = 429;
    busy.retryAfter = QStringLiteral("120");
    Decision decision = decide({}, QStringLiteral("https://a.example/rss"), busy, kNow);
    EXPECT_EQ(decision.hostRetryAt, kNow.addSecs(120));
    EXPECT_EQ(decision.state.nextAt, kNow.addSecs(120));
    busy.status = 503;
    busy.retryAfter = QStringLiteral("Mon, 07 Dec 2026 13:00:00 GMT");
    decision = decide({}, QStringLiteral("https://a.example/rss"), busy, kNow);
    EXPECT_EQ(decision.hostRetryAt, kNow.addSecs(3600));
    busy.retryAfter = QStringLiteral("soon");
    decision = decide({}, QStringLiteral("https://a.example/rss"), busy, kNow);
    EXPECT_EQ(decision.hostRetryAt, kNow.addSecs(15 * 60)) << "unreadable: the back-off";
}

TEST(FetchPolicy, OtherErrorsBackOffDoublingUpToADay)
{
    EXPECT_EQ(backoff(1), std::chrono::minutes(15));
    EXPECT_EQ(backoff(2), std::chrono::minutes(30));
    EXPECT_EQ(backoff(5), std::chrono::minutes(240));
    EXPECT_EQ(backoff(40), std::chrono::hours(24));
    FetchState state;
    Answer missing;
    missing.status = 404;
    for (int i = 1; i <= 3; ++i) {
        state = decide(state, QStringLiteral("https://a.example/rss"), missing, kNow).state;
        EXPECT_EQ(state.failures, i);
    }
    EXPECT_EQ(state.nextAt, kNow.addSecs(60 * 60));
    EXPECT_EQ(state.error, QStringLiteral("the server has no feed at this address (404)"));
}

TEST(FetchPolicy, AnHtmlPageInsteadOfTheFeedChangesNothingButTheError)
{
    FetchState before;
    before.etag = QStringLiteral("\"v1\"");
    before.lastModified = QStringLiteral("Sun, 06 Dec 2026 10:00:00 GMT");
    before.movedTo = QStringLiteral("https://portal.example/login");
    Answer portal;
    portal.status = 200;
    portal.permanentTo = QStringLiteral("https://portal.example/login");
    portal.parseError = QStringLiteral("an HTML page, not a feed");
    const Decision decision = decide(before, QStringLiteral("https://a.example/rss"), portal, kNow);
    EXPECT_FALSE(decision.storeItems);
    EXPECT_TRUE(decision.newUrl.isEmpty());
    EXPECT_EQ(decision.state.etag, before.etag);
    EXPECT_EQ(decision.state.lastModified, before.lastModified);
    EXPECT_EQ(decision.state.failures, 1);
    EXPECT_TRUE(decision.state.error.contains(QStringLiteral("not a feed")));
}

TEST(FetchPolicy, APodcastsNewFeedUrlIsFollowed)
{
    Answer answer;
    answer.status = 200;
    answer.etag = QStringLiteral("\"x\"");
    answer.newFeedUrl = QStringLiteral("https://new-host.example/podcast.xml");
    const Decision decision = decide({}, QStringLiteral("https://old-host.example/podcast.xml"), answer, kNow);
    EXPECT_EQ(decision.newUrl, answer.newFeedUrl);
    EXPECT_TRUE(decision.state.etag.isEmpty()) << "the validators were the old address's";
    answer.newFeedUrl = QStringLiteral("javascript:alert(1)");
    EXPECT_TRUE(decide({}, QStringLiteral("https://old-host.example/podcast.xml"), answer, kNow).newUrl.isEmpty());
}

TEST_F(FeedStoreTest, AnItemIsNamedTheSameWhateverTheRestOfTheDocumentHolds)
{
    // One computer reads the feed while every GUID is there; the other later, after a post
    // without one arrived. The item both have must carry the same id (its state syncs by it).
    TempDir otherDir;
    auto other = bandmate::test::openTestDatabase(otherDir);
    ASSERT_TRUE(other);
    auto sameFeed = FeedRepository(*other).subscribe(QStringLiteral("https://salsadura.example/feed/"));
    ASSERT_TRUE(sameFeed);
    ASSERT_EQ(*sameFeed, feedId) << "the same address is the same feed on every computer";
    const FeedItem kept = post(QStringLiteral("kept"), QStringLiteral("Kept"), QStringLiteral("https://cdn.example/kept.mp3"),
                               QStringLiteral("https://salsadura.example/kept"));
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({kept}), kNow));
    const FeedItem noGuid = post({}, QStringLiteral("No GUID"), {}, QStringLiteral("https://salsadura.example/no-guid"));
    ASSERT_TRUE(FeedItemRepository(*other).store(feedId, feedOf({noGuid, kept}), kNow.addDays(1)));
    const QString here = shown().first().id;
    auto there = FeedItemRepository(*other).items({.search = QStringLiteral("Kept")});
    ASSERT_TRUE(there);
    ASSERT_EQ(there->size(), 1);
    EXPECT_EQ(there->first().id, here);
}

TEST_F(FeedStoreTest, PostsThatShareAFallbackKeyAreNeverMergedAndKeepTheirOwnState)
{
    // GUIDs and bodies only: no link, no date, no enclosure (their fallback keys are all alike).
    FeedItemRepository items(*db);
    const auto bare = [](const QString& guid) {
        FeedItem item;
        item.guid = guid;
        item.html = QStringLiteral("<p>") + guid + QStringLiteral("</p>");
        return item;
    };
    ASSERT_TRUE(items.store(feedId, feedOf({bare(QStringLiteral("g1")), bare(QStringLiteral("g2"))}), kNow));
    auto first = shown();
    ASSERT_EQ(first.size(), 2);
    const QString g1 = first.at(0).guid == QLatin1String("g1") ? first.at(0).id : first.at(1).id;
    ASSERT_TRUE(items.setStarred(g1, true));
    auto next = items.store(feedId, feedOf({bare(QStringLiteral("g3")), bare(QStringLiteral("g1")), bare(QStringLiteral("g2"))}), kNow.addSecs(3600));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->newItems, 1);
    auto all = shown();
    ASSERT_EQ(all.size(), 3);
    for (const ItemView& item : std::as_const(all)) {
        EXPECT_EQ(item.starred, item.guid == QLatin1String("g1")) << item.guid.toStdString();
    }
}

TEST_F(FeedStoreTest, AFeedFollowedAgainAfterItsRemovalComesBackAsItself)
{
    FeedRepository feeds(*db);
    ASSERT_TRUE(feeds.rename(feedId, QStringLiteral("Old name")));
    ASSERT_TRUE(feeds.remove(feedId, false));
    auto again = feeds.subscribe(QStringLiteral("https://salsadura.example/feed/"));
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_EQ(*again, feedId);
    auto revived = feeds.feed(feedId);
    ASSERT_TRUE(revived) << revived.error().toString();
    EXPECT_TRUE(revived->name.isEmpty());
    // The same folder name on two computers is one folder too.
    TempDir otherDir;
    auto other = bandmate::test::openTestDatabase(otherDir);
    ASSERT_TRUE(other);
    EXPECT_EQ(*feeds.folder(QStringLiteral("Blogs")), *FeedRepository(*other).folder(QStringLiteral(" Blogs ")));
    // A folder renamed keeps its id; a new folder of the old name gets one of its own.
    const QString blogs = *feeds.folder(QStringLiteral("Blogs"));
    ASSERT_TRUE(feeds.renameFolder(blogs, QStringLiteral("Music blogs")));
    auto newBlogs = feeds.folder(QStringLiteral("Blogs"));
    ASSERT_TRUE(newBlogs);
    EXPECT_NE(*newBlogs, blogs);
    EXPECT_EQ(feeds.folders()->size(), 2);
}

TEST_F(FeedStoreTest, AFeedRemovedWhileItsDocumentWasOnTheWayTakesNothingIn)
{
    ASSERT_TRUE(FeedRepository(*db).remove(feedId, true));
    auto stored = FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("late"), QStringLiteral("Late"))}), kNow);
    ASSERT_FALSE(stored);
    EXPECT_EQ(stored.error().code, ErrorCode::NotFound);
    Decision decision;
    decision.state.etag = QStringLiteral("\"x\"");
    decision.newUrl = QStringLiteral("https://elsewhere.example/rss");
    ASSERT_TRUE(FeedRepository(*db).recordFetch(feedId, decision));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_item")), 0);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_fetch")), 0);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed WHERE url = 'https://elsewhere.example/rss'")), 0);
}

TEST(FetchPolicy, RetryAfterNeverHoldsAHostForMoreThanADay)
{
    EXPECT_EQ(retryAfter(QStringLiteral("Fri, 31 Dec 9999 23:59:59 GMT"), kNow), kNow.addSecs(24 * 3600));
    EXPECT_EQ(retryAfter(QStringLiteral("99999999"), kNow), kNow.addSecs(24 * 3600));
    EXPECT_FALSE(retryAfter(QStringLiteral("Sun, 06 Dec 2026 10:00:00 GMT"), kNow).isValid()) << "in the past";
    EXPECT_FALSE(retryAfter(QStringLiteral("-5"), kNow).isValid());
    EXPECT_FALSE(retryAfter(QStringLiteral("0"), kNow).isValid());
}

TEST(FetchPolicy, AGoneAnswerThroughATemporaryRedirectIsNotTheFeedGone)
{
    Answer gone;
    gone.status = 410;
    gone.temporaryRedirect = true;
    const Decision decision = decide({}, QStringLiteral("https://a.example/rss"), gone, kNow);
    EXPECT_FALSE(decision.state.gone);
    EXPECT_EQ(decision.state.failures, 1);
    // And a feed asked by hand that answers again is no longer gone.
    FetchState stopped;
    stopped.gone = true;
    Answer back;
    back.status = 200;
    EXPECT_FALSE(decide(stopped, QStringLiteral("https://a.example/rss"), back, kNow).state.gone);
}

// Downloads (this computer's files of feed songs): named from the feed, the cleanup rule, and a
// download that becomes the library song's file.

namespace {

/// A file of `bytes` at `path` (folders made), as a finished download leaves it.
void writeFile(const QString& path, qint64 bytes)
{
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(bytes, 'x'));
}

/// Song 0 of `itemId` queued into `folder` and done: its file written. The download.
Download downloaded(Database& db, const QString& itemId, const QString& folder, const QDateTime& at)
{
    FeedDownloads downloads(db);
    auto queued = downloads.queue(itemId, 0, at, folder);
    EXPECT_TRUE(queued) << queued.error().toString();
    if (!queued) {
        return {};
    }
    writeFile(queued->path, 1000);
    EXPECT_TRUE(*downloads.finished(itemId, queued->url, queued->path, 1000, at));
    return downloads.find(itemId, queued->url)->value_or(Download{});
}

}  // namespace

TEST_F(FeedStoreTest, ADownloadIsNamedFromItsFeedAndPostAndNeverTakesAnotherFilesName)
{
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("a"), QStringLiteral("Oye: Cómo Va?"), QStringLiteral("https://cdn.example/ep1.mp3")),
                                                              post(QStringLiteral("b"), QStringLiteral("Oye: Cómo Va?"), QStringLiteral("https://cdn.example/ep2")),
                                                              post(QStringLiteral("c"), QStringLiteral("Celia Cruz – Quimbara"))}),
                                              kNow));
    ASSERT_TRUE(FeedRepository(*db).rename(feedId, QStringLiteral("Salsa/Dura: Blog")));
    const QList<ItemView> items = shown();
    ASSERT_EQ(items.size(), 3);
    const auto byGuid = [&items](const char* guid) {
        return *std::find_if(items.begin(), items.end(), [guid](const ItemView& item) { return item.guid == QLatin1String(guid); });
    };
    FeedDownloads downloads(*db);
    const QString folder = dir.path() + QStringLiteral("/Downloads");
    auto first = downloads.queue(byGuid("a").id, 0, kNow, folder);
    ASSERT_TRUE(first) << first.error().toString();
    // The feed's name, the post's date, the song's artist and title ("Artist: Title" read as
    // such), with what file systems refuse taken out.
    EXPECT_EQ(first->path, folder + QStringLiteral("/Salsa Dura- Blog/2026-12-06 Oye - Cómo Va.mp3"));
    EXPECT_EQ(first->state, Download::State::Queued);
    // The same title again: its own name. A link without a suffix waits for the answer's type.
    auto second = downloads.queue(byGuid("b").id, 0, kNow, folder);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->path, folder + QStringLiteral("/Salsa Dura- Blog/2026-12-06 Oye - Cómo Va"));
    writeFile(first->path, 10);
    auto third = FeedDownloads(*db).queue(byGuid("a").id, 0, kNow, folder);  // queued already: as it is
    ASSERT_TRUE(third);
    EXPECT_EQ(third->path, first->path);
    // A post with only a title has nothing to download, and says so.
    auto none = downloads.queue(byGuid("c").id, 0, kNow, folder);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(none.error().message.find("title only"), std::string::npos);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM feed_download")), 2);
    EXPECT_EQ(FeedDownloads::safeName(QStringLiteral("..\\../etc/passwd")), QStringLiteral("etc passwd"));
    EXPECT_EQ(FeedDownloads::safeName(QStringLiteral(" . ")), QStringLiteral("Untitled"));
    EXPECT_EQ(FeedDownloads::safeName(QStringLiteral("nul.mp3")), QStringLiteral("_nul.mp3"));
    EXPECT_LE(FeedDownloads::safeName(QString(200, QChar(0x97F3))).toUtf8().size(), 150);  // 音: 3 bytes each
    EXPECT_EQ(FeedDownloads::audioSuffix(QStringLiteral("https://x.example/a?b=c.mp3"), QStringLiteral("audio/x-m4a; charset=binary")), QStringLiteral(".m4a"));
}

TEST_F(FeedStoreTest, PlayedDownloadsGoAfterTheirDaysButStarredOnesAndTheLibrarysStay)
{
    QList<FeedItem> posts;
    for (int i = 0; i < 5; ++i) {
        posts.append(post(QStringLiteral("g%1").arg(i), QStringLiteral("Episode %1").arg(i), QStringLiteral("https://cdn.example/e%1.mp3").arg(i)));
    }
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf(posts), kNow));
    QHash<QString, QString> ids;
    for (const ItemView& item : shown()) {
        ids.insert(item.guid, item.id);
    }
    const QString folder = dir.path() + QStringLiteral("/Downloads");
    QHash<QString, Download> files;
    for (const QString& guid : ids.keys()) {
        files.insert(guid, downloaded(*db, ids.value(guid), folder, kNow));
    }
    FeedItemRepository items(*db);
    FeedDownloads downloads(*db);
    ASSERT_TRUE(downloads.setSettings({QString(), 7}));
    // g0 played, g1 played and starred, g2 played and taken into the library, g3 not played,
    // g4 removed by the musician.
    for (const char* guid : {"g0", "g1", "g2"}) {
        ASSERT_TRUE(items.setPlayed(ids.value(QLatin1String(guid)), true));
    }
    ASSERT_TRUE(items.setStarred(ids.value(QStringLiteral("g1")), true));
    ASSERT_TRUE(items.addToLibrary(ids.value(QStringLiteral("g2")), 0));
    ASSERT_TRUE(items.remove({ids.value(QStringLiteral("g4"))}));

    // The first cleanup sees the plays: the count of days starts; only the removed post's file goes.
    auto first = downloads.cleanup(kNow);
    ASSERT_TRUE(first) << first.error().toString();
    EXPECT_EQ(first->removed, 1);
    EXPECT_FALSE(QFileInfo::exists(files.value(QStringLiteral("g4")).path));
    // Six days later nothing more; eight days later the played one, and only it.
    ASSERT_EQ(downloads.cleanup(kNow.addDays(6))->removed, 0);
    auto later = downloads.cleanup(kNow.addDays(8));
    ASSERT_TRUE(later);
    EXPECT_EQ(later->removed, 1);
    EXPECT_EQ(later->bytes, 1000);
    EXPECT_FALSE(QFileInfo::exists(files.value(QStringLiteral("g0")).path));
    for (const char* guid : {"g1", "g2", "g3"}) {
        EXPECT_TRUE(QFileInfo::exists(files.value(QLatin1String(guid)).path)) << guid;
    }
    // A post unstarred is counted from its play as seen here, long past: it goes now.
    ASSERT_TRUE(items.setStarred(ids.value(QStringLiteral("g1")), false));
    EXPECT_EQ(downloads.cleanup(kNow.addDays(9))->removed, 1);
    // Marked unplayed and played again: the count starts again.
    ASSERT_TRUE(items.setPlayed(ids.value(QStringLiteral("g3")), true));
    ASSERT_EQ(downloads.cleanup(kNow.addDays(10))->removed, 0);
    ASSERT_TRUE(items.setPlayed(ids.value(QStringLiteral("g3")), false));
    ASSERT_EQ(downloads.cleanup(kNow.addDays(16))->removed, 0);
    ASSERT_TRUE(items.setPlayed(ids.value(QStringLiteral("g3")), true));
    ASSERT_EQ(downloads.cleanup(kNow.addDays(17))->removed, 0);
    EXPECT_EQ(downloads.cleanup(kNow.addDays(25))->removed, 1);
    // The library's file stays whatever the days, and 0 days keeps everything.
    EXPECT_TRUE(QFileInfo::exists(files.value(QStringLiteral("g2")).path));
    ASSERT_TRUE(downloads.setSettings({QString(), 0}));
    EXPECT_EQ(downloads.cleanup(kNow.addYears(5))->removed, 0);
    EXPECT_FALSE(downloads.setSettings({QString(), -1}));
    EXPECT_FALSE(downloads.setSettings({QStringLiteral("relative/folder"), 7}));
}

TEST_F(FeedStoreTest, ADownloadedSongComesIntoTheLibraryWithItsFileAndItIsKept)
{
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("a"), QStringLiteral("Celia Cruz – Quimbara"), QStringLiteral("https://cdn.example/q.mp3"))}),
                                              kNow));
    const ItemView item = shown().value(0);
    const Download file = downloaded(*db, item.id, dir.path() + QStringLiteral("/Downloads"), kNow);
    ASSERT_EQ(FeedItemRepository(*db).item(item.id)->songs.value(0).file, file.path);
    auto song = FeedItemRepository(*db).addToLibrary(item.id, 0);
    ASSERT_TRUE(song) << song.error().toString();
    auto files = library::MediaFileRepository(*db).ofSong(*song);
    ASSERT_TRUE(files);
    ASSERT_EQ(files->size(), 1);
    EXPECT_EQ(files->first().path, file.path);
    EXPECT_EQ(files->first().size, 1000);
    EXPECT_TRUE((*FeedDownloads(*db).find(item.id, file.url))->kept);
    // Added again: the same song, still one file.
    ASSERT_EQ(*FeedItemRepository(*db).addToLibrary(item.id, 0), *song);
    EXPECT_EQ(library::MediaFileRepository(*db).ofSong(*song)->size(), 1);
    // Removing the download forgets it; the library's file stays.
    ASSERT_TRUE(FeedDownloads(*db).remove(item.id, file.url));
    EXPECT_TRUE(QFileInfo::exists(file.path));
}

TEST_F(FeedStoreTest, RemovingADownloadNeverTakesAFileTheLibraryOrAnotherDownloadHas)
{
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("a"), QStringLiteral("Take one"), QStringLiteral("https://cdn.example/a.mp3")),
                                                              post(QStringLiteral("b"), QStringLiteral("Take two"), QStringLiteral("https://cdn.example/b.mp3")),
                                                              post(QStringLiteral("c"), QStringLiteral("Take three"), QStringLiteral("https://cdn.example/c.mp3"))}),
                                              kNow));
    QHash<QString, QString> ids;
    for (const ItemView& item : shown()) {
        ids.insert(item.guid, item.id);
    }
    const QString folder = dir.path() + QStringLiteral("/Downloads");
    FeedDownloads downloads(*db);
    // A download on its way holds only a name: removing it takes its ".part", never a file that
    // stands at that name (here one the library has).
    auto queued = downloads.queue(ids.value(QStringLiteral("a")), 0, kNow, folder);
    ASSERT_TRUE(queued);
    writeFile(queued->path + QStringLiteral(".part"), 10);
    writeFile(queued->path, 20);
    library::MediaFile libraryFile;
    libraryFile.path = queued->path;
    ASSERT_TRUE(library::MediaFileRepository(*db).save(libraryFile));
    ASSERT_TRUE(downloads.remove(ids.value(QStringLiteral("a")), queued->url));
    EXPECT_FALSE(QFileInfo::exists(queued->path + QStringLiteral(".part")));
    EXPECT_TRUE(QFileInfo::exists(queued->path));
    // A download done whose file the library has (by its path, without the kept mark) is spared
    // by Remove and by the cleanup.
    const Download done = downloaded(*db, ids.value(QStringLiteral("b")), folder, kNow);
    library::MediaFile scanned;
    scanned.path = done.path;
    ASSERT_TRUE(library::MediaFileRepository(*db).save(scanned));
    ASSERT_TRUE(FeedItemRepository(*db).remove({ids.value(QStringLiteral("b"))}));
    auto cleaned = downloads.cleanup(kNow.addYears(1));
    ASSERT_TRUE(cleaned);
    EXPECT_EQ(cleaned->removed, 0);
    EXPECT_TRUE(QFileInfo::exists(done.path));
    ASSERT_TRUE(downloads.remove(ids.value(QStringLiteral("b")), done.url));
    EXPECT_TRUE(QFileInfo::exists(done.path));
    // Names are claimed without case: another download's name in capitals is taken.
    ASSERT_TRUE(downloads.queue(ids.value(QStringLiteral("a")), 0, kNow, folder));
    auto again = downloads.find(ids.value(QStringLiteral("a")), queued->url);
    ASSERT_TRUE(again && *again);
    EXPECT_NE((*again)->path, queued->path);  // a file stands at the first name
    const QString shouted = (*again)->path.toUpper();
    ASSERT_TRUE(downloads.queue(ids.value(QStringLiteral("c")), 0, kNow, folder));
    auto claimed = downloads.claimPath(ids.value(QStringLiteral("c")), QStringLiteral("https://cdn.example/c.mp3"), shouted);
    ASSERT_TRUE(claimed) << claimed.error().toString();
    EXPECT_NE(*claimed, shouted);
    EXPECT_FALSE(downloads.claimPath(ids.value(QStringLiteral("b")), done.url, QStringLiteral("/tmp/x.mp3"))) << "b's row went with Remove";
}

TEST(FetchPolicy, HttpAndHttpsOfOneSiteAreOneServerAndOtherPortsAreTheirOwn)
{
    EXPECT_EQ(hostKey(QStringLiteral("http://Blog.Example/feed")), QStringLiteral("blog.example"));
    EXPECT_EQ(hostKey(QStringLiteral("https://blog.example:443/feed")), QStringLiteral("blog.example"));
    EXPECT_EQ(hostKey(QStringLiteral("http://blog.example:80/x")), QStringLiteral("blog.example"));
    EXPECT_EQ(hostKey(QStringLiteral("http://127.0.0.1:8080/feed")), QStringLiteral("127.0.0.1:8080"));
    EXPECT_EQ(hostKey(QStringLiteral("https://blog.example:80/x")), QStringLiteral("blog.example:80"));
}

TEST_F(FeedStoreTest, AFailedDownloadAskedForAgainKeepsItsNameAndWhatItFetchedAndALinkedLibraryFileStays)
{
    ASSERT_TRUE(FeedItemRepository(*db).store(feedId, feedOf({post(QStringLiteral("a"), QStringLiteral("Take one"), QStringLiteral("https://cdn.example/a.mp3"))}), kNow));
    const QString itemId = shown().value(0).id;
    const QString folder = dir.path() + QStringLiteral("/Downloads");
    FeedDownloads downloads(*db);
    auto first = downloads.queue(itemId, 0, kNow, folder);
    ASSERT_TRUE(first);
    writeFile(first->path + QStringLiteral(".part"), 500);
    ASSERT_TRUE(downloads.setValidator(itemId, first->url, QStringLiteral("\"v1\"")));
    ASSERT_TRUE(downloads.markWhole(itemId, first->url, 500));
    ASSERT_TRUE(downloads.failed(itemId, first->url, QStringLiteral("the connection timed out")));
    EXPECT_EQ((*downloads.find(itemId, first->url))->bytes, 0) << "a failed download has no whole file to be found by";
    auto again = downloads.queue(itemId, 0, kNow.addSecs(60), folder);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->state, Download::State::Queued);
    EXPECT_EQ(again->path, first->path);
    EXPECT_EQ(again->validator, QStringLiteral("\"v1\""));
    EXPECT_TRUE(QFileInfo::exists(first->path + QStringLiteral(".part")));

    // Done, and the library scanned it through a link to the folder: the cleanup keeps the file
    // (and marks it the library's), even for a post removed.
    writeFile(first->path, 1000);
    ASSERT_TRUE(*downloads.finished(itemId, first->url, first->path, 1000, kNow));
    const QString link = dir.path() + QStringLiteral("/Linked");
    ASSERT_TRUE(QFile::link(folder, link));
    library::MediaFile scanned;
    scanned.path = link + first->path.mid(folder.size());
    ASSERT_TRUE(library::MediaFileRepository(*db).save(scanned));
    ASSERT_TRUE(FeedItemRepository(*db).remove({itemId}));
    auto cleaned = downloads.cleanup(kNow.addDays(1));
    ASSERT_TRUE(cleaned);
    EXPECT_EQ(cleaned->removed, 0);
    EXPECT_TRUE(QFileInfo::exists(first->path));
    EXPECT_TRUE((*downloads.find(itemId, first->url))->kept);
}

