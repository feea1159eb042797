#include "core/library/SearchQuery.h"

#include "core/library/MusicalKey.h"

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

/// How a number field reads: 0 may mean "not known" (a song without a BPM, year or length), and
/// an exact value may stand for a span (200s is any length from 200.0 to 200.999 s).
struct NumberField {
    bool zeroIsUnknown = false;
    /// The span an exact value covers, from the value's own text; 0 = exactly that number.
    std::function<double(const QString&)> exactSpan;
};

/// "<4m", ">=120", "118-124", "1999" → SQL over `column` (values scaled by `scale`).
Result<QString> numberCondition(const QString& column, const QString& value, int position, QVariantList& binds,
                                const std::function<std::optional<double>(const QString&)>& parse, const NumberField& field = {})
{
    // Unknown (0) is no number: "bpm:<100" is not every song without a BPM. Only "bpm:0" finds them.
    const QString known = field.zeroIsUnknown ? QStringLiteral(" AND %1 != 0").arg(column) : QString();
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
        return QStringLiteral("(%1 BETWEEN ? AND ?%2)").arg(column, known);
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
    if (op == QLatin1String("=")) {
        const double span = field.exactSpan ? field.exactSpan(number) : 0.0;
        if (span > 0) {
            binds << *parsed << *parsed + span;
            return QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
        }
        binds << *parsed;
        return QStringLiteral("(%1 = ?)").arg(column);
    }
    binds << *parsed;
    return QStringLiteral("(%1 %2 ?%3)").arg(column, op, known);
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

/// Whether the full-text index has anything to look for in `text`: its tokenizer keeps letters
/// and digits and drops the rest ("&", "-", "/", emoji). Without any, an FTS phrase is empty and
/// matches nothing, which would empty a whole search.
bool hasWordCharacter(const QString& text)
{
    const QList<uint> codePoints = text.toUcs4();
    return std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) { return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse; });
}

/// FTS5 query text for words: each a quoted token, prefix-matched; phrases quoted whole.
QString ftsText(const QString& text, bool phrase)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return phrase ? QLatin1Char('"') + quoted + QLatin1Char('"') : QLatin1Char('"') + quoted + QStringLiteral("\"*");
}

/// One clause of the query, in the forms the search can use.
struct Clause {
    QString fts;        ///< an FTS5 expression that decides the clause alone ("" = none)
    QString prefilter;  ///< an FTS5 expression every match satisfies, not enough alone (tags)
    QString sql;        ///< an SQL condition over `song` that decides the clause alone
    QVariantList binds; ///< for `sql`
    bool costly = false;  ///< `sql` holds a per-row subquery (tags' JSON, play counts)
};

Clause ftsClause(const QString& expression)
{
    return Clause{expression, QString(), QStringLiteral("song.rowid IN (SELECT rowid FROM song_fts WHERE song_fts MATCH ?)"),
                  {expression}};
}

/// A tag matches whole, in any (ASCII) case. Tags are stored as compact JSON arrays; a plain
/// value is found as its quoted JSON string in that text, which needs no per-row JSON parse.
/// Values whose JSON spelling could differ between writers go through json_each.
Clause tagClause(const QString& value)
{
    Clause clause;
    if (hasWordCharacter(value)) {
        clause.prefilter = QStringLiteral("tags : ") + ftsText(value, true);
    }
    const bool plain = std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
    if (plain) {
        clause.sql = QStringLiteral("(instr(lower(song.tags), ?) > 0)");
        clause.binds << QLatin1Char('"') + value.toLower() + QLatin1Char('"');
    } else {
        clause.sql = QStringLiteral("EXISTS (SELECT 1 FROM json_each(song.tags) WHERE lower(json_each.value) = lower(?))");
        clause.binds << value;
        clause.costly = true;
    }
    return clause;
}

