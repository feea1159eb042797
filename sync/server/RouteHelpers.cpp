#include "sync/server/RouteHelpers.h"

#include <QJsonDocument>

namespace bandmate::sync {

using core::ErrorCode;

int statusOf(const core::Error& error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::InvalidInput:
    case ErrorCode::InvalidArgument:
        return 422;
    case ErrorCode::Conflict:
        return 409;
    default:
        return 500;
    }
}

void sendServiceError(http::Response& res, const core::Error& error)
{
    const int status = statusOf(error);
    if (status == 500) {
        res.error(500, "storage", "the server's database failed; try again later");
        res.note = error.toString();
        return;
    }
    res.error(status, status == 404 ? "not_found" : status == 409 ? "conflict" : "invalid", error.toString());
}

std::string compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

bool reachedSecurely(const ServerOptions& options, const http::Request& req)
{
    if (!options.tlsCertPath.isEmpty() || options.publicUrl.startsWith(QLatin1String("https://"))) {
        return true;  // reached over HTTPS (here, or through a proxy that may not say so)
    }
    return options.trustedProxies.contains(QString::fromStdString(req.remoteAddress)) && req.header("X-Forwarded-Proto") == "https";
}

QString publicBase(const ServerOptions& options, const http::Request& req)
{
    QString base = options.publicUrl;
    if (base.isEmpty()) {
        const QString host = QString::fromStdString(req.header("Host"));
        base = (reachedSecurely(options, req) ? QStringLiteral("https://") : QStringLiteral("http://")) + (host.isEmpty() ? QStringLiteral("localhost") : host);
    }
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    return base;
}

}  // namespace bandmate::sync
