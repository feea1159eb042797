#include "sync/server/UserText.h"

#include <algorithm>
#include <string>

namespace bandmate::sync {

core::Result<QString> cleanText(const QString& text, const char* field, int most, bool optional, bool multiline)
{
    QString trimmed = text.trimmed();
    if (multiline) {
        trimmed.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    }
    if (trimmed.isEmpty() && !optional) {
        return core::fail(core::ErrorCode::InvalidInput, "must not be empty", field);
    }
    if (trimmed.size() > most) {
        return core::fail(core::ErrorCode::InvalidInput, "at most " + std::to_string(most) + " characters", field);
    }
    // Also no direction controls (U+200E/F, U+202A..E, U+2066..9): they reorder the text around
    // them on the page and in a terminal. Joiners stay (emoji need them).
    const bool clean = trimmed.isValidUtf16() && std::none_of(trimmed.begin(), trimmed.end(), [multiline](QChar c) {
                           const QChar::Category category = c.category();
                           const char16_t u = c.unicode();
                           if (multiline && u == u'\n') {
                               return false;
                           }
                           return category == QChar::Other_Control || category == QChar::Separator_Line || category == QChar::Separator_Paragraph
                                  || u == 0x200E || u == 0x200F || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
                       });
    if (!clean) {
        return core::fail(core::ErrorCode::InvalidInput, "holds control characters", field);
    }
    return trimmed.isEmpty() ? QStringLiteral("") : trimmed;
}

}  // namespace bandmate::sync
