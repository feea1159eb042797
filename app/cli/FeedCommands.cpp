#include "app/cli/FeedCommands.h"

#include "audio/library/TagWriter.h"
#include "core/feeds/FeedDownloads.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "core/feeds/Opml.h"
#include "core/storage/Database.h"
#include "sync/feeds/DownloadQueue.h"
#include "sync/feeds/FeedRefresh.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace bandmate::app {

using core::ErrorCode;
namespace feeds = core::feeds;

namespace {

QString isoOrEmpty(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

/// The followed feed named by its id, its address or its name.
core::Result<feeds::Subscription> findFeed(core::Database& db, const QString& given)
{
    auto all = feeds::FeedRepository(db).feeds();
    if (!all) {
        return std::unexpected(all.error());
    }
    QList<feeds::Subscription> byName;
    for (const feeds::Subscription& feed : std::as_const(*all)) {
        if (feed.id == given || feed.url == given) {
            return feed;
        }
        if (feed.displayName().compare(given, Qt::CaseInsensitive) == 0) {
            byName.append(feed);
        }
    }
    if (byName.size() == 1) {
        return byName.first();
    }
    if (byName.size() > 1) {
        return core::fail(ErrorCode::InvalidArgument, "more than one feed has that name; give its id (feeds list)", given.toStdString());
    }
    return core::fail(ErrorCode::NotFound, "no feed followed with that id, address or name (feeds list)", given.toStdString());
}

QJsonObject reportJson(const sync::RefreshReport& report)
{
    QJsonArray errors;
    for (const auto& error : report.errors) {
        errors.append(QJsonObject{{QStringLiteral("feed"), error.feed}, {QStringLiteral("feed_id"), error.feedId}, {QStringLiteral("message"), error.message}});
    }
    return {{QStringLiteral("feeds"), report.feeds},
            {QStringLiteral("new_items"), report.newItems},
            {QStringLiteral("not_modified"), report.notModified},
            {QStringLiteral("parsed"), report.parsed},
            {QStringLiteral("waiting"), report.waiting},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("notices"), QJsonArray::fromStringList(report.notices)}};
}

void printReport(const sync::RefreshReport& report)
{
    printOut(QStringLiteral("%1 feeds asked: %2 new items, %3 not changed%4\n")
                 .arg(report.feeds)
                 .arg(report.newItems)
                 .arg(report.notModified)
                 .arg(report.waiting > 0 ? QStringLiteral(", %1 waiting for their server").arg(report.waiting) : QString()));
    for (const QString& notice : report.notices) {
        printOut(QStringLiteral("  note: %1\n").arg(notice));
    }
    for (const auto& error : report.errors) {
        printErr(QStringLiteral("  %1: %2\n").arg(error.feed, error.message));
    }
}

int add(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "feeds add takes one address: the feed's, or a web page that names it", "feeds add"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    feeds::FeedRepository repository(**db);
    QString folderId;
    if (options.values.contains(QStringLiteral("--folder"))) {
        auto folder = repository.folder(options.values.value(QStringLiteral("--folder")));
        if (!folder) {
            return reportError(folder.error());
        }
        folderId = *folder;
    }
    QString id;
    sync::RefreshReport report;
    if (options.flags.contains(QStringLiteral("--no-check"))) {
        auto added = repository.subscribe(options.words.first(), folderId);
        if (!added) {
            return reportError(added.error());
        }
        id = *added;
        if (const QString name = options.values.value(QStringLiteral("--name")); !name.isEmpty()) {
            if (auto renamed = repository.rename(id, name); !renamed) {
                return reportError(renamed.error());
            }
        }
    } else {
        sync::FeedRefresh refresh(**db);
        auto followed = refresh.follow(options.words.first(), folderId, options.values.value(QStringLiteral("--name")));
        if (!followed) {
            return reportError(followed.error());
        }
        id = followed->id;
        report = followed->report;
    }
    auto feed = repository.feed(id);
    if (!feed) {
        return reportError(feed.error());
    }
    if (args.json) {
        QJsonObject out = reportJson(report);
        out.insert(QStringLiteral("id"), id);
        out.insert(QStringLiteral("url"), feed->url);
        out.insert(QStringLiteral("title"), feed->displayName());
        printJson(out);
    } else {
        printOut(QStringLiteral("following %1 (%2): %3 items\n").arg(feed->displayName(), feed->url).arg(report.newItems));
        for (const auto& error : report.errors) {
            printErr(QStringLiteral("  %1: %2\n").arg(error.feed, error.message));
        }
    }
    return kExitOk;
}

int list(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    feeds::FeedRepository repository(**db);
    auto all = repository.feeds();
    auto folders = repository.folders();
    if (!all || !folders) {
        return reportError(!all ? all.error() : folders.error());
    }
    QHash<QString, QString> folderNames;
    for (const feeds::FeedFolder& folder : std::as_const(*folders)) {
        folderNames.insert(folder.id, folder.name);
    }
    if (args.json) {
        QJsonArray out;
        for (const feeds::Subscription& feed : std::as_const(*all)) {
            out.append(QJsonObject{{QStringLiteral("id"), feed.id},
                                   {QStringLiteral("url"), feed.url},
                                   {QStringLiteral("name"), feed.displayName()},
                                   {QStringLiteral("title"), feed.title},
                                   {QStringLiteral("site"), feed.siteUrl},
                                   {QStringLiteral("folder"), folderNames.value(feed.folderId)},
                                   {QStringLiteral("paused"), feed.paused},
                                   {QStringLiteral("gone"), feed.fetch.gone},
                                   {QStringLiteral("items"), feed.items},
                                   {QStringLiteral("new"), feed.newItems},
                                   {QStringLiteral("error"), feed.fetch.error},
                                   {QStringLiteral("notice"), feed.fetch.notice},
                                   {QStringLiteral("checked_at"), isoOrEmpty(feed.fetch.checkedAt)},
                                   {QStringLiteral("next_check"), isoOrEmpty(feed.fetch.nextAt)}});
        }
        printJson(out);
        return kExitOk;
    }
    QString folder = QStringLiteral("\x01");
    for (const feeds::Subscription& feed : std::as_const(*all)) {
        if (folderNames.value(feed.folderId) != folder) {
            folder = folderNames.value(feed.folderId);
            printOut(folder.isEmpty() ? QString() : QStringLiteral("%1/\n").arg(folder));
        }
        QString state = QStringLiteral("%1 items, %2 new").arg(feed.items).arg(feed.newItems);
        if (feed.paused) {
            state += QStringLiteral(", paused");
        }
        if (!feed.fetch.error.isEmpty()) {
            state += QStringLiteral(", %1").arg(feed.fetch.error);
            if (feed.fetch.nextAt.isValid() && !feed.fetch.gone) {
                state += QStringLiteral("; tries again %1").arg(feed.fetch.nextAt.toLocalTime().toString(QStringLiteral("ddd HH:mm")));
            }
        }
        printOut(QStringLiteral("  %1  %2  (%3)\n    %4\n").arg(feed.id, feed.displayName(), state, feed.url));
    }
    return kExitOk;
}

int refresh(const CliArgs& args, const CommandOptions& options)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    QStringList only;
    for (const QString& given : options.words) {
        auto feed = findFeed(**db, given);
        if (!feed) {
            return reportError(feed.error());
        }
        only.append(feed->id);
    }
    sync::FeedRefresh refresh(**db);
    const sync::RefreshReport report = refresh.run(!options.flags.contains(QStringLiteral("--due")), only);
    if (args.json) {
        printJson(reportJson(report));
    } else {
        printReport(report);
    }
    return kExitOk;
}

