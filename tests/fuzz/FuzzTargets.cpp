// libFuzzer targets, one per parser that reads what strangers write (issue 26). Each is built
// into its own executable with BANDMATE_FUZZ_TARGET naming the parser; tests/fuzz/run.sh runs them.
// A parser may refuse anything; it must never crash, hang, leak or read out of bounds, and what
// it accepts must survive the round trip its writer promises.
#include "core/beats/MachineXml.h"
#include "core/library/ChordPro.h"
#include "core/library/SearchQuery.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/setlists/SetlistFormats.h"
#include "sync/protocol/ChangeJson.h"
#include "sync/server/PlayOptions.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <cmath>
#include <cstdlib>

namespace {

/// Stops the run with a message libFuzzer keeps with the input (an invariant broke).
void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

[[maybe_unused]] void machineXml(const QByteArray& input)
{
    auto machine = bandmate::core::beats::readMachineXml(input, QStringLiteral("fuzz"));
    if (!machine) {
        require(!machine.error().message.empty(), "a refusal says why");
        return;
    }
    // What was accepted writes out and reads back the same.
    auto again = bandmate::core::beats::readMachineXml(bandmate::core::beats::writeMachineXml(*machine), QStringLiteral("again"));
    require(again.has_value() && *again == *machine, "machine XML round trip");
}

[[maybe_unused]] void roadmapJson(const QByteArray& input)
{
    auto roadmap = bandmate::core::roadmap::parseRoadmapJson(input, QStringLiteral("fuzz"));
    if (!roadmap) {
        require(!roadmap.error().message.empty(), "a refusal says why");
        return;
    }
    auto again = bandmate::core::roadmap::parseRoadmapJson(bandmate::core::roadmap::writeRoadmapJson(*roadmap), QStringLiteral("again"));
    require(again.has_value() && *again == *roadmap, "roadmap JSON round trip");
}

[[maybe_unused]] void searchQuery(const QByteArray& input)
{
    (void)bandmate::core::library::compileSearch(QString::fromUtf8(input));
}

[[maybe_unused]] void chordPro(const QByteArray& input)
{
    const auto chart = bandmate::core::library::parseChordPro(QString::fromUtf8(input));
    (void)bandmate::core::library::chordChartHtml(chart, 3, true);
}

[[maybe_unused]] void setlistText(const QByteArray& input)
{
    auto groups = bandmate::core::setlists::parseSetlistGroups(input);
    if (groups) {
        for (const auto& group : *groups) {
            for (const QString& title : group.titles) {
                if (title.isEmpty() || title != title.trimmed() || title.size() > 200) {
                    std::fprintf(stderr, "title: [%s]\n", title.toUtf8().constData());
                }
                require(!title.isEmpty() && title == title.trimmed() && title.size() <= 200, "titles are trimmed, not empty, 200 at most");
            }
        }
    }
}

[[maybe_unused]] void syncChanges(const QByteArray& input)
{
    // A push body as the server reads it: {"device_id", "batch_id", "changes": [...]}.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (!document.isObject()) {
        return;
    }
    auto changes = bandmate::sync::changesFromJson(document.object().value(QStringLiteral("changes")).toArray(), QStringLiteral("changes"));
    if (changes) {
        QJsonArray written;
        for (const auto& change : *changes) {
            written.append(bandmate::sync::changeToJson(change));
        }
        auto again = bandmate::sync::changesFromJson(written, QStringLiteral("again"));
        require(again.has_value() && again->size() == changes->size(), "change JSON round trip");
    }
}

/// The salsa machine a shared page plays (what a listener's query changes).
[[maybe_unused]] const bandmate::core::beats::Machine& sharedMachine()
{
    static const bandmate::core::beats::Machine machine = [] {
        QFile file(QStringLiteral(BANDMATE_FUZZ_MACHINE));
        require(file.open(QIODevice::ReadOnly), "the machine file opens");
        auto read = bandmate::core::beats::readMachineXml(file.readAll(), QStringLiteral("salsa.xml"));
        require(read.has_value(), "the machine file reads");
        return *read;
    }();
    return machine;
}

[[maybe_unused]] void renderQuery(const QByteArray& input)
{
    // A shared groove's page or file URL's query, as the server reads it (issue 26: the server's
    // query strings). What it accepts is a machine the server may render: tempo and key within
    // their limits, at most 16 bars and 64 s; and its canonical query (the cache's key) reads
    // back as the same machine and the same query.
    using namespace bandmate;
    const core::beats::Machine& saved = sharedMachine();
    auto options = sync::playOptionsFromQuery(QString::fromUtf8(input), saved);
    if (!options) {
        require(!options.error().message.empty() && !options.error().where.empty(), "a refusal names the parameter");
        return;
    }
    auto played = sync::applyPlayOptions(saved, *options);
    if (!played) {
        require(!played.error().message.empty(), "a refusal says why");
        return;
    }
    require(played->bpm >= core::beats::MachineLimits::kMinBpm && played->bpm <= core::beats::MachineLimits::kMaxBpm, "tempo within limits");
    require(played->keyNote >= 0 && played->keyNote <= 11, "key from C to B");
    const int bars = sync::playableBars(*played, options->bars);
    require(bars >= 1 && bars <= sync::kMaxLoopBars, "1 to 16 bars");
    require(bars * 4.0 * 60.0 / played->bpm <= sync::kMaxLoopSeconds + 1e-6, "at most 64 s of audio");
    const QString canonical = sync::canonicalQuery(saved, *played, *options);
    auto again = sync::playOptionsFromQuery(canonical.mid(1), saved);
    require(again.has_value(), "the canonical query reads back");
    auto replayed = sync::applyPlayOptions(saved, *again);
    require(replayed.has_value(), "the canonical query applies");
    bool same = replayed->bpm == played->bpm && replayed->keyNote == played->keyNote && replayed->clave32 == played->clave32
                && replayed->instruments.size() == played->instruments.size();
    for (size_t i = 0; same && i < played->instruments.size(); ++i) {
        same = replayed->instruments[i].enabled == played->instruments[i].enabled;
    }
    require(same, "the canonical query plays the same machine");
    require(sync::playableBars(*replayed, again->bars) == bars, "the canonical query plays as many bars");
    require(sync::canonicalQuery(saved, *replayed, *again) == canonical, "the canonical query is its own canonical query");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    BANDMATE_FUZZ_TARGET(input);
    return 0;
}