Result<Clause> clauseFor(const SearchTerm& term)
{
    if (term.field.isEmpty()) {
        return ftsClause(ftsText(term.value, term.phrase));
    }
    const QString& field = term.field;
    const QString& value = term.value;
    const int valueColumn = term.valueColumn;
    static const QStringList textFields{QStringLiteral("artist"), QStringLiteral("title"), QStringLiteral("album"),
                                        QStringLiteral("genre")};
    if (textFields.contains(field)) {
        if (!hasWordCharacter(value)) {
            // Nothing the index keeps ("artist:&"): the characters themselves, anywhere in it.
            Clause literal;
            literal.sql = QStringLiteral("(instr(lower(song.%1), lower(?)) > 0)").arg(field);
            literal.binds << value;
            return literal;
        }
        // The full-text index, limited to the field's column: words starting with the value's
        // words, accents optional, and no scan of the whole table.
        return ftsClause(field + QStringLiteral(" : ") + ftsText(value, false));
    }
    if (field == QLatin1String("tag")) {
        return tagClause(value);
    }
    Clause clause;
    Result<QString> sql = QString();
    if (field == QLatin1String("key")) {
        // The key, however it is written: key:Am finds "A minor", key:Bb finds "A#".
        if (const auto key = MusicalKey::parse(value.left(1).toUpper() + value.mid(1))) {
            const QStringList spellings = key->spellings();
            QStringList marks;
            for (const QString& spelling : spellings) {
                clause.binds << spelling;
                marks << QStringLiteral("?");
            }
            sql = QStringLiteral("(lower(trim(song.song_key)) IN (%1))").arg(marks.join(QLatin1Char(',')));
        } else {
            clause.binds << value;
            sql = QStringLiteral("(lower(song.song_key) = lower(?))");
        }
    } else if (field == QLatin1String("readiness")) {
        const QString readiness = value.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
        if (readiness != QLatin1String("learning") && readiness != QLatin1String("rehearsed") && readiness != QLatin1String("gig_ready")) {
            return failAt(valueColumn, "readiness is learning, rehearsed or gig-ready");
        }
        clause.binds << readiness;
        sql = QStringLiteral("(song.readiness = ?)");
    } else if (field == QLatin1String("bpm") || field == QLatin1String("year")) {
        sql = numberCondition(QStringLiteral("song.") + field, value, valueColumn, clause.binds, plainNumber, NumberField{true, {}});
    } else if (field == QLatin1String("rating")) {
        sql = numberCondition(QStringLiteral("song.") + field, value, valueColumn, clause.binds, plainNumber);
    } else if (field == QLatin1String("played")) {
        sql = numberCondition(QStringLiteral("(SELECT count(*) FROM play_event p WHERE p.song_id = song.id AND p.deleted = 0)"), value,
                              valueColumn, clause.binds, plainNumber);
        clause.costly = true;
    } else if (field == QLatin1String("duration")) {
        // "200s" and "3:20" are any length within that second, "4m" within that minute.
        const auto span = [](const QString& text) { return text.endsWith(QLatin1Char('m')) ? 60'000.0 : 1000.0; };
        sql = numberCondition(QStringLiteral("song.duration_ms"), value, valueColumn, clause.binds, durationMs, NumberField{true, span});
    } else {
        return failAt(term.column + (term.negated ? 1 : 0),
                      "unknown field \"" + field.toStdString() +
                          "\" (artist, title, album, genre, tag, key, readiness, bpm, year, rating, played, duration)");
    }
    if (!sql) {
        return std::unexpected(sql.error());
    }
    clause.sql = *sql;
    return clause;
}

/// Clauses ORed together; each may be negated.
struct Group {
    QList<Clause> clauses;
    QList<bool> negated;
};

}  // namespace

Result<SearchGroups> parseSearch(const QString& query, const std::function<Result<void>(const SearchTerm&)>& check)
{
    auto tokens = tokenize(query);
    if (!tokens) {
        return std::unexpected(tokens.error());
    }
    SearchGroups groups;  // ANDed
    bool expectOperand = true;
    bool afterOr = false;
    int orColumn = 0;
    bool skipped = false;  // the last clause was left out (no letters or digits)
    for (const Token& token : *tokens) {
        if (token.kind == Token::Or) {
            if (expectOperand && skipped) {
                continue;  // "& | salsa": the side that was left out takes its "|" with it
            }
            if (expectOperand) {
                return failAt(token.column, "\"|\" needs something on both sides");
            }
            expectOperand = true;
            afterOr = true;
            orColumn = token.column;
            continue;
        }
        // A word or phrase without letters or digits ("celia & cruz", an emoji) says nothing the
        // index could find: it is left out rather than matching nothing.
        const qsizetype colon = token.kind == Token::Phrase ? -1 : token.text.indexOf(QLatin1Char(':'));
        if (colon <= 0 && !hasWordCharacter(token.text)) {
            // "salsa | & merengue" is "salsa merengue": the "|" before it goes too.
            afterOr = false;
            expectOperand = groups.isEmpty();
            skipped = true;
            continue;
        }
        skipped = false;
        SearchTerm term;
        term.negated = token.negated;
        term.column = token.column;
        term.phrase = token.kind == Token::Phrase;
        if (colon > 0) {
            term.field = token.text.left(colon).toLower();
            term.value = token.text.mid(colon + 1);
            term.valueColumn = token.column + static_cast<int>(colon) + 1 + (token.negated ? 1 : 0);
            if (term.value.isEmpty()) {
                return failAt(term.valueColumn, "\"" + term.field.toStdString() + ":\" needs a value");
            }
        } else {
            term.value = token.text;
            term.valueColumn = token.column + (token.negated ? 1 : 0);
        }
        if (check) {
            if (auto ok = check(term); !ok) {
                return std::unexpected(ok.error());
            }
        }
        if (!afterOr || groups.isEmpty()) {
            groups.append(QList<SearchTerm>{});
        }
        groups.last().append(term);
        afterOr = false;
        expectOperand = false;
    }
    if (afterOr) {
        return failAt(orColumn, "\"|\" needs something on both sides");
    }
    return groups;
}

