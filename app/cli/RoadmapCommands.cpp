#include "app/cli/RoadmapCommands.h"

#include "audio/library/MediaScanner.h"
#include "core/library/Songs.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace bandmate::app {

using core::ErrorCode;
using core::Result;
using core::fail;
namespace rm = core::roadmap;

namespace {

using Options = CommandOptions;

QJsonObject taskJson(const rm::TaskState& task)
{
    QJsonObject object{{QStringLiteral("id"), task.id},
                       {QStringLiteral("slug"), task.slug},
                       {QStringLiteral("title"), task.title},
                       {QStringLiteral("type"), rm::taskTypeName(task.type)},
                       {QStringLiteral("status"), rm::taskStatusName(task.status)}};
    if (task.type == rm::TaskType::Checklist) {
        QJsonArray items;
        for (qsizetype i = 0; i < task.items.size(); ++i) {
            items.append(QJsonObject{{QStringLiteral("id"), task.itemIds.value(i)},
                                     {QStringLiteral("text"), task.items.at(i)},
                                     {QStringLiteral("ticked"), task.ticked.value(task.items.at(i))}});
        }
        object.insert(QStringLiteral("items"), items);
    }
    if (task.metric) {
        QJsonObject metric{{QStringLiteral("key"), task.metric->key},
                           {QStringLiteral("unit"), task.metric->unit},
                           {QStringLiteral("value"), task.metricValue}};
        if (task.metric->target) {
            metric.insert(QStringLiteral("target"), *task.metric->target);
        }
        object.insert(QStringLiteral("metric"), metric);
    }
    if (task.completedAt.isValid()) {
        object.insert(QStringLiteral("completedAt"), task.completedAt.toUTC().toString(Qt::ISODate));
    }
    if (!task.evidence.isEmpty()) {
        object.insert(QStringLiteral("evidence"), QJsonArray::fromStringList(task.evidence));
    }
    return object;
}

int templates(const CliArgs& args)
{
    QJsonArray list;
    QString text;
    for (const QString& slug : rm::builtinRoadmapSlugs()) {
        auto roadmap = rm::loadBuiltinRoadmap(slug);
        if (!roadmap) {
            return reportError(roadmap.error());
        }
        int tasks = 0;
        for (const auto& stage : roadmap->stages) {
            tasks += static_cast<int>(stage.tasks.size());
        }
        list.append(QJsonObject{{QStringLiteral("slug"), slug},
                                {QStringLiteral("title"), roadmap->title},
                                {QStringLiteral("summary"), roadmap->summary},
                                {QStringLiteral("version"), roadmap->version},
                                {QStringLiteral("stages"), static_cast<int>(roadmap->stages.size())},
                                {QStringLiteral("tasks"), tasks}});
        text += QStringLiteral("%1  %2 (%3 stages, %4 tasks)\n").arg(slug, -24).arg(roadmap->title).arg(roadmap->stages.size()).arg(tasks);
    }
    if (args.json) {
        printJson(list);
    } else {
        printOut(text);
    }
    return kExitOk;
}

int start(const CliArgs& args, const Options& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "roadmap start needs one template name or JSON file", "roadmap start"});
    }
    const QString what = options.words.first();
    const bool file = what.endsWith(QLatin1String(".json")) || what.contains(QLatin1Char('/'));
    auto roadmap = file ? rm::readRoadmapFile(what) : rm::loadBuiltinRoadmap(what);
    if (!roadmap) {
        return reportError(roadmap.error());  // nothing was written
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto id = rm::ProgressRepository(**db).start(*roadmap, file);
    if (!id) {
        return reportError(id.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("slug"), roadmap->slug}});
    } else {
        printOut(QStringLiteral("Started “%1” (%2).\n").arg(roadmap->title, *id));
    }
    return kExitOk;
}

