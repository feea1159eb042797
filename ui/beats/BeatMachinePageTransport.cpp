// The Beat Machine page's transport: play, tempo, key, clave, swing, volume, the instructor's
// voice, count-in and the tempo trainer.

#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatMachinePageParts.h"
#include "ui/shell/FlowLayout.h"

namespace bandmate::ui {

using namespace beatpage;

QWidget* BeatMachinePage::buildTransport()
{
    auto* bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("transport"));
    bar->setFrameShape(QFrame::StyledPanel);
    // Groups of controls (a label and what it names stay together) that wrap onto more rows
    // in a narrow window: two rows on a laptop, one or two on a large screen.
    auto* flow = new FlowLayout(bar, 18, 8);
    flow->setContentsMargins(12, 8, 12, 8);
    const auto group = [bar, flow](std::initializer_list<QWidget*> widgets) {
        auto* box = new QWidget(bar);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(8);
        for (QWidget* widget : widgets) {
            row->addWidget(widget);
        }
        flow->addWidget(box);
    };

    m_play = new QPushButton(tr("▶  Play"), bar);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play, pause, continue (Space)"));
    connect(m_play, &QPushButton::clicked, this, [this] {
        m_session->togglePlay();
        const QSignalBlocker block(m_play);
        m_play->setChecked(m_session->isPlaying() || m_session->waitsForMidiClock());
    });
    auto* stop = new QPushButton(tr("■  Stop"), bar);
    stop->setObjectName(QStringLiteral("stopButton"));
    stop->setToolTip(tr("Stop and go back to the start (Esc)"));
    connect(stop, &QPushButton::clicked, this, [this] { m_session->stop(); });
    group({m_play, stop});

    auto* tempoLabel = new QLabel(tr("Tempo"), bar);
    m_bpmSlider = new QSlider(Qt::Horizontal, bar);
    m_bpmSlider->setObjectName(QStringLiteral("bpmSlider"));
    m_bpmSlider->setRange(30, 300);
    m_bpmSlider->setMinimumWidth(120);
    m_bpmSlider->setAccessibleName(tr("Tempo"));
    connect(m_bpmSlider, &QSlider::valueChanged, this, [this](int bpm) { m_session->setBpm(bpm); });
    m_bpm = new QDoubleSpinBox(bar);
    m_bpm->setObjectName(QStringLiteral("bpm"));
    m_bpm->setRange(30, 300);
    m_bpm->setDecimals(1);
    m_bpm->setSuffix(tr(" BPM"));
    m_bpm->setToolTip(tr("Tempo: + and − change it by 5, T taps it"));
    connect(m_bpm, &QDoubleSpinBox::valueChanged, this, [this](double bpm) { m_session->setBpm(bpm); });
    auto* tap = new QPushButton(tr("Tap"), bar);
    tap->setToolTip(tr("Tap the tempo (T)"));
    connect(tap, &QPushButton::clicked, this, [this] { m_session->tapTempo(); });
    group({tempoLabel, m_bpmSlider, m_bpm, tap});

    m_key = new QComboBox(bar);
    m_key->setObjectName(QStringLiteral("key"));
    for (const char* name : kKeyNames) {
        m_key->addItem(QString::fromUtf8(name));
    }
    m_key->setToolTip(tr("Key of piano and bass: K goes up a fifth, Shift+K up a fourth"));
    connect(m_key, &QComboBox::activated, this, [this](int key) { m_session->setKey(key); });
    group({new QLabel(tr("Key"), bar), m_key});

    m_clave = new QComboBox(bar);
    m_clave->setObjectName(QStringLiteral("clave"));
    m_clave->addItem(tr("2-3"));
    m_clave->addItem(tr("3-2"));
    connect(m_clave, &QComboBox::activated, this, [this](int index) { m_session->setClave32(index == 1); });
    group({new QLabel(tr("Clave"), bar), m_clave});

    m_swing = new QSlider(Qt::Horizontal, bar);
    m_swing->setObjectName(QStringLiteral("swing"));
    m_swing->setRange(0, 100);
    m_swing->setMinimumWidth(110);
    m_swing->setToolTip(tr("Swing: 0 % straight, 100 % a triplet feel"));
    connect(m_swing, &QSlider::valueChanged, this, [this](int percent) { m_session->setSwing(percent / 100.0); });
    group({new QLabel(tr("Swing"), bar), m_swing});

