#include "app/server/GrooveRenderer.h"

#include "audio/engine/Kit.h"
#include "audio/engine/Pattern.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/NoteStream.h"

#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>
#include <mutex>

namespace bandmate::app {

namespace {

constexpr double kSampleRate = sync::kGrooveSampleRate;

/// The kit, loaded once (by the first render that needs it).
class SharedKit {
public:
    explicit SharedKit(QString folder) : m_folder(std::move(folder)) {}

    core::Result<std::shared_ptr<const audio::Kit>> get()
    {
        const std::lock_guard lock(m_mutex);
        // A kit that failed to load is not tried again for a minute (each try reads every file).
        if (m_failure && std::chrono::steady_clock::now() - m_failedAt < std::chrono::minutes(1)) {
            return std::unexpected(*m_failure);
        }
        if (!m_kit) {
            const std::string folder = m_folder.isEmpty() ? audio::Kit::defaultFolderNonRealTime() : m_folder.toStdString();
            if (folder.empty()) {
                return core::fail(core::ErrorCode::NotFound, "no kit is installed here: give --kit DIR or set BANDMATE_KIT_DIR", "--kit");
            }
            auto kit = audio::Kit::loadNonRealTime(folder, kSampleRate, {});
            if (!kit) {
                m_failure = kit.error();
                m_failedAt = std::chrono::steady_clock::now();
                return std::unexpected(kit.error());
            }
            m_kit = *kit;
            m_failure.reset();
        }
        return m_kit;
    }

private:
    QString m_folder;
    std::mutex m_mutex;
    std::shared_ptr<const audio::Kit> m_kit;
    std::optional<core::Error> m_failure;
    std::chrono::steady_clock::time_point m_failedAt;
};

/// The file a render wrote (the renderers write files, renaming them into place at the end).
core::Result<std::string> readBack(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return core::fail(core::ErrorCode::Io, "cannot read the rendered file back", path.toStdString());
    }
    return file.readAll().toStdString();
}

}  // namespace

sync::GrooveRenderer makeGrooveRenderer(const QString& kitFolder)
{
    auto kit = std::make_shared<SharedKit>(kitFolder);
    return [kit](const core::beats::Machine& machine, int bars, sync::GrooveFormat format) -> core::Result<std::string> {
        QTemporaryDir folder;
        if (!folder.isValid()) {
            return core::fail(core::ErrorCode::Io, "cannot make a temporary folder for a render", folder.errorString().toStdString());
        }
        const core::beats::NoteStream stream = core::beats::compileMachine(machine);
        if (format == sync::GrooveFormat::Midi) {
            const QString path = folder.filePath(QStringLiteral("groove.mid"));
            audio::MidiExportSettings settings;
            settings.steps = bars * core::beats::stepsPerBar(machine.flavor);
            settings.bpm = machine.bpm;
            if (auto written = audio::exportMidiFile(machine, stream, settings, path.toStdString()); !written) {
                return std::unexpected(written.error());
            }
            return readBack(path);
        }
        auto loaded = kit->get();
        if (!loaded) {
            return std::unexpected(loaded.error());
        }
        audio::RenderSettings settings;
        settings.sampleRate = kSampleRate;
        settings.bpm = machine.bpm;
        settings.frames = audio::framesForBars(bars, machine.flavor, machine.bpm, kSampleRate);
        settings.seamlessLoop = true;
        const QString path = folder.filePath(QStringLiteral("loop.wav"));
        if (auto rendered = audio::renderToWavFile(audio::Pattern::build(stream, *loaded), settings, path.toStdString()); !rendered) {
            return std::unexpected(rendered.error());
        }
        return readBack(path);
    };
}

}  // namespace bandmate::app
