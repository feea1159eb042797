#include "app/cli/ShareCommands.h"

#include "app/cli/BeatCommands.h"
#include "app/cli/SyncCommands.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/profile/Profile.h"
#include "core/storage/Database.h"
#include "sync/client/GrooveClient.h"
#include "sync/client/PollClient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bandmate::app {

using core::ErrorCode;

namespace {

const QStringList kSettingOptions{QStringLiteral("--title"),   QStringLiteral("--author"),     QStringLiteral("--description"), QStringLiteral("--tags"),
                                  QStringLiteral("--licence"), QStringLiteral("--visibility"), QStringLiteral("--copies")};

/// The settings given on the command line, as the server's JSON takes them; errors name the option.
core::Result<QJsonObject> settingsFrom(const CommandOptions& options)
{
    QJsonObject body;
    for (const char* name : {"title", "author", "description", "licence", "visibility"}) {
        const QString option = QStringLiteral("--") + QLatin1String(name);
        if (options.values.contains(option)) {
            body.insert(QLatin1String(name), options.values.value(option));
        }
    }
    if (options.values.contains(QStringLiteral("--tags"))) {
        QJsonArray tags;
        for (const QString& tag : options.values.value(QStringLiteral("--tags")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            tags.append(tag.trimmed());
        }
        body.insert(QStringLiteral("tags"), tags);
    }
    if (options.values.contains(QStringLiteral("--copies"))) {
        const QString copies = options.values.value(QStringLiteral("--copies"));
        if (copies != QLatin1String("yes") && copies != QLatin1String("no")) {
            return core::fail(ErrorCode::InvalidArgument, "expected yes or no", "--copies");
        }
        body.insert(QStringLiteral("allow_copies"), copies == QLatin1String("yes"));
    }
    return body;
}

QString grooveLine(const QJsonObject& groove)
{
    const QString visibility = groove.value(QStringLiteral("visibility")).toString()
                               + (groove.value(QStringLiteral("state")).toString() == QLatin1String("unshared") ? QStringLiteral(" (unshared)") : QString());
    return QStringLiteral("%1  v%2  %3  %4  %5 plays, %6 copies\n    %7\n")
        .arg(groove.value(QStringLiteral("id")).toString(), QString::number(groove.value(QStringLiteral("latest_version")).toInt()),
             visibility.leftJustified(18), groove.value(QStringLiteral("title")).toString(), QString::number(groove.value(QStringLiteral("plays")).toInteger()),
             QString::number(groove.value(QStringLiteral("copies")).toInteger()), groove.value(QStringLiteral("url")).toString());
}

void printShared(const CliArgs& args, const QJsonObject& groove, const QString& what)
{
    if (args.json) {
        printJson(groove);
        return;
    }
    printOut(QStringLiteral("%1 \"%2\" (%3), version %4.\n  Link (always the latest version): %5\n  This version for good:            %6\n")
                 .arg(what, groove.value(QStringLiteral("title")).toString(), groove.value(QStringLiteral("visibility")).toString(),
                      QString::number(groove.value(QStringLiteral("version")).toInt()), groove.value(QStringLiteral("url")).toString(),
                      groove.value(QStringLiteral("version_url")).toString()));
}

}  // namespace

int runShareCommand(const CliArgs& args)
{
    QStringList valued = kSettingOptions;
    valued << QStringLiteral("--server");
    auto options = parseCommandOptions(args.rest, valued);
    if (!options) {
        return reportError(options.error());
    }
    if (options->words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, options->words.isEmpty() ? "which machine? (a saved machine's id or title, a built-in name or an XML file)" : "unexpected argument",
                            options->words.isEmpty() ? "share" : options->words.at(1).toStdString()});
    }
    // Everything is checked before the keychain or the server is asked.
    auto machine = loadMachineArgument(args, options->words.first());
    if (!machine) {
        return reportError(machine.error());
    }
    auto body = settingsFrom(*options);
    if (!body) {
        return reportError(body.error());
    }
    if (!body->contains(QStringLiteral("author"))) {
        // The name the musician gave their profile, unless they name someone else.
        auto db = openDatabaseForReading(args);
        auto profile = db ? core::profile::ProfileRepository(**db).load() : core::Result<core::profile::Profile>(std::unexpected(db.error()));
        if (profile && !profile->artistName.isEmpty()) {
            body->insert(QStringLiteral("author"), profile->artistName);
        }
    }
    body->insert(QStringLiteral("machine"), QString::fromUtf8(core::beats::writeMachineXml(machine->machine)));
    if (!machine->savedId.isEmpty()) {
        body->insert(QStringLiteral("source"), machine->savedId);  // the desktop's Share… finds it by this
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    // A copy of a groove shared on this same server names where it came from, shared again.
    const auto link = sync::GrooveClient::parseLink(machine->origin);
    const bool named = !machine->origin.isEmpty() && link && link->server.host() == url->host() && link->server.port() == url->port();
    if (named) {
        body->insert(QStringLiteral("origin"), link->grooveId);
        body->insert(QStringLiteral("origin_version"), link->version);
    }
    auto token = accessTokenFromKeychain(*url);
    if (!token) {
        return reportError(token.error());
    }
    auto shared = sync::PollClient::call(*url, *token, "POST", QStringLiteral("/v1/grooves"), *body);
    if (!shared && named && shared.error().code == ErrorCode::InvalidInput && shared.error().message.find("origin") != std::string::npos) {
        // The original is no longer there to name (unshared, private, no copies): shared without it.
        printErr(QStringLiteral("bandmate-cli: note: the groove this is a copy of can no longer be named (%1); shared without it\n")
                     .arg(QString::fromStdString(shared.error().message)));
        body->remove(QStringLiteral("origin"));
        body->remove(QStringLiteral("origin_version"));
        shared = sync::PollClient::call(*url, *token, "POST", QStringLiteral("/v1/grooves"), *body);
    }
    if (!shared) {
        return reportError(shared.error());
    }
    printShared(args, *shared, QStringLiteral("Shared"));
    return kExitOk;
}

