#include "app/cli/SetlistCommands.h"

#include "core/library/Songs.h"
#include "core/setlists/RunSheet.h"
#include "core/setlists/SetlistFormats.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "core/util/SafeFiles.h"
#include "ui/print/SheetPrinter.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bandmate::app {

using core::ErrorCode;
namespace sl = core::setlists;

namespace {

int list(const CliArgs& args)
{
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    sl::SetlistRepository repository(**db);
    auto shows = repository.shows();
    if (!shows) {
        return reportError(shows.error());
    }
    QJsonArray json;
    QString text;
    for (const sl::Show& show : *shows) {
        auto plan = repository.plan(show.id);
        if (!plan) {
            return reportError(plan.error());
        }
        json.append(QJsonObject{{QStringLiteral("id"), show.id},
                                {QStringLiteral("name"), show.name},
                                {QStringLiteral("date"), show.date.toString(Qt::ISODate)},
                                {QStringLiteral("venue"), show.venue},
                                {QStringLiteral("city"), show.city},
                                {QStringLiteral("songs"), plan->songCount()},
                                {QStringLiteral("performed"), show.performedAt.isValid()}});
        text += QStringLiteral("%1  %2  %3%4 (%5 songs)%6\n")
                    .arg(show.id, show.date.toString(Qt::ISODate), show.name,
                         show.venue.isEmpty() ? QString() : QStringLiteral(", ") + show.venue)
                    .arg(plan->songCount())
                    .arg(show.performedAt.isValid() ? QStringLiteral(" performed") : QString());
    }
    if (args.json) {
        printJson(json);
    } else {
        printOut(text.isEmpty() ? QStringLiteral("No shows yet.\n") : text);
    }
    return kExitOk;
}

struct Loaded {
    std::unique_ptr<core::Database> db;
    sl::ShowPlan plan;
    sl::RunSheet sheet;
};

core::Result<Loaded> load(const CliArgs& args, const CommandOptions& options, const char* command)
{
    if (options.words.size() != 1) {
        return core::fail(ErrorCode::InvalidArgument, "needs one show id (see setlist list)", command);
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return std::unexpected(db.error());
    }
    auto plan = sl::SetlistRepository(**db).plan(options.words.first());
    if (!plan) {
        return std::unexpected(plan.error());
    }
    auto sheet = sl::buildRunSheet(*plan, **db);
    if (!sheet) {
        return std::unexpected(sheet.error());
    }
    return Loaded{std::move(*db), std::move(*plan), std::move(*sheet)};
}

int show(const CliArgs& args, const CommandOptions& options)
{
    auto loaded = load(args, options, "setlist show");
    if (!loaded) {
        return reportError(loaded.error());
    }
    if (args.json) {
        printJson(sl::showJson(loaded->plan, loaded->sheet));
        return kExitOk;
    }
    QString text = QStringLiteral("%1, %2 %3\n").arg(loaded->plan.show.name, loaded->plan.show.date.toString(Qt::ISODate),
                                                     loaded->plan.show.startTime.toString(QStringLiteral("HH:mm")));
    QString setId;
    for (const sl::RunSheetRow& row : loaded->sheet.rows) {
        if (row.setId != setId) {
            setId = row.setId;
            text += QLatin1Char('\n') + row.setName + QLatin1Char('\n');
        }
        text += QStringLiteral("  %1  %2%3  %4  %5%6\n")
                    .arg(core::setlists::formatStart(row.plannedStart),
                         row.number > 0 ? QStringLiteral("%1. ").arg(row.number, 2) : QStringLiteral("    "), row.title,
                         row.key, sl::formatDuration(row.durationMs),
                         row.warnings.isEmpty() ? QString() : QStringLiteral("  ⚠ ") + row.warnings.join(QStringLiteral("; ")));
    }
    text += QStringLiteral("\nTotal %1").arg(sl::formatDuration(loaded->sheet.totalMs));
    if (loaded->sheet.slotMinutes > 0) {
        text += QStringLiteral(" of a %1-minute slot").arg(loaded->sheet.slotMinutes);
    }
    text += QLatin1Char('\n');
    for (const QString& warning : loaded->sheet.warnings) {
        text += QStringLiteral("⚠ %1\n").arg(warning);
    }
    printOut(text);
    return kExitOk;
}

int exportShow(const CliArgs& args, const CommandOptions& options)
{
    const QStringList formats{QStringLiteral("--pdf"), QStringLiteral("--csv"), QStringLiteral("--json-file"), QStringLiteral("--text")};
    bool any = false;
    for (const QString& format : formats) {
        any = any || options.values.contains(format);
    }
    if (!any) {
        return reportError({ErrorCode::InvalidArgument, "say where: --pdf FILE, --csv FILE, --json-file FILE or --text FILE", "setlist export"});
    }
    const QString style = options.values.value(QStringLiteral("--sheet"), QStringLiteral("band"));
    if (style != QLatin1String("band") && style != QLatin1String("stage")) {
        return reportError({ErrorCode::InvalidArgument, "expected band or stage", "--sheet"});
    }
    auto loaded = load(args, options, "setlist export");
    if (!loaded) {
        return reportError(loaded.error());
    }
    QJsonArray written;
    const auto done = [&](const QString& path) { written.append(QFileInfo(path).absoluteFilePath()); };
    if (const QString path = options.values.value(QStringLiteral("--pdf")); !path.isEmpty()) {
        const sl::SheetStyle sheet = style == QLatin1String("stage") ? sl::SheetStyle::Stage : sl::SheetStyle::Band;
        const QString html = sl::sheetHtml(loaded->plan, loaded->sheet, sheet);
        if (auto pdf = ui::SheetPrinter::writePdf(html, loaded->plan.show.name, path, sl::sheetMinimumScale(sheet)); !pdf) {
            return reportError(pdf.error());
        }
        done(path);
    }
    const QList<std::pair<QString, QByteArray>> files{
        {options.values.value(QStringLiteral("--csv")), sl::runSheetCsv(loaded->sheet).toUtf8()},
        {options.values.value(QStringLiteral("--json-file")),
         QJsonDocument(sl::showJson(loaded->plan, loaded->sheet)).toJson(QJsonDocument::Indented)},
        {options.values.value(QStringLiteral("--text")), sl::setlistText(loaded->sheet).toUtf8()}};
    for (const auto& [path, bytes] : files) {
        if (path.isEmpty()) {
            continue;
        }
        if (auto ok = writeFile(path, bytes); !ok) {
            return reportError(ok.error());
        }
        done(path);
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("written"), written}});
    } else {
        for (const auto& path : written) {
            printOut(QStringLiteral("Wrote %1\n").arg(path.toString()));
        }
    }
    return kExitOk;
}

