#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QVariantList>

#include <functional>

namespace bandmate::core::library {

/// A library search compiled for SQLite: an FTS5 expression over `song_fts` that every result
/// satisfies (it drives the query), and an SQL condition over the `song` table (alias `song`) for
/// the rest.
struct CompiledSearch {
    QString match;                        ///< "" = no full-text part: scan `song`
    /// An FTS5 expression every result satisfies but that does not decide alone (tags: the
    /// index finds the word, `where` checks the whole tag). Worth driving the query only when it
    /// matches few songs; `where` is right either way.
    QString prefilter;
    QString where = QStringLiteral("1");  ///< "1" matches everything
    QVariantList binds;                   ///< for `where`
};

/// One clause of a search as the grammar reads it: free text (a word, or a "phrase") or
/// field:value, negated with a leading "-".
struct SearchTerm {
    QString field;         ///< lower case; empty for free text
    QString value;
    bool phrase = false;   ///< free text given as a "quoted phrase"
    bool negated = false;
    int column = 1;        ///< where the clause starts in the query (1-based)
    int valueColumn = 1;   ///< where its value starts
};

/// A search read by the grammar below: groups that must all hold, each of terms any one of which
/// may ("a | b"). Free text without a letter or digit ("&", an emoji) is left out. A malformed
/// query fails with InvalidArgument and `where` = "column N". Each place that searches (the
/// library, feeds) gives the fields their meaning: `check` sees each term as it is read, in
/// order, so the first mistake in the query is the one told, whichever kind it is.
using SearchGroups = QList<QList<SearchTerm>>;
[[nodiscard]] Result<SearchGroups> parseSearch(const QString& query, const std::function<Result<void>(const SearchTerm&)>& check = {});

/// A number field's value as SQL over `column`: ">N", "<N", ">=N", "<=N", "N", "A-B"; with
/// `durations`, values in s, m or m:ss compared as milliseconds (an exact one covers its second
/// or minute). With `zeroIsUnknown`, 0 is "not known" and no range holds it.
[[nodiscard]] Result<QString> numberSearch(const QString& column, const SearchTerm& term, QVariantList& binds, bool zeroIsUnknown,
                                           bool durations = false);

/// Compiles the search grammar (documented in resources/library/SEARCH.md):
///
///   words             full text over title, artist, album, genre, tags and notes (prefix match)
///   "a phrase"        those words in that order
///   field:value       artist: title: album: genre: tag: key: readiness:  (value may be "quoted")
///   field:NUMBER      bpm: year: played: rating:  with  >N  <N  >=N  <=N  N  A-B
///   duration:<4m      durations in s, m or m:ss
///   -clause           not
///   a | b             either (binds tighter than the implicit AND between clauses)
///
/// A malformed query fails with InvalidArgument and `where` = "column N" (1-based).
[[nodiscard]] Result<CompiledSearch> compileSearch(const QString& query);

}  // namespace bandmate::core::library