int runSharedCommand(const CliArgs& args)
{
    QStringList valued = kSettingOptions;
    valued << QStringLiteral("--server") << QStringLiteral("--machine");
    auto options = parseCommandOptions(args.rest, valued);
    if (!options) {
        return reportError(options.error());
    }
    const QString verb = options->words.value(0);
    const QStringList verbs{QStringLiteral("list"), QStringLiteral("update"), QStringLiteral("unshare"), QStringLiteral("delete")};
    if (!verbs.contains(verb)) {
        return reportError({ErrorCode::InvalidArgument, "expected shared list, update, unshare or delete", verb.isEmpty() ? "shared" : verb.toStdString()});
    }
    const QString id = options->words.value(1);
    if (verb == QLatin1String("list") ? options->words.size() != 1 : options->words.size() != 2) {
        return reportError({ErrorCode::InvalidArgument, verb == QLatin1String("list") ? "shared list takes no arguments" : "which shared groove? (its id, from shared list)",
                            ("shared " + verb).toStdString()});
    }
    std::optional<QJsonObject> settings;
    std::optional<QJsonObject> version;
    if (verb == QLatin1String("update")) {
        auto body = settingsFrom(*options);
        if (!body) {
            return reportError(body.error());
        }
        settings = *body;
        if (options->values.contains(QStringLiteral("--machine"))) {
            auto machine = loadMachineArgument(args, options->values.value(QStringLiteral("--machine")));
            if (!machine) {
                return reportError(machine.error());
            }
            version = QJsonObject{{QStringLiteral("machine"), QString::fromUtf8(core::beats::writeMachineXml(machine->machine))}};
        }
        if (settings->isEmpty() && !version) {
            return reportError({ErrorCode::InvalidArgument, "nothing to update: give --machine MACHINE (a new version) and/or settings (--title, --visibility, ...)",
                                "shared update"});
        }
    } else {
        for (auto it = options->values.cbegin(); it != options->values.cend(); ++it) {
            if (it.key() != QLatin1String("--server")) {
                return reportError({ErrorCode::InvalidArgument, "only shared update takes settings", it.key().toStdString()});
            }
        }
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    auto token = accessTokenFromKeychain(*url);
    if (!token) {
        return reportError(token.error());
    }
    const QString path = QStringLiteral("/v1/grooves/") + id;
    if (verb == QLatin1String("list")) {
        auto list = sync::PollClient::call(*url, *token, "GET", QStringLiteral("/v1/grooves"));
        if (!list) {
            return reportError(list.error());
        }
        if (args.json) {
            printJson(*list);
        } else {
            QString text;
            for (const auto& groove : list->value(QStringLiteral("grooves")).toArray()) {
                text += grooveLine(groove.toObject());
            }
            printOut(text.isEmpty() ? QStringLiteral("Nothing shared yet (bandmate-cli share MACHINE --server URL).\n") : text);
        }
        return kExitOk;
    }
    if (verb == QLatin1String("delete")) {
        auto deleted = sync::PollClient::call(*url, *token, "DELETE", path);
        if (!deleted) {
            return reportError(deleted.error());
        }
        args.json ? printJson(*deleted) : printOut(QStringLiteral("Deleted %1: its link now says it was removed.\n").arg(id));
        return kExitOk;
    }
    if (verb == QLatin1String("unshare")) {
        auto unshared = sync::PollClient::call(*url, *token, "POST", path + QStringLiteral("/unshare"));
        if (!unshared) {
            return reportError(unshared.error());
        }
        args.json ? printJson(*unshared)
                  : printOut(QStringLiteral("Unshared %1: its link says it was removed; shared update %1 --visibility ... shares it again.\n").arg(id));
        return kExitOk;
    }
    QJsonObject latest;
    QString what = QStringLiteral("Updated");
    if (version) {
        auto before = sync::PollClient::call(*url, *token, "GET", path);
        auto added = sync::PollClient::call(*url, *token, "POST", path + QStringLiteral("/versions"), *version);
        if (!added) {
            return reportError(added.error());
        }
        latest = *added;
        if (before && before->value(QStringLiteral("latest_version")).toInt() == added->value(QStringLiteral("latest_version")).toInt()) {
            what = QStringLiteral("No new version (the machine is the one shared already):");
        }
    }
    if (!settings->isEmpty()) {
        auto changed = sync::PollClient::call(*url, *token, "POST", path, *settings);
        if (!changed) {
            return reportError(changed.error());
        }
        latest = *changed;
    }
    printShared(args, latest, what);
    return kExitOk;
}

int runImportSharedCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--title")});
    if (!options) {
        return reportError(options.error());
    }
    if (options->words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, options->words.isEmpty() ? "which link? (https://SERVER/g/ID)" : "unexpected argument",
                            options->words.isEmpty() ? "import-shared" : options->words.at(1).toStdString()});
    }
    auto link = sync::GrooveClient::parseLink(options->words.first());
    if (!link) {
        return reportError(link.error());
    }
    auto shared = sync::GrooveClient::fetch(*link);
    if (!shared) {
        return reportError(shared.error());
    }
    auto machine = core::beats::readMachineXml(shared->xml, shared->link.page().toString());
    if (!machine) {
        return reportError(machine.error());
    }
    if (options->values.contains(QStringLiteral("--title"))) {
        machine->title = options->values.value(QStringLiteral("--title")).trimmed().toStdString();
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    const QString origin = shared->link.page().toString();
    auto id = core::beats::MachineRepository(**db).saveCopy(*machine, origin);
    if (!id) {
        return reportError(id.error());
    }
    sync::GrooveClient::countCopy(shared->link);
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("machine_id"), *id}, {QStringLiteral("title"), QString::fromStdString(machine->title)}, {QStringLiteral("origin"), origin}});
    } else {
        printOut(QStringLiteral("Imported \"%1\" as machine %2 (from %3).\n").arg(QString::fromStdString(machine->title), *id, origin));
    }
    return kExitOk;
}

}  // namespace bandmate::app
