// Every page fits a laptop (issue 28): each page of the main window, with a demo database in it,
// at 1024x640 and at 1920x1080, in English, Spanish and Bokmål, light and dark; and the main
// dialogs at their own size. A button, label or combo box narrower than its text, two siblings
// that overlap, a widget cut by its parent, or a panel that scrolls sideways fails the test.
// BANDMATE_LAYOUT_SHOTS=DIR also saves each page as DIR/LANGUAGE-THEME-WxH-PAGE.png to look at.

#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "core/setlists/RunSheet.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/ShareDialog.h"
#include "ui/beats/TakeDialog.h"
#include "core/beats/BuiltinMachines.h"
#include "ui/library/SongEditor.h"
#include "ui/roadmap/ProfileDialog.h"
#include "ui/roadmap/RoadmapEditor.h"
#include "ui/setlists/EntryDialog.h"
#include "ui/setlists/FanVoteDialog.h"
#include "ui/setlists/PractiseDialog.h"
#include "ui/setlists/ShowDialog.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Pages.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/Settings.h"
#include "ui/shell/Theme.h"
#include "ui/shell/WelcomeWizard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionFrame>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace bandmate::test {
namespace {

struct Case {
    const char* language;
    bool dark;
    QSize size;
    int fontPoints = 0;  ///< a desktop's larger font (GNOME's 11 pt), 0: the platform's
};

std::string caseName(const ::testing::TestParamInfo<Case>& info)
{
    return std::string(info.param.language) + (info.param.dark ? "_dark_" : "_light_") + std::to_string(info.param.size.width()) + "x" +
           std::to_string(info.param.size.height()) + (info.param.fontPoints > 0 ? "_" + std::to_string(info.param.fontPoints) + "pt" : "");
}

/// "QPushButton 'Start a roadmap…'": a widget as a failure names it.
QString describe(const QWidget* widget)
{
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        text = label->text();
    } else if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        text = button->text();
    } else if (const auto* combo = qobject_cast<const QComboBox*>(widget)) {
        text = combo->currentText();
    }
    text = text.simplified();
    if (text.size() > 50) {
        text = text.left(49) + QStringLiteral("…");
    }
    const QString name = widget->objectName().isEmpty() ? QString() : QLatin1Char('#') + widget->objectName();
    return QString::fromLatin1(widget->metaObject()->className()) + name + (text.isEmpty() ? QString() : QStringLiteral(" '") + text + QLatin1Char('\''));
}

/// Whether `widget` lives inside an item view or a menu (their own insides are not laid out by
/// the page) or is the viewport or a scroll bar of a scroll area.
bool outsideTheCheck(const QWidget* widget)
{
    for (const QWidget* up = widget->parentWidget(); up != nullptr; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractItemView*>(up) != nullptr || qobject_cast<const QMenu*>(up) != nullptr) {
            return true;
        }
    }
    return qobject_cast<const QScrollBar*>(widget) != nullptr;
}

/// The width the text of a combo box has, and the width it needs.
std::pair<int, int> comboTextRoom(const QComboBox* combo)
{
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = combo->isEditable();
    option.currentText = combo->currentText();
    option.currentIcon = combo->itemIcon(combo->currentIndex());
    option.iconSize = combo->iconSize();
    const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
    int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
    if (!option.currentIcon.isNull()) {
        needed += combo->iconSize().width() + 4;
    }
    return {field.width(), needed};
}