int items(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() > 1) {
        return reportError({ErrorCode::InvalidArgument, "feeds items takes at most one feed", "feeds items"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    feeds::ItemFilter filter;
    if (!options.words.isEmpty()) {
        auto feed = findFeed(**db, options.words.first());
        if (!feed) {
            return reportError(feed.error());
        }
        filter.feedId = feed->id;
    }
    filter.onlyNew = options.flags.contains(QStringLiteral("--new"));
    filter.onlyStarred = options.flags.contains(QStringLiteral("--starred"));
    filter.search = options.values.value(QStringLiteral("--search"));
    if (options.values.contains(QStringLiteral("--limit"))) {
        bool ok = false;
        filter.limit = options.values.value(QStringLiteral("--limit")).toInt(&ok);
        if (!ok || filter.limit < 1) {
            return reportError({ErrorCode::InvalidArgument, "expected a whole number from 1", "--limit"});
        }
    }
    auto found = feeds::FeedItemRepository(**db).items(filter);
    if (!found) {
        core::Error error = found.error();
        if (error.code == ErrorCode::InvalidArgument) {
            error.where = "--search, " + error.where;
        }
        return reportError(error);
    }
    if (args.json) {
        QJsonArray out;
        for (const feeds::ItemView& item : std::as_const(*found)) {
            QJsonArray songs;
            for (const feeds::ItemSong& song : item.songs) {
                songs.append(QJsonObject{{QStringLiteral("artist"), song.artist},
                                         {QStringLiteral("title"), song.title},
                                         {QStringLiteral("url"), song.url},
                                         {QStringLiteral("source"), QString::fromLatin1(feeds::sourceName(song.source))},
                                         {QStringLiteral("owned"), song.owned}});
            }
            out.append(QJsonObject{{QStringLiteral("id"), item.id},
                                   {QStringLiteral("feed"), item.feedName},
                                   {QStringLiteral("feed_id"), item.feedId},
                                   {QStringLiteral("guid"), item.guid},
                                   {QStringLiteral("title"), item.title},
                                   {QStringLiteral("link"), item.link},
                                   {QStringLiteral("published"), isoOrEmpty(item.published)},
                                   {QStringLiteral("new"), item.isNew},
                                   {QStringLiteral("played"), item.played},
                                   {QStringLiteral("starred"), item.starred},
                                   {QStringLiteral("songs"), songs}});
        }
        printJson(out);
        return kExitOk;
    }
    for (const feeds::ItemView& item : std::as_const(*found)) {
        printOut(QStringLiteral("%1 %2  %3 · %4\n")
                     .arg(item.isNew ? QStringLiteral("•") : QStringLiteral(" "),
                          item.published.isValid() ? item.published.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : QStringLiteral("          "),
                          item.title, item.feedName));
        for (const feeds::ItemSong& song : item.songs) {
            printOut(QStringLiteral("      ♪ %1%2%3\n")
                         .arg(song.artist.isEmpty() ? song.title : song.artist + QStringLiteral(" – ") + song.title,
                              song.url.isEmpty() ? QString() : QStringLiteral("  ") + song.url, song.owned ? QStringLiteral("  (in your library)") : QString()));
        }
    }
    return kExitOk;
}

int ranking(const CliArgs& args, const CommandOptions& options)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    int least = 2;
    if (options.values.contains(QStringLiteral("--min-feeds"))) {
        bool ok = false;
        least = options.values.value(QStringLiteral("--min-feeds")).toInt(&ok);
        if (!ok || least < 1) {
            return reportError({ErrorCode::InvalidArgument, "expected a whole number from 1", "--min-feeds"});
        }
    }
    auto ranked = feeds::FeedItemRepository(**db).ranking(least, 100);
    if (!ranked) {
        return reportError(ranked.error());
    }
    QJsonArray out;
    for (const feeds::RankedSong& song : std::as_const(*ranked)) {
        if (args.json) {
            out.append(QJsonObject{{QStringLiteral("artist"), song.artist},
                                   {QStringLiteral("title"), song.title},
                                   {QStringLiteral("feeds"), song.feeds},
                                   {QStringLiteral("feed_names"), QJsonArray::fromStringList(song.feedNames)},
                                   {QStringLiteral("url"), song.url},
                                   {QStringLiteral("owned"), song.owned}});
        } else {
            printOut(QStringLiteral("%1  %2 – %3%4\n      posted by %5\n")
                         .arg(song.feeds, 3)
                         .arg(song.artist, song.title, song.owned ? QStringLiteral("  (in your library)") : QString(), song.feedNames.join(QStringLiteral(", "))));
        }
    }
    if (args.json) {
        printJson(out);
    }
    return kExitOk;
}

/// The song `--song N` names in item `itemId` (1 = the first), else its first that can be
/// downloaded (or, with `anySong`, its first); as an index.
core::Result<int> pickSong(core::Database& db, const QString& itemId, const CommandOptions& options, bool anySong)
{
    auto item = feeds::FeedItemRepository(db).item(itemId);
    if (!item) {
        return std::unexpected(item.error());
    }
    if (options.values.contains(QStringLiteral("--song"))) {
        bool ok = false;
        const int song = options.values.value(QStringLiteral("--song")).toInt(&ok);
        if (!ok || song < 1 || song > item->songs.size()) {
            return core::fail(ErrorCode::InvalidArgument, "expected a song of the post, 1 to " + std::to_string(item->songs.size()), "--song");
        }
        return song - 1;
    }
    for (qsizetype i = 0; i < item->songs.size(); ++i) {
        if (anySong || feeds::FeedDownloads::downloadable(item->songs.at(i))) {
            return static_cast<int>(i);
        }
    }
    return core::fail(ErrorCode::InvalidArgument, anySong ? "the post has no song" : "the post has no song to download (a file, not a player)",
                      itemId.toStdString());
}

QJsonObject downloadJson(const feeds::Download& download)
{
    const char* state = download.state == feeds::Download::State::Done ? "done" : download.state == feeds::Download::State::Failed ? "failed" : "queued";
    return {{QStringLiteral("item_id"), download.itemId},
            {QStringLiteral("url"), download.url},
            {QStringLiteral("state"), QString::fromLatin1(state)},
            {QStringLiteral("path"), download.path},
            {QStringLiteral("bytes"), download.bytes},
            {QStringLiteral("error"), download.error},
            {QStringLiteral("feed"), download.feedName},
            {QStringLiteral("post"), download.itemTitle},
            {QStringLiteral("kept"), download.kept}};
}

int download(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "feeds download takes the ids of posts (feeds items --json names them)", "feeds download"});
    }
    if (options.words.size() > 1 && options.values.contains(QStringLiteral("--song"))) {
        return reportError({ErrorCode::InvalidArgument, "--song goes with one post", "--song"});
    }
    const QString folder = options.values.value(QStringLiteral("--to"));
    if (options.values.contains(QStringLiteral("--to")) && folder.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "expected a folder", "--to"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    sync::DownloadQueue queue(**db, [](const QString& path, const feeds::DownloadTags& tags) { return audio::writeTags(path, tags); });
    QList<std::pair<QString, QString>> asked;  // (item, url)
    for (const QString& itemId : options.words) {
        auto song = pickSong(**db, itemId, options, false);
        if (!song) {
            return reportError(song.error());
        }
        auto queued = queue.add(itemId, *song, folder.isEmpty() ? QString() : QDir(folder).absolutePath());
        if (!queued) {
            return reportError(queued.error());
        }
        asked.append({itemId, queued->url});
    }
    QStringList failures;
    QObject::connect(&queue, &sync::DownloadQueue::finished, [&](const QString&, const QString& url, const QString& error) {
        if (!error.isEmpty()) {
            failures.append(url + QStringLiteral(": ") + error);
        }
    });
    if (queue.isBusy()) {
        QEventLoop loop;
        QObject::connect(&queue, &sync::DownloadQueue::idle, &loop, &QEventLoop::quit);
        loop.exec();
    }
    feeds::FeedDownloads downloads(**db);
    QJsonArray out;
    for (const auto& [itemId, url] : asked) {
        auto found = downloads.find(itemId, url);
        if (!found) {
            return reportError(found.error());
        }
        if (!*found) {
            continue;
        }
        if (args.json) {
            out.append(downloadJson(**found));
        } else if ((*found)->state == feeds::Download::State::Done) {
            printOut(QStringLiteral("%1 (%2 MB)\n").arg(QDir::toNativeSeparators((*found)->path)).arg((*found)->bytes / 1e6, 0, 'f', 1));
        }
    }
    if (args.json) {
        printJson(out);
    }
    for (const QString& failure : std::as_const(failures)) {
        printErr(failure + QLatin1Char('\n'));
    }
    return failures.isEmpty() ? kExitOk : kExitFailure;
}