int status(const CliArgs& args)
{
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto roadmaps = rm::ProgressRepository(**db).roadmaps();
    if (!roadmaps) {
        return reportError(roadmaps.error());
    }
    QJsonArray list;
    QString text;
    for (const auto& roadmap : *roadmaps) {
        QJsonArray stages;
        text += QStringLiteral("%1 — %2 %\n").arg(roadmap.title).arg(roadmap.percent());
        for (const auto& stage : roadmap.stages) {
            QJsonArray tasks;
            text += QStringLiteral("  %1 — %2 %\n").arg(stage.title).arg(stage.percent());
            for (const auto& task : stage.tasks) {
                tasks.append(taskJson(task));
                const QString mark = task.status == rm::TaskStatus::Completed ? QStringLiteral("[x]")
                                     : task.status == rm::TaskStatus::InProgress ? QStringLiteral("[~]")
                                                                                 : QStringLiteral("[ ]");
                text += QStringLiteral("    %1 %2  (%3)\n").arg(mark, task.title, task.id);
            }
            stages.append(QJsonObject{{QStringLiteral("slug"), stage.slug},
                                      {QStringLiteral("title"), stage.title},
                                      {QStringLiteral("percent"), stage.percent()},
                                      {QStringLiteral("tasks"), tasks}});
        }
        list.append(QJsonObject{{QStringLiteral("id"), roadmap.id},
                                {QStringLiteral("slug"), roadmap.slug},
                                {QStringLiteral("title"), roadmap.title},
                                {QStringLiteral("version"), roadmap.templateVersion},
                                {QStringLiteral("custom"), roadmap.custom},
                                {QStringLiteral("percent"), roadmap.percent()},
                                {QStringLiteral("stages"), stages}});
    }
    if (args.json) {
        printJson(list);
    } else {
        printOut(text.isEmpty() ? QStringLiteral("No roadmap started yet: bandmate-cli roadmap templates\n") : text);
    }
    return kExitOk;
}

int exportRoadmap(const CliArgs& args, const Options& options)
{
    const QString out = options.values.value(QStringLiteral("--out"));
    if (options.words.size() != 1 || out.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "roadmap export needs a roadmap id and --out FILE.json", "roadmap export"});
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto state = rm::ProgressRepository(**db).roadmap(options.words.first());
    if (!state) {
        return reportError(state.error());
    }
    if (auto written = writeFile(out, rm::writeRoadmapJson(rm::templateOf(*state))); !written) {
        return reportError(written.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("output"), QFileInfo(out).absoluteFilePath()}});
    } else {
        printOut(QStringLiteral("Wrote %1\n").arg(out));
    }
    return kExitOk;
}

