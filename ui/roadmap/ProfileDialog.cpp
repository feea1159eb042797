#include "ui/roadmap/ProfileDialog.h"

#include "core/profile/Profile.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>

namespace bandmate::ui {

ProfileDialog::ProfileDialog(core::Database& db, QWidget* parent) : QDialog(parent), m_db(db)
{
    setWindowTitle(tr("Your profile"));
    setMinimumWidth(480);
    const auto profile = core::profile::ProfileRepository(db).load().value_or(core::profile::Profile{});
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(profile.artistName, this);
    m_name->setObjectName(QStringLiteral("artistName"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("The name you perform and release under"));
    form->addRow(tr("&Artist name:"), m_name);
    m_instruments = new QLineEdit(profile.instruments.join(QStringLiteral(", ")), this);
    m_instruments->setObjectName(QStringLiteral("instruments"));
    m_instruments->setPlaceholderText(tr("congas, bongó, voice"));
    form->addRow(tr("&Instruments:"), m_instruments);
    m_genres = new QLineEdit(profile.genres.join(QStringLiteral(", ")), this);
    m_genres->setObjectName(QStringLiteral("genres"));
    m_genres->setPlaceholderText(tr("salsa, son, Latin jazz"));
    form->addRow(tr("&Genres:"), m_genres);
    m_goals = new QPlainTextEdit(profile.goals, this);
    m_goals->setObjectName(QStringLiteral("goals"));
    m_goals->setPlaceholderText(tr("Where you want to be in a year, in your own words"));
    form->addRow(tr("G&oals:"), m_goals);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void ProfileDialog::accept()
{
    core::profile::Profile profile;
    profile.artistName = m_name->text();
    profile.instruments = m_instruments->text().split(QLatin1Char(','));
    profile.genres = m_genres->text().split(QLatin1Char(','));
    profile.goals = m_goals->toPlainText();
    if (auto saved = core::profile::ProfileRepository(m_db).save(profile); !saved) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(saved.error().toString()));
        return;
    }
    QDialog::accept();
}

}  // namespace bandmate::ui
