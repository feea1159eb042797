#include "sync/server/WebPages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <kainjow/mustache.hpp>

#include <map>
#include <mutex>
#include <vector>

namespace bandmate::sync::web {

namespace {

namespace mustache = kainjow::mustache;

QByteArray readResource(const QString& name)
{
    QFile file(QStringLiteral(":/web/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Everything under resources/web, read once.
struct Site {
    std::map<QString, std::unique_ptr<mustache::mustache>> templates;
    std::map<QString, std::string> assetPaths;  ///< "vote.js" -> "/static/vote.HASH.js"
    std::map<std::string, Asset, std::less<>> assets;  ///< by path
    QJsonObject strings;

    Site()
    {
        for (const QString& name : QDir(QStringLiteral(":/web")).entryList(QDir::Files)) {
            const QByteArray bytes = readResource(name);
            if (name.endsWith(QLatin1String(".html"))) {
                templates.emplace(name.chopped(5), std::make_unique<mustache::mustache>(bytes.toStdString()));
            } else if (name.endsWith(QLatin1String(".json"))) {
                strings = QJsonDocument::fromJson(bytes).object();
            } else {
                const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(10));
                const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
                const std::string path = (QStringLiteral("/static/") + name.left(dot) + QLatin1Char('.') + hash + name.mid(dot)).toStdString();
                const std::string type = name.endsWith(QLatin1String(".css"))  ? "text/css; charset=utf-8"
                                         : name.endsWith(QLatin1String(".js")) ? "text/javascript; charset=utf-8"
                                         : name.endsWith(QLatin1String(".svg")) ? "image/svg+xml"
                                                                                : "application/octet-stream";
                assetPaths.emplace(name, path);
                assets.emplace(path, Asset{bytes.toStdString(), type, "\"" + hash.toStdString() + "\""});
            }
        }
    }
};

const Site& site()
{
    static const Site loaded;
    return loaded;
}

mustache::data toData(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return mustache::data(value.toBool());
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // The shortest form that reads back the same ("92.5", not "92.500000").
        return mustache::data(number == static_cast<double>(static_cast<qint64>(number)) ? std::to_string(static_cast<qint64>(number))
                                                                                          : QString::number(number, 'g', 15).toStdString());
    }
    case QJsonValue::String:
        // Empty text is false, so {{#note}}…{{/note}} leaves out a note that says nothing.
        return value.toString().isEmpty() ? mustache::data(false) : mustache::data(value.toString().toStdString());
    case QJsonValue::Array: {
        mustache::data list(mustache::data::type::list);
        for (const auto& item : value.toArray()) {
            list.push_back(toData(item));
        }
        return list;
    }
    case QJsonValue::Object: {
        mustache::data object;
        const QJsonObject fields = value.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            object.set(it.key().toStdString(), toData(it.value()));
        }
        return object;
    }
    default:
        return mustache::data(false);
    }
}

}  // namespace

std::string render(const QString& name, const QJsonObject& view)
{
    const auto found = site().templates.find(name);
    if (found == site().templates.end() || !found->second->is_valid()) {
        return "<!doctype html><title>Bandmate</title><p>This page is missing from the server.</p>";
    }
    // The template object is shared by every worker: rendering reads it, but the library keeps
    // an error message in it, so one render at a time.
    static std::mutex renderMutex;
    const mustache::data data = toData(view);
    const std::lock_guard lock(renderMutex);
    return found->second->render(data);
}

std::string assetPath(const QString& name)
{
    const auto found = site().assetPaths.find(name);
    return found == site().assetPaths.end() ? std::string() : found->second;
}

const Asset* asset(std::string_view path)
{
    const auto found = site().assets.find(path);
    return found == site().assets.end() ? nullptr : &found->second;
}

QString language(std::string_view acceptLanguage)
{
    // "nb-NO,nb;q=0.9,en;q=0.8": the first we speak, by the client's weights.
    double best = 0.0;
    QString chosen = QStringLiteral("en");
    for (const QString& part : QString::fromLatin1(acceptLanguage.data(), static_cast<qsizetype>(acceptLanguage.size())).split(QLatin1Char(','))) {
        const QStringList pieces = part.trimmed().split(QLatin1Char(';'));
        const QString tag = pieces.first().trimmed().toLower().section(QLatin1Char('-'), 0, 0);
        double weight = 1.0;
        for (const QString& piece : pieces.mid(1)) {
            if (piece.trimmed().startsWith(QLatin1String("q="))) {
                weight = piece.trimmed().mid(2).toDouble();
            }
        }
        const QString ours = tag == QLatin1String("no") || tag == QLatin1String("nn") ? QStringLiteral("nb") : tag;
        if (weight > best && (ours == QLatin1String("en") || ours == QLatin1String("es") || ours == QLatin1String("nb"))) {
            best = weight;
            chosen = ours;
        }
    }
    return chosen;
}

QJsonObject strings(const QString& language)
{
    QJsonObject out = site().strings.value(QStringLiteral("en")).toObject();
    const QJsonObject translated = site().strings.value(language).toObject();
    for (auto it = translated.begin(); it != translated.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>>& pageHeaders()
{
    static const std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
         "frame-ancestors 'none'; form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "same-origin"},
        {"X-Frame-Options", "DENY"},
    };
    return headers;
}

}  // namespace bandmate::sync::web
