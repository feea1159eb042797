#pragma once

#include "audio/render/OfflineRenderer.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace bandmate::ui {

/// Renders a pattern to a WAV file on a worker thread, reporting progress to the UI thread.
/// Cancelling (or destroying the job) stops the render and leaves no partial file.
class AudioExportJob : public QObject {
    Q_OBJECT
public:
    AudioExportJob(std::shared_ptr<const audio::Pattern> pattern, audio::RenderSettings settings, QString path,
                   QObject* parent = nullptr);
    ~AudioExportJob() override;

    void start();
    void cancel() { m_cancelled = true; }
    [[nodiscard]] const QString& path() const { return m_path; }

Q_SIGNALS:
    void progress(int percent);
    /// `ok` false with a message when it failed or was cancelled.
    void finished(bool ok, const QString& message);

private:
    std::shared_ptr<const audio::Pattern> m_pattern;
    audio::RenderSettings m_settings;
    QString m_path;
    std::atomic<bool> m_cancelled{false};
    std::thread m_thread;
};

}  // namespace bandmate::ui