/// What is wrong with the layout of the visible widgets under `root`, one line each.
QStringList layoutProblems(QWidget* root)
{
    QStringList problems;
    const QList<QWidget*> widgets = root->findChildren<QWidget*>();
    const auto shown = [&](const QWidget* widget) { return widget->isVisibleTo(root) && !widget->isWindow() && !outsideTheCheck(widget); };
    for (QWidget* widget : widgets) {
        if (!shown(widget) || widget->width() <= 0) {
            continue;
        }
        const QString name = describe(widget);
        // A form's label whose "&" would mark its key but has no field to give the focus to
        // shows the "&" itself ("R&ating:").
        if (auto* label = qobject_cast<QLabel*>(widget); label != nullptr && label->buddy() == nullptr && label->textFormat() != Qt::RichText) {
            auto* form = qobject_cast<QFormLayout*>(label->parentWidget() != nullptr ? label->parentWidget()->layout() : nullptr);
            int row = -1;
            QFormLayout::ItemRole role = QFormLayout::FieldRole;
            if (form != nullptr) {
                form->getWidgetPosition(label, &row, &role);
            }
            static const QRegularExpression mnemonic(QStringLiteral("&[^&\\s]"));
            if (row >= 0 && role == QFormLayout::LabelRole && mnemonic.match(QString(label->text()).remove(QStringLiteral("&&"))).hasMatch()) {
                problems << QStringLiteral("%1 shows its \"&\": it has no field to be the label of").arg(name);
            }
        }
        // Narrower than its own text.
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            if (label->pixmap().isNull() && !label->text().isEmpty()) {
                if (label->wordWrap()) {
                    const int needed = label->heightForWidth(label->width());
                    if (needed > label->height() + 1) {
                        problems << QStringLiteral("%1 is cut: %2 px high, its text needs %3").arg(name).arg(label->height()).arg(needed);
                    }
                } else if (label->width() + 1 < label->sizeHint().width()) {
                    problems << QStringLiteral("%1 is cut: %2 px wide, its text needs %3").arg(name).arg(label->width()).arg(label->sizeHint().width());
                }
            }
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            const auto [room, needed] = comboTextRoom(combo);
            if (room + 1 < needed) {
                problems << QStringLiteral("%1 is cut: room for %2 px of text, it needs %3").arg(name).arg(room).arg(needed);
            }
        } else if (qobject_cast<QCheckBox*>(widget) != nullptr || qobject_cast<QRadioButton*>(widget) != nullptr) {
            if (!static_cast<QAbstractButton*>(widget)->text().isEmpty() && widget->width() + 1 < widget->sizeHint().width()) {
                problems << QStringLiteral("%1 is cut: %2 px wide, it needs %3").arg(name).arg(widget->width()).arg(widget->sizeHint().width());
            }
        } else if (qobject_cast<QPushButton*>(widget) != nullptr || qobject_cast<QToolButton*>(widget) != nullptr) {
            // Its text and the style's margins (a push button's size hint also has a minimum
            // width of its own, which a deliberately small "+" button need not have).
            const auto* button = static_cast<QAbstractButton*>(widget);
            const QString text = QString(button->text()).remove(QRegularExpression(QStringLiteral("&(?!&)")));
            int needed = button->fontMetrics().horizontalAdvance(text) + 8;
            if (!button->icon().isNull()) {
                needed += button->iconSize().width() + 4;
            }
            if (const auto* tool = qobject_cast<const QToolButton*>(button); tool != nullptr && tool->menu() != nullptr) {
                needed += button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button);
            }
            needed = std::min(needed, button->sizeHint().width());  // at its size hint it shows all
            if (!text.isEmpty() && widget->width() + 1 < needed) {
                problems << QStringLiteral("%1 is cut: %2 px wide, its text needs %3").arg(name).arg(widget->width()).arg(needed);
            }
        }
        // A field's hint or a spin box's value cut off.
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) {
            const QLineEdit* edit = spin->findChild<QLineEdit*>();
            if (edit != nullptr && edit->width() > 0 && edit->fontMetrics().horizontalAdvance(edit->text()) > edit->width() - 4) {
                problems << QStringLiteral("%1 '%2' is cut: %3 px for its value").arg(name, edit->text()).arg(edit->width());
            }
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget);
                   edit != nullptr && qobject_cast<QAbstractSpinBox*>(edit->parentWidget()) == nullptr && qobject_cast<QComboBox*>(edit->parentWidget()) == nullptr &&
                   edit->text().isEmpty() && !edit->placeholderText().isEmpty()) {
            QStyleOptionFrame option;
            option.initFrom(edit);
            const QRect room = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit).marginsRemoved(edit->textMargins());
            const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
            if (needed > room.width() - 4) {
                problems << QStringLiteral("%1 cuts its hint '%2': %3 px for %4").arg(name, edit->placeholderText().left(40)).arg(room.width()).arg(needed);
            }
        }
        // A panel that scrolls sideways.
        if (auto* area = qobject_cast<QScrollArea*>(widget); area != nullptr) {
            if (area->horizontalScrollBar()->isVisible()) {
                problems << QStringLiteral("%1 scrolls sideways (%2 px more than it shows)").arg(name).arg(area->horizontalScrollBar()->maximum());
            } else if (area->widget() != nullptr && area->widget()->width() > area->viewport()->width() + 1) {
                problems << QStringLiteral("%1 cuts its contents at the right (%2 px of %3 shown)")
                                .arg(name)
                                .arg(area->viewport()->width())
                                .arg(area->widget()->width());
            }
        }
        // Cut by its parent (the contents of a scroll area are meant to be larger than it).
        QWidget* parent = widget->parentWidget();
        if (parent != nullptr && parent != root && qobject_cast<QAbstractScrollArea*>(parent->parentWidget()) == nullptr &&
            !parent->rect().contains(widget->geometry())) {
            const QRect outside = widget->geometry();
            if (outside.right() > parent->width() + 1 || outside.bottom() > parent->height() + 1 || outside.left() < -1 || outside.top() < -1) {
                problems << QStringLiteral("%1 reaches outside %2").arg(name, describe(parent));
            }
        }
    }
    // Siblings that overlap.
    for (QWidget* parent : QList<QWidget*>{root} + widgets) {
        if (parent != root && !shown(parent)) {
            continue;
        }
        QList<QWidget*> children;
        for (QObject* object : parent->children()) {
            auto* child = qobject_cast<QWidget*>(object);
            if (child != nullptr && shown(child) && child->width() > 0 && child->height() > 0) {
                children.append(child);
            }
        }
        for (qsizetype i = 0; i < children.size(); ++i) {
            for (qsizetype j = i + 1; j < children.size(); ++j) {
                const QRect both = children[i]->geometry().intersected(children[j]->geometry());
                if (both.width() > 2 && both.height() > 2) {
                    problems << QStringLiteral("%1 and %2 overlap").arg(describe(children[i]), describe(children[j]));
                }
            }
        }
    }
    problems.removeDuplicates();
    return problems;
}

