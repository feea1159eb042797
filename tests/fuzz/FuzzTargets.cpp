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

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    BANDMATE_FUZZ_TARGET(input);
    return 0;
}
