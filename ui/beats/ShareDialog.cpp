#include "ui/beats/ShareDialog.h"

#include "sync/client/GrooveClient.h"
#include "sync/client/PollClient.h"
#include "sync/client/QrCode.h"
#include "ui/print/QrPicture.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace {

/// The visibility choices: the server's word and what the musician reads.
QList<std::pair<QString, QString>> visibilities()
{
    return {{QStringLiteral("unlisted"), ShareDialog::tr("Unlisted: only people with the link")},
            {QStringLiteral("public"), ShareDialog::tr("Public: listed, anyone may find it")},
            {QStringLiteral("private"), ShareDialog::tr("Private: the link opens for nobody")}};
}

QList<std::pair<QString, QString>> licences()
{
    return {{QStringLiteral("cc-by-4.0"), ShareDialog::tr("CC BY 4.0 (others may use it, naming you)")},
            {QStringLiteral("cc-by-sa-4.0"), ShareDialog::tr("CC BY-SA 4.0 (others may use it, naming you, under the same licence)")},
            {QStringLiteral("cc0-1.0"), ShareDialog::tr("CC0 (no rights reserved)")},
            {QStringLiteral("all-rights-reserved"), ShareDialog::tr("All rights reserved")}};
}

void fillCombo(QComboBox* combo, const QList<std::pair<QString, QString>>& items)
{
    for (const auto& [value, text] : items) {
        combo->addItem(text, value);
    }
}

QString visibilityText(const QString& visibility)
{
    for (const auto& [value, text] : visibilities()) {
        if (value == visibility) {
            return text.section(QLatin1Char(':'), 0, 0);
        }
    }
    return visibility;
}

}  // namespace

