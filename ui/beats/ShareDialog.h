#pragma once

#include <QDialog>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace bandmate::ui {

/// "Share…" on the Beat Machine page (issue 20): shares the machine as saved on the musician's
/// Bandmate server, by link, and keeps that link: the dialog opens on it again for this machine
/// (on any of the musician's computers: the server knows the machine's id), with "Update shared
/// copy" (a new version under the same link), its visibility, and Unshare. Its second tab lists
/// everything the musician shared, with plays and copies, to copy a link, change visibility,
/// unshare or delete.
class ShareDialog : public QDialog {
    Q_OBJECT
public:
    /// The server and an access token for `use` (the Sync page's session), or why not.
    using ServerAccess = std::function<void(QObject* context, std::function<void(const QUrl& server, const QString& token, const QString& error)> use)>;

    /// `machineXml` is the machine as saved (the shared snapshot); `machineId` the database's
    /// machine ("" for a built-in one: each Share then makes a new link); `author` the name shown
    /// (the profile's artist name).
    /// `origin` is the link of the shared groove the machine is a copy of ("" if none): shared
    /// again, its page names it when that server still can.
    ShareDialog(QByteArray machineXml, QString machineId, QString title, QString author, ServerAccess access, QString origin = {},
                QWidget* parent = nullptr);

    // What the dialog holds (tests and screenshots).
    void setVisibility(const QString& visibility);  ///< "public", "unlisted", "private"
    void setLicence(const QString& licence);
    void setTags(const QString& commaSeparated);
    void setAllowCopies(bool allow);
    /// Shares (the Share button).
    void share();
    /// A new version of the shared copy from the machine as saved (Update shared copy).
    void updateSharedCopy();
    /// Takes this machine's shared copy off line.
    void unshare();
    /// Asks the server again (what the dialog does when it opens).
    void refresh();
    [[nodiscard]] bool isShared() const { return !m_shared.isEmpty(); }
    [[nodiscard]] QString link() const;
    [[nodiscard]] int version() const;
    [[nodiscard]] QImage qrImage() const { return m_qr; }
    [[nodiscard]] QString statusText() const;
    /// The grooves of the second tab, as the server listed them.
    [[nodiscard]] QJsonArray sharedList() const { return m_list; }
    /// Opens on everything shared; `only`: this machine's tab is off (it has unsaved changes).
    void showListTab(bool only = false);

Q_SIGNALS:
    /// A request answered (or failed): tests wait for it.
    void settled();

private:
    using Done = std::function<void(const QJsonObject& answer, const QString& error)>;
    void call(const QByteArray& method, const QString& path, const QJsonObject& body, Done done);
    void showShared(const QJsonObject& groove);
    void showForm();
    void setBusy(bool busy, const QString& text = {});
    void fillList(const QJsonArray& grooves);
    [[nodiscard]] QJsonObject settings() const;
    [[nodiscard]] QString selectedId() const;
    void changeSelected(const QByteArray& method, const QString& suffix, const QJsonObject& body);

    QByteArray m_xml;
    QString m_machineId;
    QString m_title;
    ServerAccess m_access;
    QNetworkAccessManager* m_network = nullptr;
    QJsonObject m_shared;  ///< this machine's shared groove, as the server answered
    QJsonArray m_list;
    QImage m_qr;
    QString m_message;  ///< the status line before the requests in flight
    int m_requests = 0;  ///< in flight
    QString m_origin;
    QList<QWidget*> m_actions;  ///< disabled while a request is in flight

    QTabWidget* m_tabs = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_titleEdit = nullptr;
    QLineEdit* m_author = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_licence = nullptr;
    QComboBox* m_visibility = nullptr;
    QCheckBox* m_copies = nullptr;
    QPushButton* m_shareButton = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_link = nullptr;
    QLabel* m_qrLabel = nullptr;
    QLabel* m_sharedFacts = nullptr;
    QComboBox* m_sharedVisibility = nullptr;
    QPushButton* m_update = nullptr;
    QTreeWidget* m_tree = nullptr;
};

}  // namespace bandmate::ui