int taskSet(const CliArgs& args, const Options& options)
{
    if (options.words.size() != 1 || options.values.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument,
                            "task set needs a task id and --status, --item with --ticked, or --notes", "task set"});
    }
    const QString id = options.words.first();
    std::optional<rm::TaskStatus> status;
    if (options.values.contains(QStringLiteral("--status"))) {
        status = rm::taskStatusFromName(options.values.value(QStringLiteral("--status")));
        if (!status) {
            return reportError({ErrorCode::InvalidArgument, "expected not_started, in_progress or completed", "--status"});
        }
    }
    const QString ticked = options.values.value(QStringLiteral("--ticked"), QStringLiteral("true"));
    if (ticked != QLatin1String("true") && ticked != QLatin1String("false")) {
        return reportError({ErrorCode::InvalidArgument, "expected true or false", "--ticked"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    rm::ProgressRepository progress(**db);
    // All of it or none of it: a bad --item leaves the --status as it was.
    auto transaction = core::Transaction::begin((*db)->connection());
    if (!transaction) {
        return reportError(transaction.error());
    }
    if (options.values.contains(QStringLiteral("--item"))) {
        if (auto done = progress.setItem(id, options.values.value(QStringLiteral("--item")), ticked == QLatin1String("true")); !done) {
            return reportError(done.error());
        }
    }
    if (options.values.contains(QStringLiteral("--notes"))) {
        if (auto done = progress.setNotes(id, options.values.value(QStringLiteral("--notes"))); !done) {
            return reportError(done.error());
        }
    }
    // Last: a tick recomputes the status, and the status asked for is the one that stays.
    if (status) {
        if (auto done = progress.setStatus(id, *status); !done) {
            return reportError(done.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return reportError(committed.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("id"), id}});
    } else {
        printOut(QStringLiteral("Updated %1\n").arg(id));
    }
    return kExitOk;
}

int statAdd(const CliArgs& args, const Options& options)
{
    if (options.words.size() != 2) {
        return reportError({ErrorCode::InvalidArgument, "stat add needs a metric and a value, e.g. stat add practice_minutes 45",
                            "stat add"});
    }
    bool ok = false;
    const double value = options.words.at(1).toDouble(&ok);
    if (!ok) {
        return reportError({ErrorCode::InvalidArgument, "expected a number, got \"" + options.words.at(1).toStdString() + "\"",
                            "VALUE"});
    }
    QDateTime at = QDateTime::currentDateTime();
    if (options.values.contains(QStringLiteral("--at"))) {
        const QString text = options.values.value(QStringLiteral("--at"));
        at = QDateTime::fromString(text, Qt::ISODate);
        if (!at.isValid()) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            at = date.isValid() ? date.startOfDay() : QDateTime();
        }
        if (!at.isValid()) {
            return reportError({ErrorCode::InvalidArgument, "expected an ISO date like 2026-11-23 or 2026-11-23T18:30", "--at"});
        }
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto id = rm::ProgressRepository(**db).addStat(options.words.first(), value, at, QStringLiteral("manual"), {},
                                                   options.values.value(QStringLiteral("--note")));
    if (!id) {
        return reportError(id.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("id"), *id}});
    } else {
        printOut(QStringLiteral("Added %1 = %2\n").arg(options.words.first()).arg(value));
    }
    return kExitOk;
}

/// `dev seed-history`: a believable history for demos and screenshots (clearly not real data).
int seedHistory(const CliArgs& args, const Options& options)
{
    bool ok = true;
    const int days = options.values.value(QStringLiteral("--days"), QStringLiteral("365")).toInt(&ok);
    if (!ok || days < 1 || days > 3650) {
        return reportError({ErrorCode::InvalidArgument, "expected 1 to 3650 days", "--days"});
    }
    const quint32 seed = options.values.value(QStringLiteral("--seed"), QStringLiteral("7")).toUInt(&ok);
    if (!ok) {
        return reportError({ErrorCode::InvalidArgument, "expected a whole number", "--seed"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto roadmap = rm::loadBuiltinRoadmap(QStringLiteral("latin-percussionist"));
    if (!roadmap) {
        return reportError(roadmap.error());
    }
    rm::ProgressRepository progress(**db);
    const QDate today = QDate::currentDate();
    const QDate first = today.addDays(-days);
    auto id = progress.start(*roadmap, false, first.startOfDay());
    if (!id) {
        return reportError(id.error());
    }
    QRandomGenerator random(seed);
    double listeners = 40.0;
    double tumbao = 90.0;
    int events = 0;
    for (QDate day = first; day <= today; day = day.addDays(1)) {
        const QDateTime evening(day, QTime(19, 0));
        const bool weekend = day.dayOfWeek() >= 6;
        // Practice most days, more as the year goes on.
        const double keen = 0.45 + 0.35 * static_cast<double>(first.daysTo(day)) / days;
        if (random.generateDouble() < (weekend ? keen - 0.15 : keen)) {
            const double minutes = 15 + random.bounded(75);
            if (!progress.recordEvent({rm::AppEvent::Kind::Practice, evening, minutes, {}})) {
                return kExitFailure;
            }
            ++events;
        }
        if (weekend && random.generateDouble() < 0.18) {
            if (!progress.recordEvent({rm::AppEvent::Kind::Show, evening.addSecs(7200), random.generateDouble() < 0.6 ? 120.0 : 0.0, {}})) {
                return kExitFailure;
            }
            ++events;
        }
        if (day.day() == 1) {
            listeners *= 1.18 + random.generateDouble() * 0.2;
            (void)progress.addStat(QStringLiteral("monthly_listeners"), std::round(listeners), evening);
        }
        if (day.dayOfWeek() == 7 && tumbao < 190) {
            tumbao += 1.5 + random.bounded(3);
            (void)progress.addStat(QStringLiteral("tumbao_bpm"), std::round(tumbao), evening);
        }
    }
    // A few tasks done by hand along the way.
    if (auto state = progress.roadmap(*id)) {
        for (const auto& stage : state->stages.mid(0, 2)) {
            for (const auto& task : stage.tasks) {
                if (task.type == rm::TaskType::Checklist) {
                    for (const QString& item : task.items.mid(0, stage.slug == QLatin1String("clave") ? task.items.size() : 2)) {
                        (void)progress.setItem(task.id, item, true);
                    }
                } else if (task.type == rm::TaskType::Info) {
                    (void)progress.setStatus(task.id, rm::TaskStatus::Completed);
                }
            }
        }
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("days"), days}, {QStringLiteral("events"), events}, {QStringLiteral("started"), first.toString(Qt::ISODate)}});
    } else {
        printOut(QStringLiteral("Seeded %1 days (%2 practice sessions and shows) into a roadmap started on %3.\n")
                     .arg(days)
                     .arg(events)
                     .arg(first.toString(Qt::ISODate)));
    }
    return kExitOk;
}