/// The problems of `window` as it shows now and with each other tab of each tab widget in front
/// (the Roadmap's To-dos, the song editor's Chart and Files, ...), each line led by `where`.
QStringList problemsWithEveryTab(QWidget* window, const QString& where)
{
    QStringList problems;
    for (const QString& problem : layoutProblems(window)) {
        problems << where + QStringLiteral(": ") + problem;
    }
    for (QTabWidget* tabs : window->findChildren<QTabWidget*>()) {
        if (!tabs->isVisibleTo(window)) {
            continue;
        }
        const int shown = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (i == shown) {
                continue;
            }
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            for (const QString& problem : layoutProblems(window)) {
                problems << where + QStringLiteral(" › ") + tabs->tabText(i) + QStringLiteral(": ") + problem;
            }
        }
        tabs->setCurrentIndex(shown);
        QCoreApplication::processEvents();
    }
    return problems;
}

/// A demo database made once with the command line (as docs/images/update.sh makes one): a
/// roadmap with a practice history, songs, a show with sets.
QString demoDatabase()
{
    static TempDir dir;
    static const QString path = [] {
        const QString file = dir.file(QStringLiteral("demo.sqlite"));
        for (const QStringList& arguments : {QStringList{QStringLiteral("dev"), QStringLiteral("seed-history"), QStringLiteral("--days"), QStringLiteral("120"),
                                                         QStringLiteral("--seed"), QStringLiteral("7")},
                                             QStringList{QStringLiteral("dev"), QStringLiteral("seed-repertoire")}}) {
            QProcess cli;
            cli.start(QStringLiteral(BANDMATE_CLI), QStringList{QStringLiteral("--db"), file} + arguments);
            EXPECT_TRUE(cli.waitForFinished(60'000) && cli.exitCode() == 0) << cli.readAllStandardError().toStdString();
        }
        return file;
    }();
    return path;
}

class LayoutTest : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QFile::copy(demoDatabase(), m_dir.file(QStringLiteral("user.sqlite"))));
        m_db = openTestDatabase(m_dir, QStringLiteral("user.sqlite"));
        ASSERT_NE(m_db, nullptr);
        m_store = std::make_unique<QSettings>(m_dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings = std::make_unique<ui::Settings>(*m_store);
        m_settings->setWelcomeDone(true);
        ASSERT_TRUE(m_translations.install(QString::fromLatin1(GetParam().language)));
        // What a musician of this language has too: a roadmap in the language, edited into one's
        // own (the longest names the header shows), and a show with a long name.
        const QString language = QString::fromLatin1(GetParam().language);
        auto roadmap = core::roadmap::loadBuiltinRoadmap(QStringLiteral("touring-band"), language);
        ASSERT_TRUE(roadmap.has_value());
        roadmap->title += language == QLatin1String("es") ? QStringLiteral(" (mía)") : language == QLatin1String("nb") ? QStringLiteral(" (min)") : QStringLiteral(" (mine)");
        ASSERT_TRUE(core::roadmap::ProgressRepository(*m_db).start(*roadmap, true).has_value());
        core::setlists::Show show;
        show.name = QStringLiteral("Noche de salsa en el Café Central con la Orquesta La Moderna Tradición");
        show.date = QDate::currentDate().addDays(30);
        show.venue = QStringLiteral("Café Central de la Música");
        show.city = QStringLiteral("Santiago de los Caballeros");
        ASSERT_TRUE(core::setlists::SetlistRepository(*m_db).saveShow(show).has_value());
        ui::applyColorScheme(*qApp, GetParam().dark ? ui::Settings::ColorScheme::Dark : ui::Settings::ColorScheme::Light);
        m_font = QApplication::font();
        if (GetParam().fontPoints > 0) {
            QFont larger = m_font;
            larger.setPointSize(GetParam().fontPoints);
            QApplication::setFont(larger);
        }
    }
    void TearDown() override
    {
        QApplication::setFont(m_font);
        ui::applyColorScheme(*qApp, ui::Settings::ColorScheme::System);
    }

    void saveShot(QWidget* widget, const QString& what) const
    {
        const QString folder = qEnvironmentVariable("BANDMATE_LAYOUT_SHOTS");
        if (folder.isEmpty()) {
            return;
        }
        QDir().mkpath(folder);
        const Case& c = GetParam();
        widget->grab().save(QDir(folder).filePath(QStringLiteral("%1-%2-%3x%4-%5.png")
                                                      .arg(QString::fromLatin1(c.language), c.dark ? QStringLiteral("dark") : QStringLiteral("light"))
                                                      .arg(c.size.width())
                                                      .arg(c.size.height())
                                                      .arg(what)));
    }

    TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<ui::Settings> m_settings;
    ui::Translations m_translations;
    QFont m_font;
};