int importText(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 1 || !options.values.contains(QStringLiteral("--show"))) {
        return reportError({ErrorCode::InvalidArgument, "setlist import needs FILE.txt and --show NAME", "setlist import"});
    }
    const QString path = options.words.first();
    auto text = core::readInputFile(path, 1024 * 1024, "setlist file");
    if (!text) {
        return reportError(text.error());
    }
    auto groups = sl::parseSetlistGroups(*text);
    if (!groups) {
        core::Error error = groups.error();
        error.where = path.toStdString() + (error.where.empty() ? "" : " " + error.where);
        return reportError(error);
    }
    sl::Show details;
    details.name = options.values.value(QStringLiteral("--show"));
    details.date = options.values.contains(QStringLiteral("--date")) ? QDate::fromString(options.values.value(QStringLiteral("--date")), Qt::ISODate)
                                                                     : QDate::currentDate();
    if (!details.date.isValid()) {
        return reportError({ErrorCode::InvalidArgument, "expected a date as YYYY-MM-DD", "--date"});
    }
    if (options.values.contains(QStringLiteral("--start"))) {
        details.startTime = QTime::fromString(options.values.value(QStringLiteral("--start")), QStringLiteral("HH:mm"));
        if (!details.startTime.isValid()) {
            return reportError({ErrorCode::InvalidArgument, "expected a time as HH:MM", "--start"});
        }
    }
    details.venue = options.values.value(QStringLiteral("--venue"));
    details.city = options.values.value(QStringLiteral("--city"));
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    auto report = sl::SetlistRepository(**db).importText(details, *groups);
    if (!report) {
        return reportError(report.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("show_id"), report->showId},
                              {QStringLiteral("songs"), report->songs},
                              {QStringLiteral("created"), QJsonArray::fromStringList(report->createdSongs)}});
    } else {
        printOut(QStringLiteral("Imported %1 songs into show %2 (%3)\n").arg(report->songs).arg(details.name, report->showId));
        if (!report->createdSongs.isEmpty()) {
            printOut(QStringLiteral("New in the library: %1\n").arg(report->createdSongs.join(QStringLiteral(", "))));
        }
    }
    return kExitOk;
}

