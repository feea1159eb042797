#include "ui/setlists/FanVoteDialog.h"

#include "core/setlists/FanVotes.h"
#include "sync/client/EventStream.h"
#include "sync/client/PollClient.h"
#include "sync/client/QrCode.h"
#include "ui/print/QrPicture.h"
#include "ui/shell/MessageBanner.h"

#include <memory>
#include <QApplication>
#include <QGuiApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace bandmate::ui {

namespace {

qint64 votesOf(const QJsonValue& row)
{
    return row.toObject().value(QStringLiteral("votes")).toInteger();
}

}  // namespace

FanVoteDialog::FanVoteDialog(core::Database& db, QString showId, QString showName, QString band, const QList<Candidate>& candidates, ServerAccess access,
                             QWidget* parent)
    : QDialog(parent), m_db(db), m_showId(std::move(showId)), m_showName(std::move(showName)), m_band(std::move(band)), m_access(std::move(access))
{
    setWindowTitle(tr("Fan vote — %1").arg(m_showName));
    resize(760, 620);
    m_network = new QNetworkAccessManager(this);
    m_clock.start();
    auto* layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildForm(candidates));
    m_pages->addWidget(buildLive());
    layout->addWidget(m_pages, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // The trend arrows fade after ten seconds without votes.
    auto* tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (isLive()) {
            renderTally();
        }
    });
    tick->start(5000);
    lookForExisting();
}

FanVoteDialog::~FanVoteDialog()
{
    m_closing = true;
}

QWidget* FanVoteDialog::buildForm(const QList<Candidate>& candidates)
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    auto* intro = new QLabel(tr("Fans scan a QR code or type a short code, vote on their phones (no app, no account) and "
                                "watch the tally move. You see it here live."),
                             page);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_question = new QLineEdit(tr("Which songs should we play in the encore?"), page);
    m_question->setMaxLength(200);
    form->addRow(tr("&Question:"), m_question);
    m_songs = new QListWidget(page);
    m_songs->setObjectName(QStringLiteral("fanVoteSongs"));
    for (const Candidate& candidate : candidates) {
        auto* item = new QListWidgetItem(candidate.artist.isEmpty() ? candidate.title : tr("%1 — %2").arg(candidate.title, candidate.artist), m_songs);
        item->setData(Qt::UserRole, candidate.songId);
        item->setData(Qt::UserRole + 1, candidate.title);
        item->setData(Qt::UserRole + 2, candidate.artist);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(candidate.inShow ? Qt::Checked : Qt::Unchecked);
    }
    // A long library: typing finds the songs to tick (the ticked ones stay ticked when hidden).
    m_songFilter = new QLineEdit(page);
    m_songFilter->setObjectName(QStringLiteral("fanVoteSongFilter"));
    m_songFilter->setPlaceholderText(tr("Find a song (Ctrl+F)"));
    m_songFilter->setClearButtonEnabled(true);
    connect(m_songFilter, &QLineEdit::textChanged, this, &FanVoteDialog::filterSongs);
    // Enter in the field ticks the one song found (or goes to the list); it does not create the
    // vote. Esc empties the field before it closes anything.
    m_songFilter->installEventFilter(this);
    connect(new QShortcut(QKeySequence::Find, page), &QShortcut::activated, m_songFilter, [this] {
        m_songFilter->setFocus();
        m_songFilter->selectAll();
    });
    // How many are ticked, the hidden ones too: what Create sends.
    m_ticked = new QLabel(page);
    m_ticked->setObjectName(QStringLiteral("fanVoteTicked"));
    connect(m_songs, &QListWidget::itemChanged, this, &FanVoteDialog::countTicked);
    countTicked();
    auto* songs = new QVBoxLayout;
    songs->setContentsMargins(0, 0, 0, 0);
    songs->addWidget(m_songFilter);
    songs->addWidget(m_songs);
    songs->addWidget(m_ticked);
    auto* songsLabel = new QLabel(tr("&Songs to vote on:"), page);
    songsLabel->setBuddy(m_songs);
    form->addRow(songsLabel, songs);
    m_votes = new QSpinBox(page);
    m_votes->setRange(1, 5);
    m_votes->setValue(1);
    m_votes->setSuffix(tr(" per fan"));
    form->addRow(tr("&Votes:"), m_votes);
    m_results = new QComboBox(page);
    m_results->addItem(tr("Fans see the tally at once"), QStringLiteral("always"));
    m_results->addItem(tr("Fans see the tally after they vote"), QStringLiteral("after-vote"));
    m_results->addItem(tr("Fans see the tally when the vote closes"), QStringLiteral("after-close"));
    m_results->addItem(tr("Only the band sees the tally"), QStringLiteral("never"));
    form->addRow(tr("&Results:"), m_results);
    m_suggestions = new QCheckBox(tr("Fans may suggest songs (you list them before anyone can vote for them)"), page);
    form->addRow(QString(), m_suggestions);
    const auto timeRow = [&](QComboBox*& choice, QDateTimeEdit*& at, const QStringList& labels) {
        auto* row = new QWidget(page);
        auto* line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        choice = new QComboBox(row);
        choice->addItems(labels);
        at = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), row);
        at->setCalendarPopup(true);
        at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        at->setEnabled(false);
        line->addWidget(choice);
        line->addWidget(at, 1);
        connect(choice, &QComboBox::currentIndexChanged, at, [choice, at] { at->setEnabled(choice->currentIndex() == 1); });
        return row;
    };
    form->addRow(tr("&Opens:"), timeRow(m_opens, m_opensAt, {tr("Now"), tr("At a time"), tr("When I open it")}));
    form->addRow(tr("C&loses:"), timeRow(m_closes, m_closesAt, {tr("When I close it"), tr("At a time")}));
    m_create = new QPushButton(tr("Create the vote"), page);
    m_create->setObjectName(QStringLiteral("fanVoteCreate"));
    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, &FanVoteDialog::create);
    // A vote kept on this computer can be thrown away before it reaches the server.
    m_discard = new QPushButton(tr("Discard the kept vote"), page);
    m_discard->setVisible(false);
    connect(m_discard, &QPushButton::clicked, this, &FanVoteDialog::discard);
    m_refusal = new QLabel(page);
    m_refusal->setObjectName(QStringLiteral("fanVoteRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("background:#fde7e4;color:#8a1f11;padding:6px 10px;border-radius:6px;"));  // as MessageBanner errors
    m_refusal->setVisible(false);
    form->addRow(QString(), m_refusal);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_create, 1);
    actions->addWidget(m_discard);
    form->addRow(QString(), actions);
    return page;
}

