#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bandmate::sync {

/// What a listener may change on a shared groove's page; the server renders each combination
/// (and caches it). Unset: as the author saved it.
struct PlayOptions {
    std::optional<double> bpm;     ///< clamped to 30-300
    std::optional<int> key;        ///< 0 = C … 11 = B
    std::optional<bool> clave32;   ///< 3-2 (true) or 2-3
    std::optional<QStringList> playing;  ///< exactly these instrument ids on (others off)
    QStringList off;               ///< instrument ids switched off (others as saved or `playing`)
    std::optional<int> bars;       ///< loop length, 1 to kMaxLoopBars; unset: loopBars()
};
inline constexpr int kMaxLoopBars = 16;
/// A loop is at most this long, whatever its bars and tempo (16 bars at 60 BPM): what one
/// request may make the server render is bounded.
inline constexpr double kMaxLoopSeconds = 64.0;

/// The machine as a page plays it with `options`: tempo clamped to MachineLimits, the key and
/// the clave direction set, the instruments in `playing` on and the others off, those in `off`
/// off. An instrument the machine does not have is an InvalidInput naming it ("play" or "off").
[[nodiscard]] core::Result<core::beats::Machine> applyPlayOptions(core::beats::Machine machine, const PlayOptions& options);
/// The bars of one seamless loop of the machine: whole clave cycles (two bars) that hold every
/// enabled instrument's program a whole number of times, at most kMaxLoopBars.
[[nodiscard]] int loopBars(const core::beats::Machine& machine);
/// The bars a page plays: `asked` (or loopBars()), at most kMaxLoopBars and kMaxLoopSeconds long.
[[nodiscard]] int playableBars(const core::beats::Machine& machine, std::optional<int> asked);

/// The listener's options from a page or file URL's query (still percent-encoded, without the
/// "?"): tempo (rounded to whole BPM), key, clave, play=a,b (exactly these instruments; or the
/// page form's set=1 with on-ID for each one ticked), off=a,b (these off), bars. An error names
/// the parameter.
[[nodiscard]] core::Result<PlayOptions> playOptionsFromQuery(const QString& query, const core::beats::Machine& machine);
/// The query ("?..." or empty) naming what a listener changed from the saved machine, the same
/// for every way of asking for one combination, so each is one cacheable URL: read back by
/// playOptionsFromQuery it plays `played` again.
[[nodiscard]] QString canonicalQuery(const core::beats::Machine& saved, const core::beats::Machine& played, const PlayOptions& options);

}  // namespace bandmate::sync