int performed(const CliArgs& args, const CommandOptions& options)
{
    if (options.words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "needs one show id (see setlist list)", "setlist performed"});
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    sl::SetlistRepository repository(**db);
    auto show = repository.show(options.words.first());
    if (!show) {
        return reportError(show.error());
    }
    QDateTime at = QDateTime(show->date, show->startTime);
    if (options.values.contains(QStringLiteral("--at"))) {
        at = QDateTime::fromString(options.values.value(QStringLiteral("--at")), Qt::ISODate);
        if (!at.isValid()) {
            return reportError({ErrorCode::InvalidArgument, "expected a date and time as YYYY-MM-DDTHH:MM", "--at"});
        }
    }
    auto plays = repository.markPerformed(show->id, at);
    if (!plays) {
        return reportError(plays.error());
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("plays"), *plays}});
    } else {
        printOut(QStringLiteral("Marked performed: %1 plays recorded\n").arg(*plays));
    }
    return kExitOk;
}

}  // namespace

int seedRepertoire(const CliArgs& args)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    struct Demo {
        const char* title;
        const char* artist;
        const char* key;
        double bpm;
        int seconds;
        core::library::Readiness readiness;
        const char* groove;
    };
    using R = core::library::Readiness;
    const Demo demos[] = {
        {"Pedro Navaja", "Rubén Blades", "Am", 96, 441, R::GigReady, "builtin:salsa"},
        {"Plástico", "Rubén Blades", "Dm", 122, 410, R::GigReady, "builtin:salsa"},
        {"Oye cómo va", "Tito Puente", "Am", 118, 253, R::GigReady, "builtin:cha-cha-cha"},
        {"Guantanamera", "Joseíto Fernández", "D", 104, 260, R::GigReady, "builtin:son-montuno"},
        {"Chan Chan", "Compay Segundo", "Dm", 78, 256, R::GigReady, "builtin:son-montuno"},
        {"Bésame mucho", "Consuelo Velázquez", "Am", 72, 210, R::Rehearsed, ""},
        {"El cantante", "Héctor Lavoe", "Bbm", 98, 645, R::Rehearsed, "builtin:salsa"},
        {"Quimbara", "Celia Cruz", "C", 150, 248, R::GigReady, "builtin:salsa"},
        {"La vida es un carnaval", "Celia Cruz", "Gm", 100, 276, R::GigReady, "builtin:salsa"},
        {"Suavemente", "Elvis Crespo", "Ab", 158, 273, R::Rehearsed, "builtin:merengue"},
        {"Burbujas de amor", "Juan Luis Guerra", "E", 126, 249, R::Learning, "builtin:bachata"},
        {"Ojalá que llueva café", "Juan Luis Guerra", "F#m", 150, 242, R::Learning, "builtin:merengue"},
        {"Idilio", "Willie Colón", "Em", 92, 338, R::Rehearsed, "builtin:salsa"},
        {"Vivir mi vida", "Marc Anthony", "Bm", 100, 251, R::GigReady, "builtin:salsa"},
    };
    core::library::SongRepository songs(**db);
    QHash<QString, QString> ids;
    for (const Demo& demo : demos) {
        core::library::Song song;
        song.title = QString::fromUtf8(demo.title);
        song.artist = QString::fromUtf8(demo.artist);
        song.key = QString::fromUtf8(demo.key);
        song.bpm = demo.bpm;
        song.durationMs = demo.seconds * 1000LL;
        song.readiness = demo.readiness;
        song.machineRef = QString::fromUtf8(demo.groove);
        song.genre = song.machineRef.contains(QLatin1String("merengue")) ? QStringLiteral("Merengue") : QStringLiteral("Salsa");
        auto id = songs.save(song);
        if (!id) {
            return reportError(id.error());
        }
        ids.insert(song.title, *id);
    }
    sl::SetlistRepository setlists(**db);
    sl::Show show;
    show.name = QStringLiteral("Friday salsa night");
    show.date = QDate::currentDate().addDays(11);
    show.startTime = QTime(21, 30);
    show.venue = QStringLiteral("Café Oslo");
    show.city = QStringLiteral("Oslo");
    show.slotMinutes = 75;
    show.fee = 4000;
    auto showId = setlists.saveShow(show);
    if (!showId) {
        return reportError(showId.error());
    }
    const QList<std::pair<QString, QStringList>> sets{
        {QStringLiteral("Set 1"), {QStringLiteral("Quimbara"), QStringLiteral("Plástico"), QStringLiteral("Chan Chan"), QStringLiteral("Pedro Navaja"),
                                   QStringLiteral("-"), QStringLiteral("Oye cómo va"), QStringLiteral("Suavemente")}},
        {QStringLiteral("Set 2"), {QStringLiteral("Vivir mi vida"), QStringLiteral("Idilio"), QStringLiteral("El cantante"), QStringLiteral("Guantanamera")}},
        {QStringLiteral("Encore"), {QStringLiteral("La vida es un carnaval")}}};
    for (const auto& [name, titles] : sets) {
        auto setId = setlists.addSet(*showId, name, name == QLatin1String("Encore") ? sl::SetKind::Encore : sl::SetKind::Set);
        if (!setId) {
            return reportError(setId.error());
        }
        for (const QString& title : titles) {
            auto added = title == QLatin1String("-") ? setlists.addBreak(*setId, QStringLiteral("Break"), 15 * 60'000) : setlists.addSong(*setId, ids.value(title));
            if (!added) {
                return reportError(added.error());
            }
            if (title == QLatin1String("Idilio")) {
                auto entry = setlists.entry(*added);
                entry->notes = QStringLiteral("guest: Ana on vocals");
                entry->transpose = -2;
                (void)setlists.updateEntry(*entry);
            }
        }
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("songs"), static_cast<int>(ids.size())}, {QStringLiteral("show_id"), *showId}});
    } else {
        printOut(QStringLiteral("Added %1 songs and the show %2\n").arg(ids.size()).arg(*showId));
    }
    return kExitOk;
}