QWidget* FanVoteDialog::buildLive()
{
    auto* page = new QWidget(this);
    auto* grid = new QGridLayout(page);
    // Left: what fans need to find the vote.
    auto* left = new QVBoxLayout;
    m_code = new QLabel(page);
    m_code->setObjectName(QStringLiteral("fanVoteCode"));
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    big.setLetterSpacing(QFont::PercentageSpacing, 115);
    m_code->setFont(big);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_code);
    m_qrLabel = new QLabel(page);
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrLabel->setMinimumSize(220, 220);
    left->addWidget(m_qrLabel);
    m_link = new QLabel(page);
    m_link->setAlignment(Qt::AlignCenter);
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setWordWrap(true);
    left->addWidget(m_link);
    auto* share = new QHBoxLayout;
    auto* copy = new QPushButton(tr("Copy link"), page);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(link());
        m_banner->showMessage(tr("The link is on the clipboard."), false);
    });
    auto* save = new QPushButton(tr("Save QR code…"), page);
    connect(save, &QPushButton::clicked, this, &FanVoteDialog::saveQr);
    auto* full = new QPushButton(tr("Full screen"), page);
    full->setToolTip(tr("The code and QR code, big, for a projector (Esc to leave)"));
    connect(full, &QPushButton::clicked, this, &FanVoteDialog::showFullScreen);
    auto* print = new QPushButton(tr("Print poster…"), page);
    print->setToolTip(tr("A page with the question, a large QR code, the link and the code, for the venue's walls"));
    connect(print, &QPushButton::clicked, this, [this] {
        QPrinter printer(QPrinter::HighResolution);
        printer.setDocName(tr("Fan vote %1").arg(code()));
        QPrintDialog ask(&printer, this);
        if (ask.exec() == QDialog::Accepted && !printPoster(printer)) {
            m_banner->showMessage(tr("The poster could not be printed: the printer (or the file) refused it."), true);
        }
    });
    share->addWidget(copy);
    share->addWidget(save);
    left->addLayout(share);
    auto* show = new QHBoxLayout;
    show->addWidget(print);
    show->addWidget(full);
    left->addLayout(show);
    left->addStretch(1);
    grid->addLayout(left, 0, 0, 2, 1);

    // Right: the question, the tally and what the musician does with it.
    auto* right = new QVBoxLayout;
    m_state = new QLabel(page);
    m_state->setWordWrap(true);
    QFont heading = m_state->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.2);
    m_state->setFont(heading);
    right->addWidget(m_state);
    m_counts = new QLabel(page);
    right->addWidget(m_counts);
    m_bars = new QVBoxLayout;
    right->addLayout(m_bars);
    right->addStretch(1);
    auto* controls = new QHBoxLayout;
    m_openButton = new QPushButton(tr("Open voting"), page);
    m_closeButton = new QPushButton(tr("Close voting"), page);
    auto* resetButton = new QPushButton(tr("Reset…"), page);
    resetButton->setToolTip(tr("Takes back every fan's votes"));
    connect(m_openButton, &QPushButton::clicked, this, [this] { setOpen(true); });
    connect(m_closeButton, &QPushButton::clicked, this, [this] { setOpen(false); });
    connect(resetButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Reset the vote?"),
                                  tr("Take back every fan's votes? The vote stays open and fans can vote again. This cannot be undone."),
                                  QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Reset) {
            reset();
        }
    });
    controls->addWidget(m_openButton);
    controls->addWidget(m_closeButton);
    controls->addWidget(resetButton);
    controls->addStretch(1);
    auto* another = new QPushButton(tr("New vote…"), page);
    another->setToolTip(tr("Prepare another vote for this show (this one stays on your server)"));
    connect(another, &QPushButton::clicked, this, &FanVoteDialog::startAnother);
    controls->addWidget(another);
    right->addLayout(controls);
    auto* pendingLabel = new QLabel(tr("Suggestions waiting for you (fans vote for them once you list them):"), page);
    right->addWidget(pendingLabel);
    m_pending = new QListWidget(page);
    m_pending->setMaximumHeight(110);
    right->addWidget(m_pending);
    auto* moderate = new QHBoxLayout;
    auto* list = new QPushButton(tr("List it"), page);
    list->setToolTip(tr("Fans can vote for it from now on"));
    auto* hide = new QPushButton(tr("Hide it"), page);
    for (auto [button, state] : {std::pair{list, "listed"}, std::pair{hide, "hidden"}}) {
        connect(button, &QPushButton::clicked, this, [this, state = QString::fromLatin1(state)] {
            const QListWidgetItem* item = m_pending->currentItem();
            if (item == nullptr) {
                m_banner->showMessage(tr("Choose a suggestion first."), true);
                return;
            }
            call("POST", QStringLiteral("/v1/polls/%1/suggestions/%2").arg(pollId(), QString::fromLatin1(QUrl::toPercentEncoding(item->data(Qt::UserRole).toString()))),
                 {{QStringLiteral("state"), state}}, [this](const QJsonObject& poll) { showPoll(poll); });
        });
    }
    moderate->addWidget(list);
    moderate->addWidget(hide);
    m_suggestionWidgets = {pendingLabel, m_pending, list, hide};
    moderate->addStretch(1);
    right->addLayout(moderate);
    auto* use = new QHBoxLayout;
    use->addWidget(new QLabel(tr("Use the result: the top"), page));
    m_top = new QSpinBox(page);
    m_top->setRange(1, 20);
    m_top->setValue(2);
    use->addWidget(m_top);
    use->addWidget(new QLabel(tr("songs into"), page));
    m_target = new QComboBox(page);
    m_target->setObjectName(QStringLiteral("fanVoteTarget"));
    m_target->addItem(tr("the encore"), QString());
    use->addWidget(m_target);
    auto* useButton = new QPushButton(tr("Use result"), page);
    useButton->setToolTip(tr("Puts them into the show (Ctrl+Z on the Setlists page takes them out again)"));
    connect(useButton, &QPushButton::clicked, this, &FanVoteDialog::useResult);
    use->addWidget(useButton);
    use->addStretch(1);
    right->addLayout(use);
    grid->addLayout(right, 0, 1, 2, 1);
    grid->setColumnStretch(1, 1);
    return page;
}

