#pragma once

// The server's web pages (DESIGN.md section 7): logic-less templates that escape by default
// (kainjow mustache), one CSS file and one small script per page type, all from resources/web
// compiled into the binary; en/es/nb by the browser's Accept-Language.

#include <QJsonObject>
#include <QString>

#include <string>
#include <string_view>

namespace bandmate::sync::web {

/// A file under /static/: its bytes, type, and the name it is served under (its content hash in
/// the name, so it may be cached for ever).
struct Asset {
    std::string body;
    std::string contentType;
    std::string etag;
};

/// The page `name` (resources/web/NAME.html) rendered with `view` (a JSON object: strings,
/// numbers, booleans, arrays of objects for sections). Every {{value}} is HTML-escaped.
[[nodiscard]] std::string render(const QString& name, const QJsonObject& view);

/// The path an asset is served under ("/static/vote.3f2a9c1b.js" for "vote.js").
[[nodiscard]] std::string assetPath(const QString& name);
/// The asset served under `path`, or null.
[[nodiscard]] const Asset* asset(std::string_view path);

/// The page language for an Accept-Language header: "en", "es" or "nb" (Norwegian "no"/"nn" too).
[[nodiscard]] QString language(std::string_view acceptLanguage);
/// The page strings in `language` (resources/web/strings.json), English where one is missing.
[[nodiscard]] QJsonObject strings(const QString& language);

/// The headers every page gets: a strict Content-Security-Policy (no inline script or style),
/// nosniff, no referrer to other sites, not framed.
[[nodiscard]] const std::vector<std::pair<std::string, std::string>>& pageHeaders();

}  // namespace bandmate::sync::web