int libraryScan(const CliArgs& args, const Options& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "library scan needs one folder", "library scan"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    const bool showProgress = !args.json && isatty(fileno(stderr)) != 0;
    audio::MediaScanner scanner(**db);
    scanner.setReplaceEdits(options.flags.contains(QStringLiteral("--retag")));
    auto result = scanner.scan(options.words.first().toStdString(), [&](int done, int total) {
        if (showProgress) {
            std::fprintf(stderr, "\rScanning… %d of %d", done, total);
        }
        return true;
    });
    if (showProgress) {
        std::fputs("\r", stderr);
    }
    if (!result) {
        return reportError(result.error());
    }
    QJsonArray failures;
    for (const auto& failure : result->failures) {
        failures.append(QString::fromStdString(failure));
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("added"), result->added},
                              {QStringLiteral("updated"), result->updated},
                              {QStringLiteral("unchanged"), result->unchanged},
                              {QStringLiteral("reconnected"), result->reconnected},
                              {QStringLiteral("missing"), result->missing},
                              {QStringLiteral("failed"), result->failed},
                              {QStringLiteral("failures"), failures},
                              {QStringLiteral("seconds"), result->seconds}});
    } else {
        printOut(QStringLiteral("%1 added, %2 updated, %3 unchanged, %4 reconnected, %5 missing, %6 failed (%7 s)\n")
                     .arg(result->added)
                     .arg(result->updated)
                     .arg(result->unchanged)
                     .arg(result->reconnected)
                     .arg(result->missing)
                     .arg(result->failed)
                     .arg(result->seconds, 0, 'f', 2));
        for (const auto& failure : result->failures) {
            printErr(QStringLiteral("  could not read %1\n").arg(QString::fromStdString(failure)));
        }
    }
    return kExitOk;
}

int libraryStats(const CliArgs& args)
{
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto stats = core::library::SongRepository(**db).stats();
    if (!stats) {
        return reportError(stats.error());
    }
    const QJsonObject json{{QStringLiteral("songs"), stats->songs},
                           {QStringLiteral("artists"), stats->artists},
                           {QStringLiteral("totalSeconds"), static_cast<double>(stats->totalDurationMs) / 1000.0},
                           {QStringLiteral("learning"), stats->learning},
                           {QStringLiteral("rehearsed"), stats->rehearsed},
                           {QStringLiteral("gigReady"), stats->gigReady},
                           {QStringLiteral("plays"), stats->plays},
                           {QStringLiteral("files"), stats->files},
                           {QStringLiteral("missingFiles"), stats->missingFiles},
                           {QStringLiteral("unreadableFiles"), stats->unreadableFiles}};
    if (args.json) {
        printJson(json);
    } else {
        printOut(QStringLiteral("%1 songs by %2 artists, %3 hours; %4 gig-ready, %5 rehearsed, %6 learning; %7 plays; "
                                "%8 files (%9 missing, %10 unreadable)\n")
                     .arg(stats->songs)
                     .arg(stats->artists)
                     .arg(static_cast<double>(stats->totalDurationMs) / 3.6e6, 0, 'f', 1)
                     .arg(stats->gigReady)
                     .arg(stats->rehearsed)
                     .arg(stats->learning)
                     .arg(stats->plays)
                     .arg(stats->files)
                     .arg(stats->missingFiles)
                     .arg(stats->unreadableFiles));
    }
    return kExitOk;
}