void FanVoteDialog::setTargets(const QList<std::pair<QString, QString>>& sets)
{
    const QString chosen = m_target->currentData().toString();  // kept when the set is still there
    while (m_target->count() > 1) {
        m_target->removeItem(1);
    }
    for (const auto& [id, name] : sets) {
        m_target->addItem(name, id);
    }
    m_target->setCurrentIndex(std::max(0, m_target->findData(chosen)));
}

void FanVoteDialog::setTarget(const QString& setId)
{
    m_target->setCurrentIndex(std::max(0, m_target->findData(setId)));
}

int FanVoteDialog::useResult()
{
    const QList<Candidate> top = topSongs(m_top->value());
    if (top.isEmpty()) {
        m_banner->showMessage(tr("No votes yet."), true);
        return 0;
    }
    const int added = m_takeResult ? m_takeResult(top, m_target->currentData().toString()) : -1;
    if (added > 0) {
        m_banner->showMessage(tr("%n song(s) placed in %1.", nullptr, added).arg(m_target->currentText()), false);
    } else if (added == 0) {
        m_banner->showMessage(tr("Those songs are in %1 already.").arg(m_target->currentText()), false);
    } else {
        m_banner->showMessage(tr("The songs could not be placed: the Setlists page says why."), true);
    }
    return added;
}

void FanVoteDialog::call(const QByteArray& method, const QString& path, const QJsonObject& body, std::function<void(const QJsonObject&)> done,
                         std::function<void()> failed)
{
    m_access(this, [this, method, path, body, done = std::move(done), failed = std::move(failed)](const QUrl& server, const QString& token,
                                                                                                 const QString& error) {
        if (!error.isEmpty()) {
            m_banner->showMessage(error, true);
            if (failed) {
                failed();
            }
            return;
        }
        sync::PollClient::callAsync(*m_network, server, token, method, path, body, this, [this, done, failed](core::Result<QJsonObject> answer) {
            if (!answer) {
                m_banner->showMessage(QString::fromStdString(answer.error().message), true);
                if (failed) {
                    failed();
                }
                return;
            }
            done(*answer);
        });
    });
}

