#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <deque>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPagedPaintDevice;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QVBoxLayout;

namespace bandmate::core {
class Database;
}
namespace bandmate::core::setlists {
struct FanVote;
}
namespace bandmate::sync {
class EventStream;
}

namespace bandmate::ui {

class MessageBanner;

/// "Fan vote…" on a show (issue 19): the audience votes on the show's songs from their phones.
/// The first page prepares the vote (songs, question, votes per fan, when it opens and closes,
/// who sees the results, suggestions); once it is on the musician's Bandmate server the second
/// page shows its code, link and QR code (to print or project full screen), the live tally as
/// bars with counts and a trend, votes per minute, open/close/reset, suggestions to list or
/// hide, and "Use result", which puts the top songs into the show's encore (undoable, by the
/// Setlists page). A show's newest vote opens on the second page directly. A vote is kept in the
/// database first (a synced `fan_vote`): without the server it waits, filled in again when the
/// dialog opens, and is published by Publish or after the next sync.
class FanVoteDialog : public QDialog {
    Q_OBJECT
public:
    /// The server and an access token for `use` (the Sync page's session), or why not.
    using ServerAccess = std::function<void(QObject* context, std::function<void(const QUrl& server, const QString& token, const QString& error)> use)>;
    struct Candidate {
        QString songId;
        QString title;
        QString artist;
        bool inShow = true;  ///< on the show's setlist (checked at first)
    };

    FanVoteDialog(core::Database& db, QString showId, QString showName, QString band, const QList<Candidate>& candidates, ServerAccess access,
                  QWidget* parent = nullptr);
    ~FanVoteDialog() override;

    // What the pages hold (tests and screenshots).
    void setQuestion(const QString& question);
    [[nodiscard]] QString question() const;
    void setVotesPerFan(int votes);
    /// Keeps the prepared vote and sends it to the server (the Create or Publish button).
    void create();
    /// Shows the vote live when it was published meanwhile (by a sync round).
    void refreshFromStore();
    /// Throws away the vote kept on this computer (one not on the server yet).
    void discard();
    /// An empty form for a new vote (New vote…; the one shown stays on the server).
    void startAnother();
    /// The vote kept on this computer (empty before Create).
    [[nodiscard]] QString draftId() const { return m_draftId; }
    [[nodiscard]] bool isLive() const;
    [[nodiscard]] QString code() const;
    [[nodiscard]] QString link() const;
    [[nodiscard]] QString pollId() const;
    [[nodiscard]] QImage qrImage() const { return m_qr; }
    /// The poster (Print poster…) on one page of `device`: a printer, or a PDF writer; false
    /// when the device refused.
    bool printPoster(QPagedPaintDevice& device) const;
    [[nodiscard]] qint64 ballots() const;
    [[nodiscard]] qint64 votesFor(const QString& songId) const;
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString bannerText() const;
    /// Opens, closes or resets the vote on the server.
    void setOpen(bool open);
    void reset();
    /// The top `count` songs by votes (ties keep the musician's order), for "Use result".
    [[nodiscard]] QList<Candidate> topSongs(int count) const;

    /// "Use result": puts these songs (library songs, or a fan's suggestion by title) into the
    /// show's set `setId` (empty: the encore); how many it placed (those already there are
    /// skipped), -1 on failure.
    void setResultTaker(std::function<int(const QList<Candidate>&, const QString& setId)> take) { m_takeResult = std::move(take); }
    /// The show's sets the result may also go into (id, name), besides the encore.
    void setTargets(const QList<std::pair<QString, QString>>& sets);
    /// Where Use result puts the songs (a set's id; empty: the encore).
    void setTarget(const QString& setId);
    /// Use result with the chosen count and place; what the taker returned (0: no votes yet).
    int useResult();

Q_SIGNALS:
    /// The vote is on the server and its live page shows.
    void wentLive();
    /// The tally changed (an update arrived).
    void tallyChanged();

private:
    QWidget* buildForm(const QList<Candidate>& candidates);
    QWidget* buildLive();
    /// Finds the show's newest vote on the server: the live page when there is one.
    void lookForExisting();
    void showPublished(const core::setlists::FanVote& vote);
    /// The form for a vote kept on this computer (and why the server refused it, if it did).
    void showKept(const core::setlists::FanVote& vote);
    /// The request the form describes, or empty (the banner says what is missing).
    QJsonObject formRequest();
    void fillForm(const QJsonObject& request);
    void showPoll(const QJsonObject& poll);
    void listen();
    void setReconnecting(bool reconnecting);
    /// `failed` runs after the error is shown (no session, no server, an error answer).
    void call(const QByteArray& method, const QString& path, const QJsonObject& body, std::function<void(const QJsonObject&)> done,
              std::function<void()> failed = {});
    void renderTally();
    void saveQr();
    void showFullScreen();
    /// Shows the songs the search finds (ticks stay), and the count of ticked ones.
    void filterSongs();
    void countTicked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    core::Database& m_db;
    QString m_showId;
    QString m_draftId;
    QString m_showName;
    QString m_band;
    ServerAccess m_access;
    QNetworkAccessManager* m_network = nullptr;
    sync::EventStream* m_stream = nullptr;
    QJsonObject m_poll;
    QImage m_qr;
    bool m_closing = false;
    bool m_reconnecting = false;
    bool m_creating = false;  ///< a Create is on its way
    int m_retryMs = 2000;
    QString m_rendered;  ///< the poll the rows were last drawn for
    std::function<int(const QList<Candidate>&, const QString&)> m_takeResult;
    /// (when, total votes) of the last minute's updates: votes per minute.
    std::deque<std::pair<qint64, qint64>> m_history;
    QHash<QString, std::pair<qint64, qint64>> m_lastChange;  ///< song → (votes, when they last grew)
    QElapsedTimer m_clock;

    QStackedWidget* m_pages = nullptr;
    MessageBanner* m_banner = nullptr;
    // The form
    QLineEdit* m_question = nullptr;
    QListWidget* m_songs = nullptr;
    QLineEdit* m_songFilter = nullptr;
    QLabel* m_ticked = nullptr;
    QSpinBox* m_votes = nullptr;
    QComboBox* m_results = nullptr;
    QCheckBox* m_suggestions = nullptr;
    QComboBox* m_opens = nullptr;
    QDateTimeEdit* m_opensAt = nullptr;
    QComboBox* m_closes = nullptr;
    QDateTimeEdit* m_closesAt = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_discard = nullptr;
    QLabel* m_refusal = nullptr;
    // The live page
    QLabel* m_code = nullptr;
    QLabel* m_link = nullptr;
    QLabel* m_qrLabel = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_counts = nullptr;
    QVBoxLayout* m_bars = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QListWidget* m_pending = nullptr;
    QList<QWidget*> m_suggestionWidgets;  ///< shown only for a vote that takes suggestions
    QSpinBox* m_top = nullptr;
    QComboBox* m_target = nullptr;
    struct TallyRow {
        QWidget* line = nullptr;
        QLabel* title = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* count = nullptr;
    };
    QHash<QString, TallyRow> m_rows;  ///< by song id
};

}  // namespace bandmate::ui