TEST_P(LayoutTest, EveryPageFitsWithNothingCutOverlappingOrScrollingSideways)
{
    ui::MainWindow window(*m_db, *m_settings);
    window.resize(GetParam().size);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.size(), GetParam().size) << "the window's minimum size is larger than a small laptop's screen";
    // The smallest size the window allows is the one the pages are checked at, or the screen
    // when that is smaller (this platform's screen is 800x600, so both are asked).
    EXPECT_EQ(window.minimumSize(), ui::MainWindow::smallestSize(window.screen()->availableGeometry().size()));
    EXPECT_EQ(ui::MainWindow::smallestSize(QSize(1920, 1080)), QSize(1024, 640));
    EXPECT_EQ(ui::MainWindow::smallestSize(QSize(1093, 614)), QSize(1024, 614));
    QStringList problems;
    for (const ui::PageInfo& page : ui::allPages()) {
        window.showPage(page.id);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        if (auto* chooser = window.findChild<QComboBox*>(QStringLiteral("roadmapChooser")); chooser != nullptr && page.id == ui::PageId::Roadmap) {
            // The roadmap with the longest name in front.
            int longest = 0;
            for (int i = 1; i < chooser->count(); ++i) {
                longest = chooser->itemText(i).size() > chooser->itemText(longest).size() ? i : longest;
            }
            chooser->setCurrentIndex(longest);
            Q_EMIT chooser->activated(longest);
            QCoreApplication::processEvents();
        }
        problems << problemsWithEveryTab(&window, page.key);
        saveShot(&window, page.key);
    }
    problems.removeDuplicates();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Pages, LayoutTest,
                         ::testing::Values(Case{"en", false, {1024, 640}}, Case{"en", true, {1024, 640}}, Case{"es", false, {1024, 640}},
                                           Case{"es", true, {1024, 640}}, Case{"nb", false, {1024, 640}}, Case{"nb", true, {1024, 640}},
                                           Case{"en", false, {1920, 1080}}, Case{"en", true, {1920, 1080}}, Case{"es", false, {1920, 1080}},
                                           Case{"es", true, {1920, 1080}}, Case{"nb", false, {1920, 1080}}, Case{"nb", true, {1920, 1080}},
                                           // and sizes between: the flows and splitters at widths they wrap at
                                           Case{"en", false, {1280, 800}}, Case{"es", true, {1366, 768}}, Case{"nb", false, {1440, 900}},
                                           // a desktop's 11 pt font (the offscreen platform's is smaller)
                                           Case{"es", false, {1024, 640}, 11}, Case{"nb", true, {1024, 640}, 11}),
                         caseName);

/// The same pages before anything is in them: the welcome cards, "no show yet", an empty library.
class EmptyLayoutTest : public LayoutTest {};

