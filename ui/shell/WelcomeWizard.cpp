#include "ui/shell/WelcomeWizard.h"

#include "core/profile/Profile.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/roadmap/RoadmapTemplate.h"
#include "ui/shell/AudioSettingsPanel.h"
#include "ui/shell/Language.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace rm = core::roadmap;

namespace {

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

}  // namespace

WelcomeWizard::WelcomeWizard(core::Database& db, Settings& settings, QWidget* parent) : QWizard(parent), m_db(db), m_settings(settings)
{
    setObjectName(QStringLiteral("welcome"));
    setWindowTitle(tr("Welcome to Bandmate"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveFinishButtonOnEarlyPages);  // "that's enough for now" on any page
    setButtonText(QWizard::CancelButton, tr("Skip"));
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/bandmate.svg")).pixmap(48, 48));
    setButtonText(QWizard::FinishButton, tr("Start using Bandmate"));
    setPage(Artist, buildArtistPage());
    setPage(Roadmap, buildRoadmapPage());
    setPage(Music, buildMusicPage());
    setPage(Audio, buildAudioPage());
    for (const int id : pageIds()) {
        page(id)->setFinalPage(true);  // Finish is enabled on every page, Next goes on
    }
    setMinimumSize(640, 480);
}

QWizardPage* WelcomeWizard::buildArtistPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Welcome"));
    page->setSubTitle(tr("Bandmate keeps your career plan, your grooves, your songs and your shows in one place, on this computer. "
                         "Four quick questions, each one optional."));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(wrapped(tr("What name do you perform under?"), page));
    m_artist = new QLineEdit(page);
    m_artist->setObjectName(QStringLiteral("welcomeArtist"));
    m_artist->setPlaceholderText(tr("Your artist or band name"));
    m_artist->setMaxLength(200);
    if (auto profile = core::profile::ProfileRepository(m_db).load()) {
        m_artist->setText(profile->artistName);
    }
    layout->addWidget(m_artist);
    layout->addStretch(1);
    return page;
}

QWizardPage* WelcomeWizard::buildRoadmapPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Your path"));
    page->setSubTitle(tr("A roadmap breaks a music career into stages and tasks, and tracks your progress. You can start or change one "
                         "any time on the Roadmap page."));
    auto* layout = new QVBoxLayout(page);
    m_roadmaps = new QButtonGroup(page);
    auto* none = new QRadioButton(tr("None for now"), page);
    none->setObjectName(QStringLiteral("welcomeRoadmap-none"));
    none->setChecked(true);
    m_roadmaps->addButton(none, 0);
    m_slugs.append(QString());
    layout->addWidget(none);
    for (const QString& slug : rm::builtinRoadmapSlugs()) {
        auto roadmap = rm::loadBuiltinRoadmap(slug, installedLanguage());
        if (!roadmap) {
            continue;
        }
        auto* choice = new QRadioButton(roadmap->title, page);
        choice->setObjectName(QStringLiteral("welcomeRoadmap-") + slug);
        choice->setToolTip(roadmap->summary);
        m_roadmaps->addButton(choice, static_cast<int>(m_slugs.size()));
        m_slugs.append(slug);
        layout->addWidget(choice);
        auto* summary = wrapped(roadmap->summary, page);
        summary->setContentsMargins(24, 0, 0, 6);
        summary->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
        layout->addWidget(summary);
    }
    layout->addStretch(1);
    return page;
}

QWizardPage* WelcomeWizard::buildMusicPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Your music"));
    page->setSubTitle(tr("Bandmate can watch a folder of audio files and read their tags into your library. Your files stay where they "
                         "are and are never changed."));
    auto* layout = new QVBoxLayout(page);
    auto* row = new QHBoxLayout();
    m_folder = new QLineEdit(page);
    m_folder->setObjectName(QStringLiteral("welcomeFolder"));
    m_folder->setPlaceholderText(tr("No folder (you can add one later in the Library)"));
    auto* browse = new QPushButton(tr("Choose…"), page);
    row->addWidget(m_folder, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (!music.isEmpty() && QDir(music).exists()) {
        auto* suggest = new QPushButton(tr("Use %1").arg(QDir::toNativeSeparators(music)), page);
        suggest->setFlat(true);
        connect(suggest, &QPushButton::clicked, this, [this, music] { m_folder->setText(music); });
        layout->addWidget(suggest, 0, Qt::AlignLeft);
    }
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Music folder"), m_folder->text());
        if (!chosen.isEmpty()) {
            m_folder->setText(chosen);
        }
    });
    layout->addStretch(1);
    return page;
}

QWizardPage* WelcomeWizard::buildAudioPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Sound"));
    page->setSubTitle(tr("The Beat Machine plays through this output. Play the test sound to hear it and to see the delay it adds."));
    auto* layout = new QVBoxLayout(page);
    m_audio = new AudioSettingsPanel(m_settings, page);
    layout->addWidget(m_audio);
    layout->addStretch(1);
    return page;
}

QString WelcomeWizard::artistName() const
{
    return m_artist->text().trimmed();
}

QString WelcomeWizard::roadmapSlug() const
{
    return m_slugs.value(m_roadmaps->checkedId());
}

QString WelcomeWizard::musicFolder() const
{
    return m_folder->text().trimmed();
}

void WelcomeWizard::accept()
{
    QStringList problems;
    core::profile::ProfileRepository profiles(m_db);
    if (auto profile = profiles.load(); profile && profile->artistName != artistName() && !artistName().isEmpty()) {
        profile->artistName = artistName();
        if (auto saved = profiles.save(*profile); !saved) {
            problems << tr("Your name was not saved: %1").arg(QString::fromStdString(saved.error().message));
        }
    }
    if (const QString slug = roadmapSlug(); !slug.isEmpty()) {
        auto roadmap = rm::loadBuiltinRoadmap(slug, installedLanguage());
        auto running = rm::ProgressRepository(m_db).roadmaps();
        const bool already = running && std::any_of(running->begin(), running->end(), [&](const auto& state) { return state.slug == slug; });
        if (!already) {
            auto started = roadmap ? rm::ProgressRepository(m_db).start(*roadmap) : core::Result<QString>(std::unexpected(roadmap.error()));
            if (!started) {
                problems << tr("The roadmap did not start: %1").arg(QString::fromStdString(started.error().message));
            }
        }
    }
    m_settings.setAudioOutput(m_audio->output());
    m_settings.setWelcomeDone(true);
    m_settings.sync();
    m_problem = problems.join(QLatin1Char('\n'));
    if (const QString folder = musicFolder(); !folder.isEmpty()) {
        if (QDir(folder).exists()) {
            Q_EMIT musicFolderChosen(QDir::cleanPath(folder));
        } else {
            m_problem += (m_problem.isEmpty() ? QString() : QStringLiteral("\n")) + tr("The folder %1 does not exist.").arg(folder);
        }
    }
    QWizard::accept();
}

void WelcomeWizard::reject()
{
    m_settings.setWelcomeDone(true);
    m_settings.sync();
    QWizard::reject();
}

}  // namespace bandmate::ui
