#include "core/library/SearchQuery.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bandmate::core::library {

namespace {

struct Token {
    enum Kind { Word, Phrase, Or } kind = Word;
    QString text;
    int column = 1;  ///< 1-based position in the query
    bool negated = false;
};

std::unexpected<Error> failAt(int column, const std::string& message)
{
    return fail(ErrorCode::InvalidArgument, message, "column " + std::to_string(column));
}

/// Splits the query into words, quoted phrases and "|"; a word may hold a quoted value
/// (artist:"rubén blades").
Result<QList<Token>> tokenize(const QString& query)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < query.size()) {
        if (query.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.column = static_cast<int>(i) + 1;
        if (query.at(i) == QLatin1Char('|')) {
            token.kind = Token::Or;
            tokens.append(token);
            ++i;
            continue;
        }
        if (query.at(i) == QLatin1Char('-') && i + 1 < query.size() && !query.at(i + 1).isSpace()) {
            token.negated = true;
            ++i;
        }
        QString text;
        bool quotedWhole = false;
        while (i < query.size() && !query.at(i).isSpace() && query.at(i) != QLatin1Char('|')) {
            if (query.at(i) == QLatin1Char('"')) {
                const qsizetype close = query.indexOf(QLatin1Char('"'), i + 1);
                if (close < 0) {
                    return failAt(static_cast<int>(i) + 1, "this quote is never closed");
                }
                quotedWhole = text.isEmpty();
                text += query.mid(i + 1, close - i - 1);
                i = close + 1;
                if (quotedWhole && (i >= query.size() || query.at(i).isSpace() || query.at(i) == QLatin1Char('|'))) {
                    break;
                }
                quotedWhole = false;
                continue;
            }
            text += query.at(i);
            ++i;
        }
        if (text.trimmed().isEmpty()) {
            return failAt(token.column, quotedWhole ? "an empty phrase" : "nothing to search for here");
        }
        token.kind = quotedWhole ? Token::Phrase : Token::Word;
        token.text = text;
        tokens.append(token);
    }
    return tokens;
}

/// "<4m", ">=120", "118-124", "1999" → SQL over `column` (values scaled by `scale`).
Result<QString> numberCondition(const QString& column, const QString& value, int position, QVariantList& binds,
                                const std::function<std::optional<double>(const QString&)>& parse)
{
    static const QRegularExpression range(QStringLiteral("^([^-<>=][^-]*)-([^-]+)$"));
    if (const auto match = range.match(value); match.hasMatch()) {
        const auto low = parse(match.captured(1));
        const auto high = parse(match.captured(2));
        if (!low || !high) {
            return failAt(position, "expected a range of numbers like 118-124, got \"" + value.toStdString() + "\"");
        }
        if (*low > *high) {
            return failAt(position, "the range goes down: write the lower number first");
        }
        binds << *low << *high;
        return QStringLiteral("(%1 BETWEEN ? AND ?)").arg(column);
    }
    QString op = QStringLiteral("=");
    QString number = value;
    for (const char* candidate : {">=", "<=", ">", "<", "="}) {
        if (value.startsWith(QLatin1String(candidate))) {
            op = QString::fromLatin1(candidate);
            number = value.mid(op.size());
            break;
        }
    }
    const auto parsed = parse(number);
    if (!parsed) {
        return failAt(position, "expected a number (or >N, <N, A-B), got \"" + value.toStdString() + "\"");
    }
    binds << *parsed;
    return QStringLiteral("(%1 %2 ?)").arg(column, op);
}