ShareDialog::ShareDialog(QByteArray machineXml, QString machineId, QString title, QString author, ServerAccess access, QString origin, QWidget* parent)
    : QDialog(parent),
      m_xml(std::move(machineXml)),
      m_machineId(std::move(machineId)),
      m_title(std::move(title)),
      m_access(std::move(access)),
      m_origin(std::move(origin))
{
    setWindowTitle(tr("Share “%1”").arg(m_title));
    m_network = new QNetworkAccessManager(this);
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // This machine: the form, or its shared copy.
    m_pages = new QStackedWidget(this);
    m_tabs->addTab(m_pages, tr("This machine"));

    auto* form = new QWidget(m_pages);
    auto* fields = new QFormLayout(form);
    m_titleEdit = new QLineEdit(m_title, form);
    m_titleEdit->setMaxLength(100);
    m_author = new QLineEdit(author, form);
    m_author->setMaxLength(80);
    m_author->setPlaceholderText(tr("The name shown as the author"));
    m_description = new QPlainTextEdit(form);
    m_description->setPlaceholderText(tr("What it is, how to play along (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_tags = new QLineEdit(form);
    m_tags->setPlaceholderText(tr("salsa, son montuno"));
    m_licence = new QComboBox(form);
    m_licence->setObjectName(QStringLiteral("shareLicence"));
    fillCombo(m_licence, licences());
    m_visibility = new QComboBox(form);
    m_visibility->setObjectName(QStringLiteral("shareVisibility"));
    fillCombo(m_visibility, visibilities());
    m_copies = new QCheckBox(tr("Allow copies (XML and MIDI downloads, Open in Bandmate)"), form);
    m_copies->setChecked(true);
    fields->addRow(tr("&Title:"), m_titleEdit);
    fields->addRow(tr("&Author:"), m_author);
    fields->addRow(tr("&Description:"), m_description);
    fields->addRow(tr("Ta&gs:"), m_tags);
    fields->addRow(tr("&Licence:"), m_licence);
    fields->addRow(tr("&Who can open it:"), m_visibility);
    fields->addRow(QString(), m_copies);
    auto* note = new QLabel(tr("The page plays the machine as saved, in any browser, without an account. Later changes are shared with Update shared copy."), form);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    fields->addRow(note);
    m_pages->addWidget(form);

    auto* shared = new QWidget(m_pages);
    auto* sharedLayout = new QHBoxLayout(shared);
    m_qrLabel = new QLabel(shared);
    m_qrLabel->setObjectName(QStringLiteral("shareQr"));
    m_qrLabel->setMinimumSize(180, 180);
    m_qrLabel->setAlignment(Qt::AlignCenter);
    sharedLayout->addWidget(m_qrLabel);
    auto* right = new QVBoxLayout();
    m_sharedFacts = new QLabel(shared);
    m_sharedFacts->setWordWrap(true);
    right->addWidget(m_sharedFacts);
    m_link = new QLineEdit(shared);
    m_link->setObjectName(QStringLiteral("shareLink"));
    m_link->setReadOnly(true);
    auto* linkRow = new QHBoxLayout();
    linkRow->addWidget(m_link, 1);
    auto* copy = new QPushButton(tr("&Copy link"), shared);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_status->setText(tr("The link is on the clipboard."));
    });
    linkRow->addWidget(copy);
    auto* open = new QPushButton(tr("&Open page"), shared);
    connect(open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl(m_link->text())); });
    linkRow->addWidget(open);
    right->addLayout(linkRow);
    auto* visibilityRow = new QHBoxLayout();
    visibilityRow->addWidget(new QLabel(tr("Who can open it:"), shared));
    m_sharedVisibility = new QComboBox(shared);
    m_sharedVisibility->setObjectName(QStringLiteral("sharedVisibility"));
    fillCombo(m_sharedVisibility, visibilities());
    connect(m_sharedVisibility, &QComboBox::activated, this, [this] {
        call("POST", QStringLiteral("/v1/grooves/") + m_shared.value(QStringLiteral("id")).toString(),
             QJsonObject{{QStringLiteral("visibility"), m_sharedVisibility->currentData().toString()}}, [this](const QJsonObject& answer, const QString& error) {
                 if (error.isEmpty()) {
                     showShared(answer);
                     m_status->setText(tr("Now: %1.").arg(visibilityText(answer.value(QStringLiteral("visibility")).toString())));
                 }
             });
    });
    visibilityRow->addWidget(m_sharedVisibility, 1);
    right->addLayout(visibilityRow);
    auto* actions = new QHBoxLayout();
    m_update = new QPushButton(tr("&Update shared copy"), shared);
    m_update->setObjectName(QStringLiteral("shareUpdate"));
    m_update->setToolTip(tr("Share the machine as saved now as a new version under the same link (every version keeps its own link)"));
    connect(m_update, &QPushButton::clicked, this, &ShareDialog::updateSharedCopy);
    actions->addWidget(m_update);
    auto* unshareButton = new QPushButton(tr("U&nshare…"), shared);
    connect(unshareButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Unshare"), tr("Take “%1” off line? Its link will say it was removed. You can share it again.").arg(m_title))
            == QMessageBox::Yes) {
            unshare();
        }
    });
    actions->addWidget(unshareButton);
    actions->addStretch(1);
    right->addLayout(actions);
    right->addStretch(1);
    sharedLayout->addLayout(right, 1);
    m_pages->addWidget(shared);
    m_actions << m_sharedVisibility << m_update << unshareButton;

    // Everything shared.
    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    m_tree = new QTreeWidget(listPage);
    m_tree->setObjectName(QStringLiteral("sharedList"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Title"), tr("Version"), tr("Who can open it"), tr("Plays"), tr("Copies")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    listLayout->addWidget(m_tree, 1);
    auto* listActions = new QHBoxLayout();
    auto* copySelected = new QPushButton(tr("Copy link"), listPage);
    connect(copySelected, &QPushButton::clicked, this, [this] {
        if (auto* item = m_tree->currentItem()) {
            QApplication::clipboard()->setText(item->data(0, Qt::UserRole + 1).toString());
        }
    });
    auto* listVisibility = new QComboBox(listPage);
    fillCombo(listVisibility, visibilities());
    listVisibility->setToolTip(tr("Who can open the chosen one"));
    connect(listVisibility, &QComboBox::activated, this, [this, listVisibility] {
        changeSelected("POST", {}, QJsonObject{{QStringLiteral("visibility"), listVisibility->currentData().toString()}});
    });
    // The box shows who can open the chosen one.
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this, listVisibility](QTreeWidgetItem* item) {
        for (const auto& value : std::as_const(m_list)) {
            const QJsonObject groove = value.toObject();
            if (item != nullptr && groove.value(QStringLiteral("id")).toString() == item->data(0, Qt::UserRole).toString()) {
                const bool online = groove.value(QStringLiteral("state")).toString() == QLatin1String("shared");
                listVisibility->setCurrentIndex(online ? listVisibility->findData(groove.value(QStringLiteral("visibility")).toString()) : -1);
                return;
            }
        }
        listVisibility->setCurrentIndex(-1);
    });
    auto* unshareSelected = new QPushButton(tr("Unshare"), listPage);
    connect(unshareSelected, &QPushButton::clicked, this, [this] { changeSelected("POST", QStringLiteral("/unshare"), {}); });
    auto* deleteSelected = new QPushButton(tr("Delete…"), listPage);
    connect(deleteSelected, &QPushButton::clicked, this, [this] {
        if (selectedId().isEmpty()
            || QMessageBox::question(this, tr("Delete"), tr("Delete this shared groove and every version of it for good? Its link will say it was removed."))
                   != QMessageBox::Yes) {
            return;
        }
        changeSelected("DELETE", {}, {});
    });
    m_actions << listVisibility << unshareSelected << deleteSelected;
    listActions->addWidget(copySelected);
    listActions->addWidget(listVisibility);
    listActions->addWidget(unshareSelected);
    listActions->addWidget(deleteSelected);
    listActions->addStretch(1);
    listLayout->addLayout(listActions);
    m_tabs->addTab(listPage, tr("Everything I shared"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("shareStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_shareButton = buttons->addButton(tr("&Share"), QDialogButtonBox::AcceptRole);
    m_shareButton->setObjectName(QStringLiteral("shareButton"));
    m_shareButton->setDefault(true);
    connect(m_shareButton, &QPushButton::clicked, this, &ShareDialog::share);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 440);
    refresh();
}

void ShareDialog::call(const QByteArray& method, const QString& path, const QJsonObject& body, Done done)
{
    setBusy(true);
    m_access(this, [this, method, path, body, done = std::move(done)](const QUrl& server, const QString& token, const QString& error) {
        if (!error.isEmpty()) {
            setBusy(false, error);
            done({}, error);
            Q_EMIT settled();
            return;
        }
        sync::PollClient::callAsync(*m_network, server, token, method, path, body, this, [this, path, done](core::Result<QJsonObject> answer) {
            QString refused;
            QString shown = m_message;
            if (!answer) {
                refused = QString::fromStdString(answer.error().message);
                shown = answer.error().code == core::ErrorCode::Io && refused.startsWith(QLatin1String("the server could not be reached"))
                            ? tr("Your Bandmate server could not be reached. Check the connection and try again.")
                            : tr("The server refused: %1").arg(refused);
            }
            setBusy(false, shown);
            done(answer.value_or(QJsonObject()), refused);
            if (!answer && answer.error().code == core::ErrorCode::NotFound && path.startsWith(QLatin1String("/v1/grooves/"))) {
                refresh();  // deleted meanwhile (from another computer): show what is there now
            }
            Q_EMIT settled();
        });
    });
}

void ShareDialog::setBusy(bool busy, const QString& text)
{
    m_requests = std::max(0, m_requests + (busy ? 1 : -1));
    const bool waiting = m_requests > 0;
    m_shareButton->setEnabled(!waiting && !isShared());
    for (QWidget* action : std::as_const(m_actions)) {
        action->setEnabled(!waiting);
    }
    m_update->setEnabled(!waiting && m_shared.value(QStringLiteral("state")).toString() == QLatin1String("shared"));
    if (busy) {
        if (m_requests == 1) {
            m_message = m_status->text();  // shown again when the answers bring nothing new
        }
        m_status->setText(tr("Asking the server…"));
    } else if (!waiting) {
        m_status->setText(text);
    } else if (text != m_message) {
        m_message = text;  // an error or news while another request still runs: shown after it
    }
}

void ShareDialog::refresh()
{
    // What this machine is shared as (the server keeps the machine's id with what it shared),
    // and everything shared, in one request.
    call("GET", QStringLiteral("/v1/grooves"), {}, [this](const QJsonObject& answer, const QString& error) {
        if (!error.isEmpty()) {
            showForm();
            return;
        }
        fillList(answer.value(QStringLiteral("grooves")).toArray());
        QJsonObject mine;
        const QString sharedHere = m_shared.value(QStringLiteral("id")).toString();
        for (const auto& value : m_list) {
            const QJsonObject groove = value.toObject();
            // A saved machine's share by its id (newest first: the latest one); a built-in's,
            // which has no id of its own, is the one shared from this dialog.
            if ((!m_machineId.isEmpty() && groove.value(QStringLiteral("source")).toString() == m_machineId)
                || (!sharedHere.isEmpty() && groove.value(QStringLiteral("id")).toString() == sharedHere)) {
                mine = groove;
                break;
            }
        }
        if (mine.isEmpty()) {
            showForm();
        } else {
            showShared(mine);
        }
    });
}

void ShareDialog::showForm()
{
    m_shared = {};
    m_pages->setCurrentIndex(0);
    m_shareButton->setVisible(true);
    m_shareButton->setEnabled(true);
}

void ShareDialog::showShared(const QJsonObject& groove)
{
    m_shared = groove;
    m_pages->setCurrentIndex(1);
    m_shareButton->setVisible(false);
    const bool online = groove.value(QStringLiteral("state")).toString() == QLatin1String("shared");
    m_link->setText(groove.value(QStringLiteral("url")).toString());
    m_link->setCursorPosition(0);  // the server's name first
    const int index = m_sharedVisibility->findData(groove.value(QStringLiteral("visibility")).toString());
    m_sharedVisibility->setCurrentIndex(online ? std::max(0, index) : -1);
    m_sharedFacts->setText(online ? tr("<b>%1</b> is shared: version %2, %3 plays, %4 copies.")
                                        .arg(groove.value(QStringLiteral("title")).toString().toHtmlEscaped())
                                        .arg(groove.value(QStringLiteral("latest_version")).toInt())
                                        .arg(groove.value(QStringLiteral("plays")).toInteger())
                                        .arg(groove.value(QStringLiteral("copies")).toInteger())
                                  : tr("<b>%1</b> was unshared: its link says it was removed. Choose who can open it to share it again.")
                                        .arg(groove.value(QStringLiteral("title")).toString().toHtmlEscaped()));
    m_update->setEnabled(online && m_requests == 0);
    if (auto code = sync::encodeQr(m_link->text().toUtf8())) {
        m_qr = qrPicture(*code, 5);
        m_qrLabel->setPixmap(QPixmap::fromImage(m_qr));
    }
}

QJsonObject ShareDialog::settings() const
{
    QJsonArray tags;
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()) {
            tags.append(tag.trimmed());
        }
    }
    return QJsonObject{{QStringLiteral("title"), m_titleEdit->text().trimmed()},
                       {QStringLiteral("author"), m_author->text().trimmed()},
                       {QStringLiteral("description"), m_description->toPlainText().trimmed()},
                       {QStringLiteral("tags"), tags},
                       {QStringLiteral("licence"), m_licence->currentData().toString()},
                       {QStringLiteral("visibility"), m_visibility->currentData().toString()},
                       {QStringLiteral("allow_copies"), m_copies->isChecked()}};
}

