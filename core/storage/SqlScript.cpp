#include "core/storage/SqlScript.h"

#include <QRegularExpression>

namespace bandmate::core {

namespace {

bool isTriggerWaitingForEnd(const QString& statement)
{
    static const QRegularExpression trigger(
        QStringLiteral(R"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression endsWithEnd(QStringLiteral(R"(\bEND\s*$)"),
                                                QRegularExpression::CaseInsensitiveOption);
    return trigger.match(statement).hasMatch() && !endsWithEnd.match(statement).hasMatch();
}

}  // namespace

QStringList splitSqlScript(const QString& script)
{
    QStringList statements;
    QString current;  // the statement so far, comments removed
    bool hasCode = false;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        const QChar next = i + 1 < n ? script[i + 1] : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script[i] != QLatin1Char('\n')) {
                ++i;
            }
            current.append(QLatin1Char('\n'));
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            i += 2;
            while (i + 1 < n && !(script[i] == QLatin1Char('*') && script[i + 1] == QLatin1Char('/'))) {
                ++i;
            }
            ++i;
            current.append(QLatin1Char(' '));
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
            c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            current.append(c);
            hasCode = true;
            for (++i; i < n; ++i) {
                current.append(script[i]);
                if (script[i] == close) {
                    // A doubled quote is an escaped quote, not the end of the literal.
                    if (close != QLatin1Char(']') && i + 1 < n && script[i + 1] == close) {
                        current.append(script[++i]);
                        continue;
                    }
                    break;
                }
            }
            continue;
        }
        if (c == QLatin1Char(';') && !isTriggerWaitingForEnd(current)) {
            if (hasCode) {
                statements.append(current.trimmed());
            }
            current.clear();
            hasCode = false;
            continue;
        }
        if (!c.isSpace()) {
            hasCode = true;
        }
        current.append(c);
    }
    if (hasCode) {
        statements.append(current.trimmed());
    }
    return statements;
}

}  // namespace bandmate::core