int downloadsCommand(const CliArgs& args, const CommandOptions& options)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    feeds::FeedDownloads downloads(**db);
    if (options.values.contains(QStringLiteral("--folder")) || options.values.contains(QStringLiteral("--keep-days"))) {
        auto settings = downloads.settings();
        if (!settings) {
            return reportError(settings.error());
        }
        if (options.values.contains(QStringLiteral("--folder"))) {
            const QString folder = options.values.value(QStringLiteral("--folder"));
            settings->folder = folder.isEmpty() ? QString() : QDir(folder).absolutePath();
        }
        if (options.values.contains(QStringLiteral("--keep-days"))) {
            bool ok = false;
            settings->keepDays = options.values.value(QStringLiteral("--keep-days")).toInt(&ok);
            if (!ok) {
                return reportError({ErrorCode::InvalidArgument, "expected a whole number of days (0: never remove)", "--keep-days"});
            }
        }
        if (auto saved = downloads.setSettings(*settings); !saved) {
            core::Error error = saved.error();
            error.code = ErrorCode::InvalidArgument;
            error.where = error.where == "keep_days" ? "--keep-days" : "--folder, " + error.where;
            return reportError(error);
        }
    }
    auto all = downloads.list();
    auto settings = downloads.settings();
    auto folder = downloads.folder();
    if (!all || !settings || !folder) {
        return reportError(!all ? all.error() : !settings ? settings.error() : folder.error());
    }
    if (args.json) {
        QJsonArray list;
        for (const feeds::Download& download : std::as_const(*all)) {
            list.append(downloadJson(download));
        }
        printJson(QJsonObject{{QStringLiteral("folder"), *folder}, {QStringLiteral("keep_days"), settings->keepDays}, {QStringLiteral("downloads"), list}});
        return kExitOk;
    }
    printOut(QStringLiteral("Downloads go to %1; played ones are removed %2\n")
                 .arg(QDir::toNativeSeparators(*folder),
                      settings->keepDays == 0 ? QStringLiteral("never") : QStringLiteral("after %1 days (starred posts' stay)").arg(settings->keepDays)));
    for (const feeds::Download& download : std::as_const(*all)) {
        const QString what = download.artist.isEmpty() ? (download.title.isEmpty() ? download.itemTitle : download.title)
                                                       : download.artist + QStringLiteral(" – ") + download.title;
        const QString state = download.state == feeds::Download::State::Done
                                  ? QDir::toNativeSeparators(download.path) + (download.kept ? QStringLiteral("  (in your library)") : QString())
                              : download.state == feeds::Download::State::Failed ? QStringLiteral("failed: ") + download.error
                                                                                  : QStringLiteral("waiting");
        printOut(QStringLiteral("%1 · %2\n      %3\n").arg(what, download.feedName, state));
    }
    return kExitOk;
}