void ShareDialog::share()
{
    QJsonObject body = settings();
    body.insert(QStringLiteral("machine"), QString::fromUtf8(m_xml));
    if (!m_machineId.isEmpty()) {
        body.insert(QStringLiteral("source"), m_machineId);
    }
    // A copy of a shared groove names its original, when that server still can.
    const auto origin = sync::GrooveClient::parseLink(m_origin);
    QJsonObject withOrigin = body;
    if (!m_origin.isEmpty() && origin) {
        withOrigin.insert(QStringLiteral("origin"), origin->grooveId);
        withOrigin.insert(QStringLiteral("origin_version"), origin->version);
    }
    const auto shared = [this](const QJsonObject& answer) {
        showShared(answer);
        m_status->setText(answer.value(QStringLiteral("visibility")).toString() == QLatin1String("private")
                              ? tr("Shared privately: the link opens for nobody until you choose who can open it.")
                              : tr("Shared. Anyone with the link can listen."));
        refresh();
    };
    call("POST", QStringLiteral("/v1/grooves"), withOrigin, [this, body, shared, named = withOrigin.contains(QStringLiteral("origin"))](const QJsonObject& answer, const QString& error) {
        if (error.isEmpty()) {
            shared(answer);
        } else if (named && error.contains(QLatin1String("origin"))) {
            // The original is not on this server, or no longer shared: shared without it.
            call("POST", QStringLiteral("/v1/grooves"), body, [shared](const QJsonObject& again, const QString& failed) {
                if (failed.isEmpty()) {
                    shared(again);
                }
            });
        }
        // else: the status line says why; the form keeps what was typed
    });
}