    m_master = new QSlider(Qt::Horizontal, bar);
    m_master->setObjectName(QStringLiteral("masterVolume"));
    m_master->setRange(0, 100);
    m_master->setMinimumWidth(110);
    connect(m_master, &QSlider::valueChanged, this, [this](int percent) { m_session->setMasterVolume(percent / 100.0); });
    group({new QLabel(tr("Volume"), bar), m_master});
    m_countIn = new QCheckBox(tr("Count-in"), bar);
    m_countIn->setObjectName(QStringLiteral("countIn"));
    m_countIn->setToolTip(tr("One bar of clicks before the groove starts"));
    connect(m_countIn, &QCheckBox::toggled, this, [this](bool on) { m_session->setCountIn(on); });
    m_link = new QPushButton(tr("Link"), bar);
    m_link->setObjectName(QStringLiteral("linkButton"));
    m_link->setCheckable(true);  // (its text and tip: showLinkState)
    connect(m_link, &QPushButton::toggled, this, [this](bool on) {
        // Only Link's own choice: a JACK transport role kept in Preferences stays what it is
        // (the button is not offered while it runs: one outside clock at a time).
        Settings::LinkSync link = m_settings.linkSync();
        link.enabled = on;
        m_settings.setLinkSync(link);
        m_settings.sync();
        // Link alone: a JACK role kept in Preferences comes back with Preferences (or the next
        // start), not by starting every JACK app's transport from this button.
        m_session->setLink({link.enabled, link.claveCycle, link.startStop});
        showLinkState();
    });
    group({m_countIn, m_link});
    auto* voice = new QComboBox(bar);
    voice->setObjectName(QStringLiteral("voice"));
    const std::pair<const char*, QString> voices[] = {{"es", tr("Spanish")}, {"en", tr("English")}, {"it", tr("Italian")},
                                                      {"fr", tr("French")},  {"de", tr("German")},  {"ru", tr("Russian")},
                                                      {"nb", tr("Norwegian")}};
    for (const auto& [code, language] : voices) {
        voice->addItem(language, QString::fromLatin1(code));
    }
    voice->setCurrentIndex(std::max(0, voice->findData(m_settings.instructorVoice())));
    voice->setToolTip(tr("The language the instructor counts in (turn the Instructor on below)"));
    connect(voice, &QComboBox::activated, this, [this, voice](int index) {
        m_settings.setInstructorVoice(voice->itemData(index).toString());
        m_session->setVoice(voice->itemData(index).toString());
    });
    group({new QLabel(tr("Instructor"), bar), voice});
    // The trainer's tempo beside the beat: its room is kept while it is hidden and sized for the
    // widest tempo, so the transport never rewraps (and the page never jumps) while playing.
    m_trainerLabel = new QLabel(bar);
    m_trainerLabel->setMinimumWidth(m_trainerLabel->fontMetrics().horizontalAdvance(tr("Trainer: %1 BPM").arg(300)) + 4);
    QSizePolicy keepRoom = m_trainerLabel->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_trainerLabel->setSizePolicy(keepRoom);
    m_trainerLabel->hide();
    m_indicator = new BeatIndicator(*m_session, bar);
    m_indicator->setMinimumWidth(200);
    group({m_trainerLabel, m_indicator});
    return bar;
}

void BeatMachinePage::showTrainer()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Tempo trainer"));
    auto* form = new QFormLayout(&dialog);
    const TempoTrainer current = m_session->trainer();
    auto* enabled = new QCheckBox(tr("Change the tempo while I play"), &dialog);
    enabled->setChecked(current.enabled);
    form->addRow(enabled);
    const auto spin = [&](double value, const QString& suffix) {
        auto* box = new QDoubleSpinBox(&dialog);
        box->setRange(30, 300);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    auto* start = spin(current.startBpm, tr(" BPM"));
    auto* target = spin(current.targetBpm, tr(" BPM"));
    auto* step = spin(current.stepBpm, tr(" BPM"));
    step->setRange(1, 50);
    auto* every = new QSpinBox(&dialog);
    every->setRange(1, 64);
    every->setValue(current.everyBars);
    every->setSuffix(tr(" bars"));
    form->addRow(tr("Start at:"), start);
    form->addRow(tr("Go towards:"), target);
    form->addRow(tr("Change by:"), step);
    form->addRow(tr("Every:"), every);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        m_session->setTrainer({enabled->isChecked(), start->value(), target->value(), step->value(), every->value()});
    }
}

}  // namespace bandmate::ui