TEST_P(EmptyLayoutTest, EveryPageFitsBeforeAnythingIsInIt)
{
    auto empty = openTestDatabase(m_dir, QStringLiteral("empty.sqlite"));
    ASSERT_NE(empty, nullptr);
    ui::MainWindow window(*empty, *m_settings);
    window.resize(GetParam().size);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    for (const ui::PageInfo& page : ui::allPages()) {
        window.showPage(page.id);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        problems << problemsWithEveryTab(&window, page.key);
        saveShot(&window, QStringLiteral("empty-") + page.key);
    }
    problems.removeDuplicates();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

INSTANTIATE_TEST_SUITE_P(EmptyPages, EmptyLayoutTest,
                         ::testing::Values(Case{"en", false, {1024, 640}}, Case{"es", true, {1024, 640}}, Case{"nb", false, {1024, 640}}), caseName);

class DialogLayoutTest : public LayoutTest {};

TEST_P(DialogLayoutTest, TheMainDialogsFitASmallLaptopWithNothingCutOrOverlapping)
{
    core::setlists::RunSheet sheet;
    std::vector<std::unique_ptr<QWidget>> dialogs;
    dialogs.push_back(std::make_unique<ui::AboutDialog>(*m_db));
    dialogs.push_back(std::make_unique<ui::PreferencesDialog>(*m_settings, *m_db));
    dialogs.push_back(std::make_unique<ui::ProfileDialog>(*m_db));
    dialogs.push_back(std::make_unique<ui::ShowDialog>(core::setlists::Show{}));
    dialogs.push_back(std::make_unique<ui::EntryDialog>(core::setlists::SetlistEntry{}, QStringLiteral("La vida es un carnaval")));
    dialogs.push_back(std::make_unique<ui::PractiseDialog>(QStringLiteral("Friday salsa night"), sheet));
    dialogs.push_back(std::make_unique<ui::RoadmapEditor>(core::roadmap::RoadmapTemplate{}));
    dialogs.push_back(std::make_unique<ui::SongEditor>());
    dialogs.push_back(std::make_unique<ui::WelcomeWizard>(*m_db, *m_settings));
    // The two that talk to the server, as they open when it cannot be reached.
    const auto offline = [](QObject*, const std::function<void(const QUrl&, const QString&, const QString&)>& use) {
        use({}, {}, QStringLiteral("Sign in on the Sync page first."));
    };
    dialogs.push_back(std::make_unique<ui::FanVoteDialog>(
        *m_db, QStringLiteral("show-1"), QStringLiteral("Friday salsa night"), QStringLiteral("Los Soneros"),
        QList<ui::FanVoteDialog::Candidate>{{QStringLiteral("s1"), QStringLiteral("La vida es un carnaval"), QStringLiteral("Celia Cruz"), true},
                                            {QStringLiteral("s2"), QStringLiteral("Pedro Navaja"), QStringLiteral("Rubén Blades"), true},
                                            {QStringLiteral("s3"), QStringLiteral("Ojalá que llueva café"), QStringLiteral("Juan Luis Guerra"), false}},
        offline));
    dialogs.push_back(std::make_unique<ui::ShareDialog>(readAll(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/machines/salsa.xml")), QString(),
                                                        QStringLiteral("Montuno en Sol"), QStringLiteral("Los Soneros"), offline));
    dialogs.push_back(std::make_unique<ui::TakeDialog>(*m_db, *core::beats::loadBuiltinMachine(QStringLiteral("salsa")), QStringLiteral("builtin:salsa")));
    for (const auto& dialog : dialogs) {
        dialog->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        QCoreApplication::processEvents();
        const QString name = QString::fromLatin1(dialog->metaObject()->className());
        EXPECT_LE(dialog->width(), 1024) << name.toStdString();
        EXPECT_LE(dialog->height(), 640) << name.toStdString();
        const QStringList problems = layoutProblems(dialog.get());
        EXPECT_TRUE(problems.isEmpty()) << name.toStdString() << ":\n" << problems.join(QLatin1Char('\n')).toStdString();
        saveShot(dialog.get(), name.section(QStringLiteral("::"), -1));
        dialog->hide();
    }
}

INSTANTIATE_TEST_SUITE_P(Dialogs, DialogLayoutTest,
                         ::testing::Values(Case{"en", false, {1024, 640}}, Case{"en", true, {1024, 640}}, Case{"es", false, {1024, 640}},
                                           Case{"es", true, {1024, 640}}, Case{"nb", false, {1024, 640}}, Case{"nb", true, {1024, 640}}),
                         caseName);

}  // namespace
}  // namespace bandmate::test