int librarySearch(const CliArgs& args, const Options& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "library search needs one query (quote it)", "library search"});
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto songs = core::library::SongRepository(**db).search(options.words.first());
    if (!songs) {
        return reportError(songs.error());
    }
    QJsonArray list;
    QString text;
    for (const auto& song : *songs) {
        list.append(QJsonObject{{QStringLiteral("id"), song.id},
                                {QStringLiteral("title"), song.title},
                                {QStringLiteral("artist"), song.artist},
                                {QStringLiteral("album"), song.album},
                                {QStringLiteral("genre"), song.genre},
                                {QStringLiteral("year"), song.year},
                                {QStringLiteral("track"), song.track},
                                {QStringLiteral("key"), song.key},
                                {QStringLiteral("bpm"), song.bpm},
                                {QStringLiteral("durationMs"), song.durationMs},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(song.tags)}});
        text += QStringLiteral("%1 — %2\n").arg(song.artist, song.title);
    }
    if (args.json) {
        printJson(list);
    } else {
        printOut(text.isEmpty() ? QStringLiteral("No songs match.\n") : text);
    }
    return kExitOk;
}

}  // namespace

int runRoadmapCommand(const CliArgs& args)
{
    const QString group = args.command.value(0);
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--out"), QStringLiteral("--status"), QStringLiteral("--item"),
                                     QStringLiteral("--ticked"), QStringLiteral("--notes"), QStringLiteral("--at"),
                                     QStringLiteral("--note"), QStringLiteral("--days"), QStringLiteral("--seed")},
                                     {QStringLiteral("--retag")});
    if (!options) {
        return reportError(options.error());
    }
    if (options->flags.contains(QStringLiteral("--retag")) && (group != QLatin1String("library") || options->words.value(0) != QLatin1String("scan"))) {
        return reportError({ErrorCode::InvalidArgument, "--retag goes with library scan only", "--retag"});
    }
    if (options->words.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "what should it do? (see bandmate-cli --help)", group.toStdString()});
    }
    const QString sub = options->words.takeFirst();
    if (group == QLatin1String("roadmap")) {
        if (sub == QLatin1String("templates")) {
            return templates(args);
        }
        if (sub == QLatin1String("start")) {
            return start(args, *options);
        }
        if (sub == QLatin1String("status")) {
            return status(args);
        }
        if (sub == QLatin1String("export")) {
            return exportRoadmap(args, *options);
        }
        return reportError({ErrorCode::InvalidArgument, "expected roadmap templates, start, status or export", sub.toStdString()});
    }
    if (group == QLatin1String("task") && sub == QLatin1String("set")) {
        return taskSet(args, *options);
    }
    if (group == QLatin1String("stat") && sub == QLatin1String("add")) {
        return statAdd(args, *options);
    }
    if (group == QLatin1String("library") && sub == QLatin1String("scan")) {
        return libraryScan(args, *options);
    }
    if (group == QLatin1String("library") && sub == QLatin1String("stats")) {
        return libraryStats(args);
    }
    if (group == QLatin1String("library") && sub == QLatin1String("search")) {
        return librarySearch(args, *options);
    }
    if (group == QLatin1String("dev") && sub == QLatin1String("seed-history")) {
        return seedHistory(args, *options);
    }
    return reportError({ErrorCode::InvalidArgument, "expected task set or stat add", (group + QLatin1Char(' ') + sub).toStdString()});
}

}  // namespace bandmate::app