void ShareDialog::updateSharedCopy()
{
    const QString id = m_shared.value(QStringLiteral("id")).toString();
    if (id.isEmpty() || m_shared.value(QStringLiteral("state")).toString() != QLatin1String("shared")) {
        return;  // unshared: choose who can open it first
    }
    call("POST", QStringLiteral("/v1/grooves/%1/versions").arg(id), QJsonObject{{QStringLiteral("machine"), QString::fromUtf8(m_xml)}},
         [this, before = m_shared.value(QStringLiteral("latest_version")).toInt()](const QJsonObject& answer, const QString& error) {
             if (!error.isEmpty()) {
                 return;
             }
             showShared(answer);
             m_status->setText(answer.value(QStringLiteral("latest_version")).toInt() > before
                                   ? tr("Version %1 is shared under the same link.").arg(answer.value(QStringLiteral("latest_version")).toInt())
                                   : tr("Nothing changed since the shared version: no new version."));
         });
}

void ShareDialog::unshare()
{
    const QString id = m_shared.value(QStringLiteral("id")).toString();
    if (id.isEmpty()) {
        return;
    }
    call("POST", QStringLiteral("/v1/grooves/%1/unshare").arg(id), {}, [this](const QJsonObject& answer, const QString& error) {
        if (error.isEmpty()) {
            showShared(answer);
            m_status->setText(tr("Unshared."));
        }
    });
}