bool setlistCommandNeedsGui(const QStringList& arguments)
{
    return arguments.contains(QStringLiteral("setlist"))
           && std::any_of(arguments.begin(), arguments.end(), [](const QString& arg) { return arg == QLatin1String("--pdf") || arg.startsWith(QLatin1String("--pdf=")); });
}

int runSetlistCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest,
                                       {QStringLiteral("--pdf"), QStringLiteral("--csv"), QStringLiteral("--json-file"), QStringLiteral("--text"),
                                        QStringLiteral("--sheet"), QStringLiteral("--show"), QStringLiteral("--date"), QStringLiteral("--start"),
                                        QStringLiteral("--venue"), QStringLiteral("--city"), QStringLiteral("--at")});
    if (!options) {
        return reportError(options.error());
    }
    if (options->words.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "expected setlist list, show, export, import or performed", "setlist"});
    }
    const QString sub = options->words.takeFirst();
    if (sub == QLatin1String("list")) {
        return list(args);
    }
    if (sub == QLatin1String("show")) {
        return show(args, *options);
    }
    if (sub == QLatin1String("export")) {
        if (options->values.contains(QStringLiteral("--pdf")) && qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr) {
            return reportError({ErrorCode::Internal, "PDF export needs the Qt Gui application", "setlist export"});
        }
        return exportShow(args, *options);
    }
    if (sub == QLatin1String("import")) {
        return importText(args, *options);
    }
    if (sub == QLatin1String("performed")) {
        return performed(args, *options);
    }
    return reportError({ErrorCode::InvalidArgument, "expected setlist list, show, export, import or performed", sub.toStdString()});
}

}  // namespace bandmate::app
