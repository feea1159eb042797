#pragma once

// Helpers shared by the files that define BeatMachinePage (private to them).

#include "ui/shell/PageActions.h"

#include "audio/device/LivePlayer.h"
#include "audio/render/MidiExport.h"
#include "audio/render/OfflineRenderer.h"
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "core/beats/NoteStream.h"
#include "core/profile/Profile.h"
#include "sync/client/GrooveClient.h"
#include "ui/beats/BeatSession.h"
#include "ui/beats/BeatViews.h"
#include "ui/beats/ExportJob.h"
#include "ui/beats/StepGrid.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QPaintEvent>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace bandmate::ui::beatpage {

inline const char* const kKeyNames[] = {"C", "C♯ / D♭", "D", "E♭", "E", "F", "F♯ / G♭", "G", "A♭", "A", "B♭", "B"};

inline QString pageStyle()
{
    return QStringLiteral(R"(
#beatBanner { border-radius: 6px; padding: 6px 10px; }
#beatBanner[error="true"] { background: #fde7e4; color: #8a1f11; }
#beatBanner[error="false"] { background: #e6f4ea; color: #185c2b; }
#playButton { min-width: 92px; min-height: 30px; font-weight: 600; border-radius: 6px;
              background: %1; color: white; border: none; padding: 4px 14px; }
#playButton:checked { background: #b4432b; }
#beatTitle { font-size: 17pt; font-weight: 600; }
#modifiedMark { color: %1; font-weight: 600; }
#mixer QToolButton:checked { background: %1; color: white; border-radius: 4px; }
#sectionLabel { color: palette(placeholder-text); font-weight: 600; text-transform: uppercase; }
)")
        .arg(accentColor());
}

inline QLabel* section(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text.toUpper(), parent);
    label->setObjectName(QStringLiteral("sectionLabel"));
    return label;
}

/// The instrument's program on show; nullptr when there is none (no instrument selected, or a
/// machine whose programs have not all arrived from another computer yet).
inline const core::beats::Program* activeProgramOf(const core::beats::Machine& machine, int instrument)
{
    if (instrument < 0 || instrument >= static_cast<int>(machine.instruments.size())) {
        return nullptr;
    }
    const auto& item = machine.instruments[static_cast<size_t>(instrument)];
    if (item.activeProgram < 0 || item.activeProgram >= static_cast<int>(item.programs.size())) {
        return nullptr;
    }
    return &item.programs[static_cast<size_t>(item.activeProgram)];
}

}  // namespace bandmate::ui::beatpage