int cleanup(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto done = feeds::FeedDownloads(**db).cleanup(QDateTime::currentDateTimeUtc());
    if (!done) {
        return reportError(done.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("removed"), done->removed},
                              {QStringLiteral("bytes"), done->bytes},
                              {QStringLiteral("problems"), QJsonArray::fromStringList(done->problems)}});
    } else {
        printOut(QStringLiteral("%1 downloads removed (%2 MB)\n").arg(done->removed).arg(done->bytes / 1e6, 0, 'f', 1));
    }
    for (const QString& problem : std::as_const(done->problems)) {
        printErr(problem + QLatin1Char('\n'));
    }
    return done->problems.isEmpty() ? kExitOk : kExitFailure;
}

int addToLibrary(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "feeds add-to-library takes one post's id (feeds items --json)", "feeds add-to-library"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto song = pickSong(**db, options.words.first(), options, true);
    if (!song) {
        return reportError(song.error());
    }
    auto added = feeds::FeedItemRepository(**db).addToLibrary(options.words.first(), *song);
    if (!added) {
        return reportError(added.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("song_id"), *added}});
    } else {
        printOut(QStringLiteral("in your library: %1\n").arg(*added));
    }
    return kExitOk;
}

}  // namespace

int runFeedsCommand(const CliArgs& args)
{
    const QString action = args.command.value(1);
    const QHash<QString, std::pair<QStringList, QStringList>> accepted{
        {QStringLiteral("add"), {{QStringLiteral("--folder"), QStringLiteral("--name")}, {QStringLiteral("--no-check")}}},
        {QStringLiteral("list"), {{}, {}}},
        {QStringLiteral("remove"), {{}, {QStringLiteral("--drop-items")}}},
        {QStringLiteral("pause"), {{}, {}}},
        {QStringLiteral("resume"), {{}, {}}},
        {QStringLiteral("refresh"), {{}, {QStringLiteral("--due")}}},
        {QStringLiteral("import-opml"), {{}, {}}},
        {QStringLiteral("export-opml"), {{QStringLiteral("--out")}, {}}},
        {QStringLiteral("items"), {{QStringLiteral("--search"), QStringLiteral("--limit")}, {QStringLiteral("--new"), QStringLiteral("--starred")}}},
        {QStringLiteral("ranking"), {{QStringLiteral("--min-feeds")}, {}}},
        {QStringLiteral("download"), {{QStringLiteral("--song"), QStringLiteral("--to")}, {}}},
        {QStringLiteral("downloads"), {{QStringLiteral("--folder"), QStringLiteral("--keep-days")}, {}}},
        {QStringLiteral("cleanup"), {{}, {}}},
        {QStringLiteral("add-to-library"), {{QStringLiteral("--song")}, {}}},
    };
    if (!accepted.contains(action)) {
        return reportError({ErrorCode::InvalidArgument,
                            "expected add, list, remove, pause, resume, refresh, import-opml, export-opml, items, ranking, download, downloads, "
                            "cleanup or add-to-library (see bandmate-cli --help)",
                            "feeds"});
    }
    QStringList rest = args.rest;
    rest.removeAt(rest.indexOf(action));  // the action word, wherever the options put it
    auto options = parseCommandOptions(rest, accepted.value(action).first, accepted.value(action).second);
    if (!options) {
        return reportError(options.error());
    }
    if (action == QLatin1String("add")) {
        return add(args, *options);
    }
    if (action == QLatin1String("list")) {
        return list(args);
    }
    if (action == QLatin1String("refresh")) {
        return refresh(args, *options);
    }
    if (action == QLatin1String("items")) {
        return items(args, *options);
    }
    if (action == QLatin1String("ranking")) {
        return ranking(args, *options);
    }
    if (action == QLatin1String("download")) {
        return download(args, *options);
    }
    if (action == QLatin1String("downloads")) {
        return downloadsCommand(args, *options);
    }
    if (action == QLatin1String("cleanup")) {
        return cleanup(args);
    }
    if (action == QLatin1String("add-to-library")) {
        return addToLibrary(args, *options);
    }
    if (action == QLatin1String("import-opml")) {
        if (options->words.size() != 1) {
            return reportError({ErrorCode::InvalidArgument, "feeds import-opml takes one OPML file", "feeds import-opml"});
        }
        QFile file(options->words.first());
        if (!file.open(QIODevice::ReadOnly)) {
            return reportError({ErrorCode::NotFound, "cannot read the file: " + file.errorString().toStdString(), options->words.first().toStdString()});
        }
        auto parsed = feeds::parseOpml(file.read(16 * 1024 * 1024));
        if (!parsed) {
            core::Error error = parsed.error();
            error.where = options->words.first().toStdString() + (error.where.empty() ? "" : ", " + error.where);
            return reportError(error);
        }
        auto db = openDatabase(args);
        if (!db) {
            return reportError(db.error());
        }
        auto imported = feeds::FeedRepository(**db).importOpml(*parsed);
        if (!imported) {
            return reportError(imported.error());
        }
        if (args.json) {
            printJson(QJsonObject{{QStringLiteral("added"), imported->added},
                                  {QStringLiteral("already_followed"), imported->alreadyFollowed},
                                  {QStringLiteral("folders"), imported->folders}});
        } else {
            printOut(QStringLiteral("%1 feeds added, %2 followed already, %3 new folders; bandmate-cli feeds refresh reads them\n")
                         .arg(imported->added)
                         .arg(imported->alreadyFollowed)
                         .arg(imported->folders));
        }
        return kExitOk;
    }
    if (action == QLatin1String("export-opml")) {
        const QString out = options->values.value(QStringLiteral("--out"));
        if (out.isEmpty()) {
            return reportError({ErrorCode::InvalidArgument, "where to write the OPML file", "--out"});
        }
        auto db = openDatabase(args);
        if (!db) {
            return reportError(db.error());
        }
        auto exported = feeds::FeedRepository(**db).exportOpml();
        if (!exported) {
            return reportError(exported.error());
        }
        if (auto written = writeFile(out, feeds::writeOpml(*exported, QStringLiteral("Bandmate feeds"))); !written) {
            return reportError(written.error());
        }
        if (args.json) {
            printJson(QJsonObject{{QStringLiteral("feeds"), static_cast<int>(exported->size())}, {QStringLiteral("file"), out}});
        } else {
            printOut(QStringLiteral("%1 feeds written to %2\n").arg(exported->size()).arg(out));
        }
        return kExitOk;
    }
    // remove, pause, resume: one feed each.
    if (options->words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "takes one feed: its id, address or name", ("feeds " + action).toStdString()});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto feed = findFeed(**db, options->words.first());
    if (!feed) {
        return reportError(feed.error());
    }
    feeds::FeedRepository repository(**db);
    const core::Result<void> done = action == QLatin1String("remove")
                                        ? repository.remove(feed->id, !options->flags.contains(QStringLiteral("--drop-items")))
                                        : repository.setPaused(feed->id, action == QLatin1String("pause"));
    if (!done) {
        return reportError(done.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("id"), feed->id}, {QStringLiteral("done"), action}});
    } else {
        printOut(QStringLiteral("%1: %2\n").arg(feed->displayName(),
                                                action == QLatin1String("remove") ? QStringLiteral("no longer followed")
                                                : action == QLatin1String("pause") ? QStringLiteral("paused")
                                                                                    : QStringLiteral("followed again")));
    }
    return kExitOk;
}

}  // namespace bandmate::app
