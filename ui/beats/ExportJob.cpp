#include "ui/beats/ExportJob.h"

#include <QMetaObject>

namespace bandmate::ui {

AudioExportJob::AudioExportJob(std::shared_ptr<const audio::Pattern> pattern, audio::RenderSettings settings,
                               QString path, QObject* parent)
    : QObject(parent), m_pattern(std::move(pattern)), m_settings(std::move(settings)), m_path(std::move(path))
{
}

AudioExportJob::~AudioExportJob()
{
    m_cancelled = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void AudioExportJob::start()
{
    if (m_thread.joinable()) {
        return;
    }
    int lastPercent = -1;
    m_settings.progress = [this, lastPercent](double done) mutable {
        const int percent = static_cast<int>(done * 100.0);
        if (percent != lastPercent) {
            lastPercent = percent;
            // Queued to the UI thread; dropped if the job is gone by then.
            QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progress(percent); }, Qt::QueuedConnection);
        }
        return !m_cancelled.load();
    };
    m_thread = std::thread([this] {
        const auto result = audio::renderToWavFile(m_pattern, m_settings, m_path.toStdString());
        const bool ok = result.has_value();
        const QString message = ok ? QString() : QString::fromStdString(result.error().message);
        QMetaObject::invokeMethod(this, [this, ok, message] { Q_EMIT finished(ok, message); }, Qt::QueuedConnection);
    });
}

}  // namespace bandmate::ui