Result<QString> numberSearch(const QString& column, const SearchTerm& term, QVariantList& binds, bool zeroIsUnknown, bool durations)
{
    if (durations) {
        // "200s" and "3:20" are any length within that second, "4m" within that minute.
        const auto span = [](const QString& text) { return text.endsWith(QLatin1Char('m')) ? 60'000.0 : 1000.0; };
        return numberCondition(column, term.value, term.valueColumn, binds, durationMs, NumberField{zeroIsUnknown, span});
    }
    return numberCondition(column, term.value, term.valueColumn, binds, plainNumber, NumberField{zeroIsUnknown, {}});
}

Result<CompiledSearch> compileSearch(const QString& query)
{
    QList<Clause> clauses;  // each term's, in the order read
    auto parsed = parseSearch(query, [&clauses](const SearchTerm& term) -> Result<void> {
        auto clause = clauseFor(term);
        if (!clause) {
            return std::unexpected(clause.error());
        }
        clauses.append(*clause);
        return {};
    });
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    QList<Group> groups;  // ANDed
    qsizetype next = 0;
    for (const QList<SearchTerm>& terms : std::as_const(*parsed)) {
        Group group;
        for (const SearchTerm& term : terms) {
            group.clauses.append(clauses.at(next++));
            group.negated.append(term.negated);
        }
        groups.append(group);
    }

    // Whatever the full-text index can decide goes into one MATCH expression that drives the
    // query (a few thousand index entries instead of a row lookup per word); the rest is SQL over
    // the rows it yields. A negated word needs something positive to subtract from (FTS5's NOT
    // is binary), so without one it stays SQL.
    QStringList positive;
    QStringList prefilters;
    QList<Clause> negative;
    struct Condition {
        QString sql;
        QVariantList binds;
        bool costly = false;
    };
    QList<Condition> conditions;
    for (const Group& group : groups) {
        const bool allPlainFts = std::all_of(group.clauses.cbegin(), group.clauses.cend(), [](const Clause& c) { return !c.fts.isEmpty(); }) &&
                                 !group.negated.contains(true);
        if (allPlainFts) {
            QStringList alternatives;
            for (const Clause& clause : group.clauses) {
                alternatives << clause.fts;
            }
            positive << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            continue;
        }
        if (group.clauses.size() == 1 && group.negated.first() && !group.clauses.first().fts.isEmpty()) {
            negative << group.clauses.first();
            continue;
        }
        if (group.clauses.size() == 1 && !group.negated.first() && !group.clauses.first().prefilter.isEmpty()) {
            prefilters << QLatin1Char('(') + group.clauses.first().prefilter + QLatin1Char(')');
        }
        Condition condition;
        QStringList alternatives;
        for (qsizetype i = 0; i < group.clauses.size(); ++i) {
            const Clause& clause = group.clauses.at(i);
            alternatives << (group.negated.at(i) ? QStringLiteral("NOT ") + clause.sql : clause.sql);
            condition.binds << clause.binds;
            condition.costly = condition.costly || clause.costly;
        }
        condition.sql = QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        conditions.append(condition);
    }
    CompiledSearch compiled;
    if (!positive.isEmpty()) {
        compiled.match = positive.join(QStringLiteral(" AND "));
        if (!negative.isEmpty()) {
            QStringList subtracted;
            for (const Clause& clause : negative) {
                subtracted << clause.fts;
            }
            compiled.match = QLatin1Char('(') + compiled.match + QStringLiteral(") NOT (") + subtracted.join(QStringLiteral(" OR ")) +
                             QLatin1Char(')');
        }
    } else {
        for (const Clause& clause : negative) {
            conditions.append(Condition{QStringLiteral("NOT ") + clause.sql, clause.binds, false});
        }
    }
    compiled.prefilter = prefilters.join(QStringLiteral(" AND "));
    // SQLite tests the terms of a row in the order written: the cheap ones first, the per-row
    // subqueries (tags' JSON, play counts) last, so they run on fewer rows.
    std::stable_sort(conditions.begin(), conditions.end(), [](const Condition& a, const Condition& b) { return !a.costly && b.costly; });
    QStringList where;
    for (const Condition& condition : conditions) {
        where << condition.sql;
        compiled.binds << condition.binds;
    }
    if (!where.isEmpty()) {
        compiled.where = where.join(QStringLiteral(" AND "));
    }
    return compiled;
}

}  // namespace bandmate::core::library
