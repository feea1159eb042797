#include "sync/server/PlayOptions.h"

#include "core/beats/NoteStream.h"

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;

core::Result<core::beats::Machine> applyPlayOptions(core::beats::Machine machine, const PlayOptions& options)
{
    using Limits = core::beats::MachineLimits;
    if (options.bpm) {
        if (!std::isfinite(*options.bpm)) {
            return fail(ErrorCode::InvalidInput, "expected a tempo in BPM", "tempo");
        }
        machine.bpm = std::clamp(*options.bpm, Limits::kMinBpm, Limits::kMaxBpm);
    }
    if (options.key) {
        if (*options.key < 0 || *options.key > 11) {
            return fail(ErrorCode::InvalidInput, "expected a key from 0 (C) to 11 (B)", "key");
        }
        machine.keyNote = *options.key;
    }
    if (options.clave32) {
        machine.clave32 = *options.clave32;
    }
    const auto known = [&machine](const QStringList& ids, const char* where) -> core::Result<void> {
        for (const QString& id : ids) {
            if (std::none_of(machine.instruments.begin(), machine.instruments.end(),
                             [&id](const core::beats::Instrument& instrument) { return QString::fromStdString(instrument.id) == id; })) {
                return fail(ErrorCode::InvalidInput, "this groove has no instrument \"" + id.left(40).toStdString() + "\"", where);
            }
        }
        return {};
    };
    if (options.playing) {
        if (auto ok = known(*options.playing, "play"); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = known(options.off, "off"); !ok) {
        return std::unexpected(ok.error());
    }
    for (auto& instrument : machine.instruments) {
        const QString id = QString::fromStdString(instrument.id);
        if (options.playing) {
            instrument.enabled = options.playing->contains(id);
        }
        if (options.off.contains(id)) {
            instrument.enabled = false;
        }
    }
    return machine;
}

int loopBars(const core::beats::Machine& machine)
{
    const int perBar = core::beats::stepsPerBar(machine.flavor);
    std::int64_t steps = 2 * perBar;  // a clave cycle
    for (const auto& instrument : core::beats::compileMachine(machine).instruments) {
        steps = std::lcm(steps, static_cast<std::int64_t>(std::max(1, instrument.loopLength)));
        if (steps > static_cast<std::int64_t>(kMaxLoopBars) * perBar) {
            return kMaxLoopBars;
        }
    }
    return static_cast<int>(steps / perBar);
}

int playableBars(const core::beats::Machine& machine, std::optional<int> asked)
{
    const double secondsPerBar = 4.0 * 60.0 / std::max(core::beats::MachineLimits::kMinBpm, machine.bpm);
    const int longest = std::max(1, static_cast<int>(std::floor(kMaxLoopSeconds / secondsPerBar + 1e-9)));
    return std::clamp(asked.value_or(loopBars(machine)), 1, std::min(kMaxLoopBars, longest));
}

core::Result<PlayOptions> playOptionsFromQuery(const QString& text, const core::beats::Machine& machine)
{
    const QUrlQuery query(text);
    const auto has = [&query](const QString& name) { return query.hasQueryItem(name); };
    const auto value = [&query](const QString& name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    PlayOptions options;
    if (has(QStringLiteral("tempo"))) {
        bool ok = false;
        const double bpm = value(QStringLiteral("tempo")).toDouble(&ok);
        if (!ok || !std::isfinite(bpm)) {
            return core::fail(ErrorCode::InvalidInput, "expected a tempo in BPM, e.g. 180", "tempo");
        }
        options.bpm = std::round(bpm);  // whole BPM (one cached file each), clamped to 30-300 by applyPlayOptions
    }
    if (has(QStringLiteral("key"))) {
        bool ok = false;
        const int key = value(QStringLiteral("key")).toInt(&ok);
        if (!ok || key < 0 || key > 11) {
            return core::fail(ErrorCode::InvalidInput, "expected a key from 0 (C) to 11 (B)", "key");
        }
        options.key = key;
    }
    if (has(QStringLiteral("clave"))) {
        const QString clave = value(QStringLiteral("clave"));
        if (clave != QLatin1String("2-3") && clave != QLatin1String("3-2")) {
            return core::fail(ErrorCode::InvalidInput, "expected 2-3 or 3-2", "clave");
        }
        options.clave32 = clave == QLatin1String("3-2");
    }
    if (has(QStringLiteral("set"))) {
        QStringList playing;  // the page's form: a box for each instrument, ticked ones on
        for (const auto& instrument : machine.instruments) {
            if (has(QStringLiteral("on-") + QString::fromStdString(instrument.id))) {
                playing << QString::fromStdString(instrument.id);
            }
        }
        options.playing = playing;
    } else if (has(QStringLiteral("play"))) {
        options.playing = value(QStringLiteral("play")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (has(QStringLiteral("off"))) {
        for (const QString& id : value(QStringLiteral("off")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!options.off.contains(id)) {
                options.off << id;
            }
        }
    }
    if (has(QStringLiteral("bars"))) {
        bool ok = false;
        const int bars = value(QStringLiteral("bars")).toInt(&ok);
        if (!ok) {
            return core::fail(ErrorCode::InvalidInput, "expected a whole number of bars", "bars");
        }
        options.bars = std::clamp(bars, 1, kMaxLoopBars);
    }
    return options;
}

QString canonicalQuery(const core::beats::Machine& saved, const core::beats::Machine& played, const PlayOptions& options)
{
    QUrlQuery query;
    if (played.bpm != saved.bpm) {
        query.addQueryItem(QStringLiteral("tempo"), QString::number(played.bpm));
    }
    if (played.keyNote != saved.keyNote) {
        query.addQueryItem(QStringLiteral("key"), QString::number(played.keyNote));
    }
    if (played.clave32 != saved.clave32) {
        query.addQueryItem(QStringLiteral("clave"), played.clave32 ? QStringLiteral("3-2") : QStringLiteral("2-3"));
    }
    const auto enabled = [](const core::beats::Machine& machine) {
        QStringList ids;
        for (const auto& instrument : machine.instruments) {
            if (instrument.enabled) {
                ids << QString::fromStdString(instrument.id);
            }
        }
        return ids;
    };
    if (enabled(played) != enabled(saved)) {
        query.addQueryItem(QStringLiteral("play"), enabled(played).isEmpty() ? QStringLiteral(",") : enabled(played).join(QLatin1Char(',')));
    }
    if (options.bars) {
        query.addQueryItem(QStringLiteral("bars"), QString::number(*options.bars));
    }
    const QString text = query.toString(QUrl::FullyEncoded);
    return text.isEmpty() ? QString() : QStringLiteral("?") + text;
}

}  // namespace bandmate::sync