std::optional<double> plainNumber(const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

/// "4m", "3:30", "240s", "240" → milliseconds.
std::optional<double> durationMs(const QString& text)
{
    static const QRegularExpression clock(QStringLiteral("^(\\d+):(\\d{1,2})$"));
    if (const auto match = clock.match(text); match.hasMatch()) {
        return (match.captured(1).toDouble() * 60 + match.captured(2).toDouble()) * 1000;
    }
    double scale = 1000;
    QString number = text;
    if (text.endsWith(QLatin1Char('m'))) {
        scale = 60'000;
        number.chop(1);
    } else if (text.endsWith(QLatin1Char('s'))) {
        number.chop(1);
    }
    const auto value = plainNumber(number);
    return value ? std::optional<double>(*value * scale) : std::nullopt;
}

QString likeEscaped(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

/// FTS5 query text for words: each a quoted token, prefix-matched; phrases quoted whole.
QString ftsText(const QString& text, bool phrase)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return phrase ? QLatin1Char('"') + quoted + QLatin1Char('"') : QLatin1Char('"') + quoted + QStringLiteral("\"*");
}

Result<QString> clauseCondition(const Token& token, QVariantList& binds)
{
    const QString fts = QStringLiteral("song.rowid IN (SELECT rowid FROM song_fts WHERE song_fts MATCH ?)");
    if (token.kind == Token::Phrase) {
        binds << ftsText(token.text, true);
        return fts;
    }
    const qsizetype colon = token.text.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        binds << ftsText(token.text, false);
        return fts;
    }
    const QString field = token.text.left(colon).toLower();
    const QString value = token.text.mid(colon + 1);
    const int valueColumn = token.column + static_cast<int>(colon) + 1 + (token.negated ? 1 : 0);
    if (value.isEmpty()) {
        return failAt(valueColumn, "\"" + field.toStdString() + ":\" needs a value");
    }
    static const QStringList textFields{QStringLiteral("artist"), QStringLiteral("title"), QStringLiteral("album"),
                                        QStringLiteral("genre")};
    if (textFields.contains(field)) {
        // The full-text index, limited to the field's column: words starting with the value's
        // words, accents optional, and no scan of the whole table.
        binds << field + QStringLiteral(" : ") + ftsText(value, false);
        return QStringLiteral("song.rowid IN (SELECT rowid FROM song_fts WHERE song_fts MATCH ?)");
    }
    if (field == QLatin1String("tag")) {
        // The full-text index finds the candidates; the JSON array decides (a tag matches whole).
        binds << QStringLiteral("tags : ") + ftsText(value, true) << value;
        return QStringLiteral("(song.rowid IN (SELECT rowid FROM song_fts WHERE song_fts MATCH ?) AND "
                              "EXISTS (SELECT 1 FROM json_each(song.tags) WHERE lower(json_each.value) = lower(?)))");
    }
    if (field == QLatin1String("key")) {
        binds << value;
        return QStringLiteral("(lower(song.song_key) = lower(?))");
    }
    if (field == QLatin1String("readiness")) {
        const QString readiness = value.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
        if (readiness != QLatin1String("learning") && readiness != QLatin1String("rehearsed") && readiness != QLatin1String("gig_ready")) {
            return failAt(valueColumn, "readiness is learning, rehearsed or gig-ready");
        }
        binds << readiness;
        return QStringLiteral("(song.readiness = ?)");
    }
    if (field == QLatin1String("bpm") || field == QLatin1String("year") || field == QLatin1String("rating")) {
        return numberCondition(QStringLiteral("song.") + field, value, valueColumn, binds, plainNumber);
    }
    if (field == QLatin1String("played")) {
        return numberCondition(QStringLiteral("(SELECT count(*) FROM play_event p WHERE p.song_id = song.id AND p.deleted = 0)"),
                               value, valueColumn, binds, plainNumber);
    }
    if (field == QLatin1String("duration")) {
        return numberCondition(QStringLiteral("song.duration_ms"), value, valueColumn, binds, durationMs);
    }
    return failAt(token.column + (token.negated ? 1 : 0),
                  "unknown field \"" + field.toStdString() +
                      "\" (artist, title, album, genre, tag, key, readiness, bpm, year, rating, played, duration)");
}

}  // namespace

Result<CompiledSearch> compileSearch(const QString& query)
{
    auto tokens = tokenize(query);
    if (!tokens) {
        return std::unexpected(tokens.error());
    }
    CompiledSearch compiled;
    struct Group {
        QStringList alternatives;  // ORed
        QVariantList binds;
        bool costly = false;  ///< holds a per-row subquery (tags' JSON, play counts)
    };
    QList<Group> groups;  // ANDed
    bool expectOperand = true;
    bool afterOr = false;
    int orColumn = 0;
    for (const Token& token : *tokens) {
        if (token.kind == Token::Or) {
            if (expectOperand) {
                return failAt(token.column, "\"|\" needs something on both sides");
            }
            expectOperand = true;
            afterOr = true;
            orColumn = token.column;
            continue;
        }
        if (!afterOr || groups.isEmpty()) {
            groups.append(Group{});
        }
        auto condition = clauseCondition(token, groups.last().binds);
        if (!condition) {
            return std::unexpected(condition.error());
        }
        groups.last().alternatives << (token.negated ? QStringLiteral("NOT ") + *condition : *condition);
        const QString field = token.kind == Token::Word ? token.text.section(QLatin1Char(':'), 0, 0).toLower() : QString();
        groups.last().costly = groups.last().costly || (token.text.contains(QLatin1Char(':')) && (field == QLatin1String("tag") || field == QLatin1String("played")));
        afterOr = false;
        expectOperand = false;
    }
    if (afterOr) {
        return failAt(orColumn, "\"|\" needs something on both sides");
    }
    // SQLite tests the terms of a row in the order written: the cheap ones first, the per-row
    // subqueries (tags' JSON, play counts) last, so they run on fewer rows. Each group keeps
    // its own bound values.
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return !a.costly && b.costly; });
    QStringList where;
    for (const Group& group : groups) {
        where << QLatin1Char('(') + group.alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        compiled.binds << group.binds;
    }
    if (!where.isEmpty()) {
        compiled.where = where.join(QStringLiteral(" AND "));
    }
    return compiled;
}

}  // namespace bandmate::core::library