void ShareDialog::fillList(const QJsonArray& grooves)
{
    m_list = grooves;
    const QString selected = selectedId();
    m_tree->clear();
    for (const auto& value : grooves) {
        const QJsonObject groove = value.toObject();
        const bool online = groove.value(QStringLiteral("state")).toString() == QLatin1String("shared");
        auto* item = new QTreeWidgetItem(m_tree, {groove.value(QStringLiteral("title")).toString(), QString::number(groove.value(QStringLiteral("latest_version")).toInt()),
                                                  online ? visibilityText(groove.value(QStringLiteral("visibility")).toString()) : tr("Unshared"),
                                                  QString::number(groove.value(QStringLiteral("plays")).toInteger()),
                                                  QString::number(groove.value(QStringLiteral("copies")).toInteger())});
        item->setData(0, Qt::UserRole, groove.value(QStringLiteral("id")).toString());
        item->setData(0, Qt::UserRole + 1, groove.value(QStringLiteral("url")).toString());
        item->setToolTip(0, groove.value(QStringLiteral("url")).toString());
        if (item->data(0, Qt::UserRole).toString() == selected) {
            m_tree->setCurrentItem(item);
        }
    }
}

QString ShareDialog::selectedId() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item == nullptr ? QString() : item->data(0, Qt::UserRole).toString();
}

void ShareDialog::changeSelected(const QByteArray& method, const QString& suffix, const QJsonObject& body)
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_status->setText(tr("Choose a shared groove in the list first."));
        return;
    }
    call(method, QStringLiteral("/v1/grooves/") + id + suffix, body, [this](const QJsonObject&, const QString& error) {
        if (error.isEmpty()) {
            refresh();
        }
    });
}

void ShareDialog::showListTab(bool only)
{
    m_tabs->setCurrentIndex(1);
    if (only) {
        m_tabs->setTabEnabled(0, false);  // unsaved changes: nothing of this machine to share now
        m_shareButton->hide();
    }
}

void ShareDialog::setVisibility(const QString& visibility)
{
    m_visibility->setCurrentIndex(std::max(0, m_visibility->findData(visibility)));
}

void ShareDialog::setLicence(const QString& licence)
{
    m_licence->setCurrentIndex(std::max(0, m_licence->findData(licence)));
}

void ShareDialog::setTags(const QString& commaSeparated)
{
    m_tags->setText(commaSeparated);
}

void ShareDialog::setAllowCopies(bool allow)
{
    m_copies->setChecked(allow);
}

QString ShareDialog::link() const
{
    return m_shared.value(QStringLiteral("url")).toString();
}

int ShareDialog::version() const
{
    return m_shared.value(QStringLiteral("latest_version")).toInt();
}

QString ShareDialog::statusText() const
{
    return m_status->text();
}

}  // namespace bandmate::ui
