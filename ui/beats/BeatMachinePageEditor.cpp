// The Beat Machine page's program editor: the step grid, the polymeter view and their tools.

#include "ui/beats/BeatMachinePage.h"

#include "ui/beats/ArrangeView.h"
#include "ui/beats/BeatMachinePageParts.h"
#include "ui/shell/FlowLayout.h"

namespace bandmate::ui {

using namespace beatpage;

QWidget* BeatMachinePage::buildEditor()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    // The program's tools: groups that wrap onto a second row in a narrow window.
    auto* toolsBox = new QWidget(box);
    auto* tools = new FlowLayout(toolsBox, 12, 6);
    const auto group = [toolsBox, tools] {
        auto* part = new QWidget(toolsBox);
        auto* row = new QHBoxLayout(part);
        row->setContentsMargins(0, 0, 0, 0);
        tools->addWidget(part);
        return row;
    };
    QHBoxLayout* chosen = group();
    m_editorTitle = new QLabel(box);
    m_editorTitle->setObjectName(QStringLiteral("sectionLabel"));
    m_editorTitle->setMinimumWidth(120);
    chosen->addWidget(m_editorTitle);
    m_editorProgram = new QComboBox(box);
    m_editorProgram->setObjectName(QStringLiteral("editorProgram"));
    m_editorProgram->setMinimumWidth(220);
    connect(m_editorProgram, &QComboBox::activated, this, [this](int program) { m_session->setActiveProgram(m_selected, program); });
    chosen->addWidget(m_editorProgram);
    QHBoxLayout* programTools = group();
    const auto tool = [&](const QString& text, const QString& tip, auto slot) {
        auto* button = new QToolButton(box);
        button->setText(text);
        button->setToolTip(tip);
        connect(button, &QToolButton::clicked, this, slot);
        programTools->addWidget(button);
    };
    tool(tr("New"), tr("Add an empty program"), [this] { m_session->addProgram(m_selected); });
    tool(tr("Duplicate"), tr("Copy this program"), [this] {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->duplicateProgram(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram);
        }
    });
    tool(tr("Rename…"), tr("Rename this program"), [this] {
        const core::beats::Program* program = activeProgramOf(m_session->machine(), m_selected);
        if (program == nullptr) {
            return;
        }
        const int index = m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram;
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename program"), tr("Program name:"), QLineEdit::Normal,
                                                    QString::fromStdString(program->title), &ok);
        if (ok) {
            m_session->renameProgram(m_selected, index, title);
        }
    });
    tool(tr("Delete"), tr("Delete this program"), [this] {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->removeProgram(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram);
        }
    });
    QHBoxLayout* steps = group();
    steps->addWidget(new QLabel(tr("Steps"), box));
    m_length = new QSpinBox(box);
    m_length->setObjectName(QStringLiteral("programLength"));
    m_length->setRange(1, core::beats::MachineLimits::kMaxSteps);
    connect(m_length, &QSpinBox::valueChanged, this, [this](int length) {
        if (activeProgramOf(m_session->machine(), m_selected) != nullptr) {
            m_session->setProgramLength(m_selected, m_session->machine().instruments[static_cast<size_t>(m_selected)].activeProgram, length);
        }
    });
    steps->addWidget(m_length);
    m_hand = new QComboBox(box);
    m_hand->setObjectName(QStringLiteral("hand"));
    m_hand->addItem(tr("Both hands"), static_cast<int>(core::beats::Hand::Both));
    m_hand->addItem(tr("Left hand"), static_cast<int>(core::beats::Hand::Left));
    m_hand->addItem(tr("Right hand"), static_cast<int>(core::beats::Hand::Right));
    m_hand->setToolTip(tr("Which hand new piano notes play"));
    connect(m_hand, &QComboBox::activated, this, [this](int index) {
        m_grid->setHand(static_cast<core::beats::Hand>(m_hand->itemData(index).toInt()));
    });
    tools->addWidget(m_hand);
    layout->addWidget(toolsBox);

    m_editorTabs = new QTabWidget(box);
    m_grid = new StepGrid(*m_session, m_editorTabs);
    auto* gridScroll = new QScrollArea(m_editorTabs);
    gridScroll->setWidgetResizable(true);
    gridScroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    gridScroll->setWidget(m_grid);
    m_editorTabs->addTab(gridScroll, tr("Program"));
    m_polymeter = new PolymeterView(*m_session, m_editorTabs);
    auto* polyScroll = new QScrollArea(m_editorTabs);
    polyScroll->setWidgetResizable(true);
    polyScroll->setWidget(m_polymeter);
    m_editorTabs->addTab(polyScroll, tr("All instruments"));
    m_arrange = new ArrangeView(*m_session, m_editorTabs);
    m_editorTabs->addTab(m_arrange, tr("Arrange"));
    // The program tools belong to the step editor: the Arrange tab has its own.
    connect(m_editorTabs, &QTabWidget::currentChanged, toolsBox, [this, toolsBox](int index) {
        toolsBox->setVisible(m_editorTabs->widget(index) != m_arrange);
    });
    layout->addWidget(m_editorTabs, 1);
    return box;
}

void BeatMachinePage::showEditorTab(int index)
{
    m_editorTabs->setCurrentIndex(std::clamp(index, 0, m_editorTabs->count() - 1));
}

void BeatMachinePage::refreshEditorTools()
{
    const auto& machine = m_session->machine();
    if (m_selected < 0 || m_selected >= static_cast<int>(machine.instruments.size())) {
        return;
    }
    const auto& instrument = machine.instruments[static_cast<size_t>(m_selected)];
    m_editorTitle->setText(QString::fromStdString(instrument.title).toUpper());
    const QSignalBlocker b1(m_editorProgram), b2(m_length);
    m_editorProgram->clear();
    for (const auto& program : instrument.programs) {
        m_editorProgram->addItem(QString::fromStdString(program.title));
    }
    m_editorProgram->setCurrentIndex(instrument.activeProgram);
    if (const core::beats::Program* program = activeProgramOf(machine, m_selected)) {
        m_length->setValue(program->length);
    }
    m_hand->setVisible(instrument.playBothHands);
    if (m_grid->instrument() != m_selected) {
        m_grid->setInstrument(m_selected);
    }
}

void BeatMachinePage::selectInstrument(int index)
{
    m_selected = index;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_rows[i].select->setChecked(static_cast<int>(i) == index);
    }
    m_grid->setInstrument(index);
    refreshEditorTools();
    m_editorTabs->setCurrentIndex(0);
}

}  // namespace bandmate::ui