void FanVoteDialog::lookForExisting()
{
    // The vote this computer knows for the show: prepared here or on another of the musician's
    // computers (it syncs), published or still waiting for the server.
    if (auto known = core::setlists::FanVoteRepository(m_db).newestForShow(m_showId); known && *known) {
        m_draftId = (*known)->id;
        if ((*known)->published()) {
            showPublished(**known);
            return;
        }
        fillForm((*known)->request);
        showKept(**known);
        if ((*known)->refused.isEmpty()) {
            m_banner->showMessage(tr("This vote is kept on this computer. It goes to your server when you are signed in and online, "
                                     "or now with Publish."),
                                  false);
        }
        return;
    }
    // The form waits for the answer: a vote created meanwhile would be replaced by the old one.
    m_create->setEnabled(false);
    m_create->setText(tr("Looking for this show's vote on your server…"));
    // Once: on the answer, on a failure, or after 15 s without either; and never over a vote
    // that was kept or published meanwhile (its button says Publish or the code).
    const auto once = std::make_shared<bool>(false);
    const auto ready = [this, once] {
        if (*once) {
            return;
        }
        *once = true;
        if (!m_draftId.isEmpty() || !pollId().isEmpty()) {
            return;
        }
        if (!m_creating) {
            m_create->setEnabled(true);
        }
        m_create->setText(tr("Create the vote"));
    };
    QTimer::singleShot(15'000, this, ready);  // no answer: the form is the musician's anyway
    call(
        "GET", QStringLiteral("/v1/polls"), {},
        [this, ready](const QJsonObject& answer) {
            ready();
            if (!pollId().isEmpty() || !m_draftId.isEmpty()) {
                return;  // one was created (or kept) meanwhile
            }
            for (const auto& poll : answer.value(QStringLiteral("polls")).toArray()) {  // newest first
                if (poll.toObject().value(QStringLiteral("show_id")).toString() == m_showId) {
                    call("GET", QStringLiteral("/v1/polls/") + poll.toObject().value(QStringLiteral("id")).toString(), {},
                         [this](const QJsonObject& found) { showPoll(found); });
                    return;
                }
            }
        },
        ready);  // not signed in or no server: the form is the musician's at once, to keep the vote here
}

void FanVoteDialog::showPublished(const core::setlists::FanVote& vote)
{
    // The code, link and QR code are known here; the tally comes from the server. Without the
    // server they show at once (fans can still be told), and the live page keeps trying.
    m_create->setEnabled(false);
    m_create->setText(tr("On your server: code %1").arg(vote.code));
    const auto showKnown = [this, vote](const QString& why) {
        showPoll(QJsonObject{{QStringLiteral("id"), vote.pollId},
                             {QStringLiteral("code"), vote.code},
                             {QStringLiteral("url"), vote.url},
                             {QStringLiteral("question"), vote.request.value(QStringLiteral("question"))}});
        m_banner->showMessage(tr("Your server cannot be reached now (%1); the code and QR code work, and the tally comes when it answers.").arg(why), true);
    };
    m_access(this, [this, vote, showKnown](const QUrl& server, const QString& token, const QString& error) {
        if (!error.isEmpty()) {
            showKnown(error);
            return;
        }
        sync::PollClient::callAsync(*m_network, server, token, "GET", QStringLiteral("/v1/polls/") + vote.pollId, {}, this,
                                    [this, vote, showKnown](core::Result<QJsonObject> poll) {
                                        if (poll) {
                                            showPoll(*poll);
                                        } else if (poll.error().code == core::ErrorCode::NotFound) {
                                            // Gone (another server or account, a restored server): a new one can be made.
                                            startAnother();
                                            fillForm(vote.request);
                                            m_banner->showMessage(tr("This show's vote (code %1) is not on your server any more. "
                                                                     "Create it again, or make a new one.")
                                                                      .arg(vote.code),
                                                                  true);
                                        } else {
                                            showKnown(QString::fromStdString(poll.error().message));
                                        }
                                    });
    });
}

void FanVoteDialog::startAnother()
{
    if (m_stream != nullptr) {
        m_stream->disconnect(this);
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    m_poll = {};
    m_rendered.clear();
    m_draftId.clear();
    m_create->setEnabled(!m_creating);
    m_create->setText(tr("Create the vote"));
    m_discard->setVisible(false);
    m_refusal->setVisible(false);
    m_songFilter->clear();
    m_pages->setCurrentIndex(0);
}

void FanVoteDialog::showKept(const core::setlists::FanVote& vote)
{
    m_draftId = vote.id;
    m_create->setText(tr("Publish the vote"));
    m_discard->setVisible(true);
    // A refusal stays in sight until the vote changes (a banner would hide after a while).
    m_refusal->setText(tr("Your server refused this vote: %1. Change it and publish it again, or discard it.").arg(vote.refused));
    m_refusal->setVisible(!vote.refused.isEmpty());
}

void FanVoteDialog::discard()
{
    if (m_draftId.isEmpty() || m_creating) {
        return;
    }
    if (auto removed = core::setlists::FanVoteRepository(m_db).remove(m_draftId); !removed) {
        m_banner->showMessage(tr("The kept vote could not be discarded: %1").arg(QString::fromStdString(removed.error().message)), true);
        return;
    }
    startAnother();
    m_banner->showMessage(tr("The kept vote is discarded (on your other computers too, after they sync)."), false);
}

void FanVoteDialog::refreshFromStore()
{
    if (m_draftId.isEmpty() || !pollId().isEmpty() || m_creating) {
        return;
    }
    // Published by a sync round (here or on another computer), or refused meanwhile.
    if (auto vote = core::setlists::FanVoteRepository(m_db).get(m_draftId); vote && vote->published()) {
        showPublished(*vote);
    } else if (vote) {
        showKept(*vote);
    }
}

void FanVoteDialog::setQuestion(const QString& question)
{
    m_question->setText(question);
}

QString FanVoteDialog::question() const
{
    return m_question->text();
}

void FanVoteDialog::setVotesPerFan(int votes)
{
    m_votes->setValue(votes);
}

QJsonObject FanVoteDialog::formRequest()
{
    QJsonArray songs;
    for (int row = 0; row < m_songs->count(); ++row) {
        const QListWidgetItem* item = m_songs->item(row);
        if (item->checkState() == Qt::Checked) {
            songs.append(QJsonObject{{QStringLiteral("id"), item->data(Qt::UserRole).toString()},
                                     {QStringLiteral("title"), item->data(Qt::UserRole + 1).toString()},
                                     {QStringLiteral("artist"), item->data(Qt::UserRole + 2).toString()}});
        }
    }
    if (songs.isEmpty()) {
        m_banner->showMessage(tr("Tick at least one song for the fans to vote on."), true);
        return {};
    }
    if (m_question->text().trimmed().isEmpty()) {
        m_banner->showMessage(tr("Ask the fans something."), true);
        m_question->setFocus();
        return {};
    }
    const bool opensAt = m_opens->currentIndex() == 1;
    const bool closesAt = m_closes->currentIndex() == 1;
    if (closesAt && m_closesAt->dateTime() <= QDateTime::currentDateTime()) {
        m_banner->showMessage(tr("The closing time has passed: pick a later one, or close it by hand."), true);
        return {};
    }
    QJsonObject body{{QStringLiteral("show_id"), m_showId},
                     {QStringLiteral("show"), m_showName},
                     {QStringLiteral("band"), m_band},
                     {QStringLiteral("question"), m_question->text().trimmed()},
                     {QStringLiteral("songs"), songs},
                     {QStringLiteral("votes_per_fan"), m_votes->value()},
                     {QStringLiteral("results"), m_results->currentData().toString()},
                     {QStringLiteral("suggestions"), m_suggestions->isChecked()},
                     {QStringLiteral("open_now"), m_opens->currentIndex() == 0}};
    if (opensAt) {
        body.insert(QStringLiteral("opens_at"), static_cast<double>(m_opensAt->dateTime().toMSecsSinceEpoch()));
    }
    if (closesAt) {
        body.insert(QStringLiteral("closes_at"), static_cast<double>(m_closesAt->dateTime().toMSecsSinceEpoch()));
    }
    return body;
}

void FanVoteDialog::fillForm(const QJsonObject& request)
{
    m_songFilter->clear();  // every song of the vote in sight
    m_question->setText(request.value(QStringLiteral("question")).toString(m_question->text()));
    QSet<QString> chosen;
    for (const auto& song : request.value(QStringLiteral("songs")).toArray()) {
        const QJsonObject object = song.toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        chosen.insert(id);
        bool listed = false;
        for (int row = 0; row < m_songs->count() && !listed; ++row) {
            listed = m_songs->item(row)->data(Qt::UserRole).toString() == id;
        }
        if (!listed) {  // a song no longer in this computer's library: still the musician's choice
            const QString title = object.value(QStringLiteral("title")).toString();
            const QString artist = object.value(QStringLiteral("artist")).toString();
            auto* item = new QListWidgetItem(artist.isEmpty() ? title : tr("%1 — %2").arg(title, artist), m_songs);
            item->setData(Qt::UserRole, id);
            item->setData(Qt::UserRole + 1, title);
            item->setData(Qt::UserRole + 2, artist);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
    }
    for (int row = 0; row < m_songs->count(); ++row) {
        QListWidgetItem* item = m_songs->item(row);
        item->setCheckState(chosen.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_votes->setValue(request.value(QStringLiteral("votes_per_fan")).toInt(1));
    m_results->setCurrentIndex(std::max(0, m_results->findData(request.value(QStringLiteral("results")).toString(QStringLiteral("always")))));
    m_suggestions->setChecked(request.value(QStringLiteral("suggestions")).toBool());
    const qint64 opensAt = request.value(QStringLiteral("opens_at")).toInteger();
    const qint64 closesAt = request.value(QStringLiteral("closes_at")).toInteger();
    m_opens->setCurrentIndex(request.value(QStringLiteral("open_now")).toBool() ? 0 : opensAt > 0 ? 1 : 2);
    if (opensAt > 0) {
        m_opensAt->setDateTime(QDateTime::fromMSecsSinceEpoch(opensAt));
    }
    m_closes->setCurrentIndex(closesAt > 0 ? 1 : 0);
    if (closesAt > 0) {
        m_closesAt->setDateTime(QDateTime::fromMSecsSinceEpoch(closesAt));
    }
}

void FanVoteDialog::create()
{
    const QJsonObject body = formRequest();
    if (body.isEmpty()) {
        return;
    }
    // Kept on this computer first (it syncs to the musician's other computers): without the
    // server now, it waits and is published after a sync.
    core::setlists::FanVoteRepository votes(m_db);
    if (!m_draftId.isEmpty()) {
        if (auto stored = votes.get(m_draftId); stored && stored->published()) {
            showPublished(*stored);  // published meanwhile (another computer): that one stands
            m_banner->showMessage(tr("This vote was published from another computer meanwhile; the changes here were not applied."), true);
            return;
        }
    }
    auto saved = votes.save(m_showId, body, m_draftId);
    auto vote = saved ? votes.get(*saved) : core::Result<core::setlists::FanVote>(std::unexpected(saved.error()));
    if (!vote) {
        m_banner->showMessage(tr("The vote could not be kept: %1").arg(QString::fromStdString(vote.error().message)), true);
        return;
    }
    showKept(*vote);
    const auto keptForLater = [this](const QString& why) {
        m_banner->showMessage(tr("The vote is kept on this computer and goes to your server when you are signed in and online (%1).").arg(why),
                              false);
    };
    m_create->setEnabled(false);
    m_creating = true;
    m_access(this, [this, vote = *vote, keptForLater](const QUrl& server, const QString& token, const QString& error) {
        if (!error.isEmpty()) {
            m_creating = false;
            m_create->setEnabled(true);
            keptForLater(error);
            return;
        }
        sync::PollClient::callAsync(*m_network, server, token, "POST", QStringLiteral("/v1/polls"),
                                    core::setlists::FanVoteRepository::publishRequest(vote), this,
                                    [this, vote, keptForLater](core::Result<QJsonObject> poll) {
                                        m_creating = false;
                                        m_create->setEnabled(true);
                                        core::setlists::FanVoteRepository store(m_db);
                                        if (!poll) {
                                            const QString message = QString::fromStdString(poll.error().message);
                                            if (poll.error().code == core::ErrorCode::InvalidInput) {
                                                (void)store.markRefused(vote.id, vote.request, message);
                                                if (auto refused = store.get(vote.id); refused) {
                                                    showKept(*refused);
                                                }
                                            } else {
                                                keptForLater(message);
                                            }
                                            return;
                                        }
                                        (void)store.markPublished(vote.id, poll->value(QStringLiteral("id")).toString(),
                                                                  poll->value(QStringLiteral("code")).toString(),
                                                                  poll->value(QStringLiteral("url")).toString());
                                        showPoll(*poll);
                                        if (poll->value(QStringLiteral("draft")).toString() == QLatin1String("changed")) {
                                            m_banner->showMessage(tr("This vote was published from another computer before; "
                                                                     "that one stands and the changes here were not applied."),
                                                                  true);
                                        } else {
                                            m_banner->showMessage(tr("The vote is on your server. Show fans the code or the QR code."), false);
                                        }
                                    });
    });
}

void FanVoteDialog::filterSongs()
{
    const QString wanted = m_songFilter->text().trimmed();
    for (int row = 0; row < m_songs->count(); ++row) {
        QListWidgetItem* item = m_songs->item(row);
        item->setHidden(!wanted.isEmpty() && !item->text().contains(wanted, Qt::CaseInsensitive));
    }
    countTicked();
}

void FanVoteDialog::countTicked()
{
    int ticked = 0;
    int hidden = 0;
    for (int row = 0; row < m_songs->count(); ++row) {
        const QListWidgetItem* item = m_songs->item(row);
        if (item->checkState() == Qt::Checked) {
            ++ticked;
            hidden += item->isHidden() ? 1 : 0;
        }
    }
    m_ticked->setText(hidden > 0 ? tr("%n song(s) ticked, %1 of them not shown by the search", nullptr, ticked).arg(hidden)
                                 : tr("%n song(s) ticked", nullptr, ticked));
}

bool FanVoteDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_songFilter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            QList<QListWidgetItem*> shown;
            for (int row = 0; row < m_songs->count(); ++row) {
                if (!m_songs->item(row)->isHidden()) {
                    shown.append(m_songs->item(row));
                }
            }
            if (shown.size() == 1) {
                shown.first()->setCheckState(shown.first()->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            } else if (!shown.isEmpty()) {
                m_songs->setCurrentItem(shown.first());
                m_songs->setFocus();
            }
            return true;
        }
        if (key == Qt::Key_Escape && !m_songFilter->text().isEmpty()) {
            m_songFilter->clear();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool FanVoteDialog::isLive() const
{
    return m_pages->currentIndex() == 1;
}

QString FanVoteDialog::code() const
{
    return m_poll.value(QStringLiteral("code")).toString();
}

QString FanVoteDialog::link() const
{
    return m_poll.value(QStringLiteral("url")).toString();
}

QString FanVoteDialog::pollId() const
{
    return m_poll.value(QStringLiteral("id")).toString();
}

qint64 FanVoteDialog::ballots() const
{
    return m_poll.value(QStringLiteral("ballots")).toInteger();
}

qint64 FanVoteDialog::votesFor(const QString& songId) const
{
    for (const auto& row : m_poll.value(QStringLiteral("tally")).toArray()) {
        if (row.toObject().value(QStringLiteral("song_id")).toString() == songId) {
            return votesOf(row);
        }
    }
    return -1;
}

QString FanVoteDialog::stateText() const
{
    return m_state->text();
}

QString FanVoteDialog::bannerText() const
{
    return m_banner->visibleText();
}

void FanVoteDialog::showPoll(const QJsonObject& poll)
{
    const bool first = m_poll.isEmpty() || m_poll.value(QStringLiteral("id")) != poll.value(QStringLiteral("id"));
    const QString url = poll.value(QStringLiteral("url")).toString(link());  // the stream's copies carry no link
    m_poll = poll;
    if (!url.isEmpty()) {
        m_poll.insert(QStringLiteral("url"), url);
    }
    if (first) {
        m_code->setText(code());
        m_link->setText(link());
        if (auto qr = sync::encodeQr(link().toUtf8())) {
            m_qr = qrPicture(*qr, 6);
            m_qrLabel->setPixmap(QPixmap::fromImage(m_qr));
        }
        m_pages->setCurrentIndex(1);
        listen();
        Q_EMIT wentLive();
    }
    renderTally();
    Q_EMIT tallyChanged();
}

void FanVoteDialog::listen()
{
    const QString id = pollId();
    if (id.isEmpty() || m_closing) {
        return;
    }
    // Tried again after 2 s, doubling to a minute while it fails (a venue's Wi-Fi comes and goes).
    const auto again = [this, id] {
        setReconnecting(true);
        QTimer::singleShot(m_retryMs, this, [this, id] {
            if (pollId() == id) {
                listen();
            }
        });
        m_retryMs = std::min(m_retryMs * 2, 60'000);
    };
    m_access(this, [this, id, again](const QUrl& server, const QString& token, const QString& error) {
        if (pollId() != id) {
            return;  // another vote shows by now
        }
        if (!error.isEmpty()) {
            m_banner->showMessage(error, true);
            again();
            return;
        }
        if (m_stream != nullptr) {
            m_stream->disconnect(this);
            m_stream->deleteLater();  // it may be the one whose signal runs this
        }
        m_stream = new sync::EventStream(*m_network, server, QStringLiteral("/v1/polls/%1/events").arg(id), token, this);
        connect(m_stream, &sync::EventStream::received, this, [this, id](const QByteArray& name, const QByteArray& payload) {
            const QJsonObject poll = QJsonDocument::fromJson(payload).object();
            if (name == "tally" && poll.value(QStringLiteral("id")).toString() == id) {
                m_retryMs = 2000;
                setReconnecting(false);
                showPoll(poll);
            }
        });
        // The server ends a stream when its token expires (or stops): a new one a moment later.
        connect(m_stream, &sync::EventStream::closed, this, [this, id, again] {
            if (m_closing || pollId() != id) {
                return;
            }
            if (m_stream != nullptr && m_stream->status() == 404) {
                setReconnecting(false);
                m_banner->showMessage(tr("This vote is no longer on your server (or belongs to another account)."), true);
                return;
            }
            again();
        });
    });
}

void FanVoteDialog::setReconnecting(bool reconnecting)
{
    m_reconnecting = reconnecting;
    renderTally();
}

void FanVoteDialog::renderTally()
{
    const QString state = m_poll.value(QStringLiteral("state")).toString();
    const QString stateWords = state == QLatin1String("open")        ? tr("Open: fans are voting")
                               : state == QLatin1String("scheduled") ? tr("Not open yet")
                               : state.isEmpty()                     ? tr("Waiting for your server")
                                                                      : tr("Closed");
    m_state->setText(QStringLiteral("%1\n%2").arg(m_poll.value(QStringLiteral("question")).toString(),
                                                 m_reconnecting ? tr("%1 · reconnecting to your server…").arg(stateWords) : stateWords));
    m_openButton->setEnabled(state != QLatin1String("open"));
    m_closeButton->setEnabled(state == QLatin1String("open"));

    QList<QJsonObject> rows;
    qint64 total = 0;
    qint64 most = 1;
    QList<std::pair<QString, QString>> pending;  // key, title
    for (const auto& value : m_poll.value(QStringLiteral("tally")).toArray()) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("state")).toString() == QLatin1String("pending")) {
            pending.append({row.value(QStringLiteral("song_id")).toString(), row.value(QStringLiteral("title")).toString()});
        }
    }
    // The list is rebuilt only when what waits changed, keeping the musician's choice.
    QList<std::pair<QString, QString>> listed;
    for (int i = 0; i < m_pending->count(); ++i) {
        listed.append({m_pending->item(i)->data(Qt::UserRole).toString(), m_pending->item(i)->text()});
    }
    if (listed != pending) {
        const QString chosen = m_pending->currentItem() != nullptr ? m_pending->currentItem()->data(Qt::UserRole).toString() : QString();
        m_pending->clear();
        for (const auto& [key, title] : pending) {
            auto* item = new QListWidgetItem(title, m_pending);
            item->setData(Qt::UserRole, key);
            if (key == chosen) {
                m_pending->setCurrentItem(item);
            }
        }
    }
    const bool firstRender = m_rendered != pollId();
    m_rendered = pollId();
    for (const auto& value : m_poll.value(QStringLiteral("tally")).toArray()) {
        const QJsonObject row = value.toObject();
        const QString rowState = row.value(QStringLiteral("state")).toString();
        if (rowState != QLatin1String("listed")) {
            continue;
        }
        rows.append(row);
        total += votesOf(row);
        most = std::max(most, votesOf(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject& a, const QJsonObject& b) { return votesOf(a) > votesOf(b); });

    // Votes per minute: the total a minute ago against now.
    const qint64 now = m_clock.elapsed();
    m_history.emplace_back(now, total);
    while (m_history.size() > 1 && now - m_history.front().first > 60'000) {
        m_history.pop_front();
    }
    const qint64 perMinute = std::max<qint64>(0, total - m_history.front().second);
    m_counts->setText(tr("%n fan(s) voted", nullptr, static_cast<int>(ballots())) + QStringLiteral(" · ") +
                      tr("%n vote(s) in the last minute", nullptr, static_cast<int>(perMinute)));

    // One row per song, kept between updates (made once, shown at once), most votes first.
    while (QLayoutItem* item = m_bars->takeAt(0)) {
        delete item;  // the layout's wrapper; the row itself stays for the next update
    }
    QSet<QString> shown;
    for (const QJsonObject& row : rows) {
        const QString id = row.value(QStringLiteral("song_id")).toString();
        const qint64 votes = votesOf(row);
        auto& [lastVotes, grewAt] = m_lastChange[id];
        if (votes > lastVotes && !firstRender) {
            grewAt = now;  // (a vote opened again shows its counts without arrows)
        }
        lastVotes = votes;
        const bool rising = grewAt > 0 && now - grewAt < 10'000;
        TallyRow& bar = m_rows[id];
        if (bar.line == nullptr) {
            bar.line = new QWidget(m_pages->widget(1));
            auto* layout = new QHBoxLayout(bar.line);
            layout->setContentsMargins(0, 0, 0, 0);
            bar.title = new QLabel(bar.line);
            bar.title->setMinimumWidth(200);
            layout->addWidget(bar.title, 2);
            bar.bar = new QProgressBar(bar.line);
            bar.bar->setTextVisible(false);
            layout->addWidget(bar.bar, 3);
            bar.count = new QLabel(bar.line);
            bar.count->setMinimumWidth(56);
            bar.count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            layout->addWidget(bar.count);
        }
        const QString artist = row.value(QStringLiteral("artist")).toString();
        bar.title->setText(artist.isEmpty() ? row.value(QStringLiteral("title")).toString()
                                            : tr("%1 — %2").arg(row.value(QStringLiteral("title")).toString(), artist));
        bar.bar->setRange(0, static_cast<int>(most));
        bar.bar->setValue(static_cast<int>(votes));
        bar.count->setText(rising ? QStringLiteral("%1 ▲").arg(votes) : QString::number(votes));
        bar.count->setToolTip(rising ? tr("Votes came in during the last ten seconds") : QString());
        m_bars->addWidget(bar.line);
        bar.line->show();
        shown.insert(id);
    }
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        if (!shown.contains(it.key())) {
            it->line->hide();  // a suggestion hidden again
        }
    }
    const bool suggestions = m_poll.value(QStringLiteral("suggestions")).toBool();
    for (QWidget* widget : m_suggestionWidgets) {
        widget->setVisible(suggestions);
    }
}

void FanVoteDialog::setOpen(bool open)
{
    call("POST", QStringLiteral("/v1/polls/%1/%2").arg(pollId(), open ? QStringLiteral("open") : QStringLiteral("close")), {},
         [this](const QJsonObject& poll) { showPoll(poll); });
}

void FanVoteDialog::reset()
{
    call("POST", QStringLiteral("/v1/polls/%1/reset").arg(pollId()), {}, [this](const QJsonObject& poll) {
        m_history.clear();
        m_lastChange.clear();
        showPoll(poll);
        m_banner->showMessage(tr("Every vote was taken back; the vote goes on."), false);
    });
}

QList<FanVoteDialog::Candidate> FanVoteDialog::topSongs(int count) const
{
    QList<std::pair<qint64, Candidate>> ranked;
    for (const auto& value : m_poll.value(QStringLiteral("tally")).toArray()) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("state")).toString() != QLatin1String("listed") || votesOf(row) == 0) {
            continue;
        }
        const bool suggested = row.value(QStringLiteral("suggested")).toBool();
        ranked.append({votesOf(row), Candidate{suggested ? QString() : row.value(QStringLiteral("song_id")).toString(), row.value(QStringLiteral("title")).toString(),
                                                row.value(QStringLiteral("artist")).toString(), false}});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<Candidate> top;
    for (qsizetype i = 0; i < std::min<qsizetype>(count, ranked.size()); ++i) {
        top.append(ranked.at(i).second);
    }
    return top;
}

bool FanVoteDialog::printPoster(QPagedPaintDevice& device) const
{
    QPainter painter(&device);
    if (!painter.isActive()) {
        return false;  // the printer or file refused
    }
    const QString heading = m_band.isEmpty() ? m_showName : m_showName.isEmpty() ? m_band : tr("%1 · %2").arg(m_band, m_showName);
    paintQrPoster(painter, QRectF(0, 0, device.width(), device.height()),
                  {heading, m_poll.value(QStringLiteral("question")).toString(), link(), code(), tr("Scan with your phone, or open"),
                   tr("Code")});
    return painter.end();
}

void FanVoteDialog::saveQr()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save the QR code"), tr("fan-vote-%1.png").arg(code()), tr("PNG image (*.png);;SVG image (*.svg)"), &filter);
    if (path.isEmpty()) {
        return;
    }
    if (filter.contains(QLatin1String("*.svg")) && !path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        path = QFileInfo(path).path() + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QStringLiteral(".svg");  // the format chosen
    }
    if (!path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) && !path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".png");
    }
    const auto saved = ui::saveQr(link(), path, 12);
    m_banner->showMessage(saved ? tr("Saved %1").arg(path) : tr("Could not save %1: %2").arg(path, QString::fromStdString(saved.error().message)), !saved);
}

