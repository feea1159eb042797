#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QVariantList>

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