void FanVoteDialog::showFullScreen()
{
    auto* screen = new QDialog(this);
    screen->setAttribute(Qt::WA_DeleteOnClose);
    screen->setStyleSheet(QStringLiteral("background: white; color: black;"));
    auto* layout = new QVBoxLayout(screen);
    auto* question = new QLabel(m_poll.value(QStringLiteral("question")).toString(), screen);
    auto* picture = new QLabel(screen);
    auto* words = new QLabel(tr("Vote at %1 — code %2").arg(link(), code()), screen);
    for (QLabel* label : {question, picture, words}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
    }
    QFont font = question->font();
    font.setPointSizeF(font.pointSizeF() * 2.4);
    font.setBold(true);
    question->setFont(font);
    font.setPointSizeF(font.pointSizeF() * 0.8);
    words->setFont(font);
    // On the other screen when there are two (the projector), the QR code as big as it fits.
    QScreen* target = this->screen();
    for (QScreen* candidate : QGuiApplication::screens()) {
        if (candidate != this->screen()) {
            target = candidate;
            break;
        }
    }
    if (auto qr = sync::encodeQr(link().toUtf8())) {
        const int fit = std::min(target->geometry().width(), target->geometry().height()) * 3 / 5;
        picture->setPixmap(QPixmap::fromImage(qrPicture(*qr, std::max(4, fit / (qr->size + 8)))));
    }
    screen->setScreen(target);
    screen->setGeometry(target->geometry());
    layout->addWidget(question);
    layout->addWidget(picture, 1);
    layout->addWidget(words);
    auto* leave = new QShortcut(QKeySequence(Qt::Key_Escape), screen);
    connect(leave, &QShortcut::activated, screen, &QDialog::close);
    screen->showFullScreen();
}

}  // namespace bandmate::ui
