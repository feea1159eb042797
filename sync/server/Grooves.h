#pragma once

#include "core/beats/Machine.h"
#include "sync/server/PlayOptions.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace bandmate::sync {

/// Who may open a shared groove: anyone, and it is listed (Public); anyone with the link
/// (Unlisted: in no list, search or sitemap); only its author (Private: 404 to anyone else).
enum class Visibility { Public, Unlisted, Private };
[[nodiscard]] QString visibilityName(Visibility visibility);
[[nodiscard]] std::optional<Visibility> visibilityFromName(const QString& name);

/// The licences a groove may be shared under (shown on its page): "cc-by-4.0", "cc-by-sa-4.0",
/// "cc0-1.0", "all-rights-reserved".
[[nodiscard]] const QStringList& grooveLicences();

/// The sample rate of every rendered loop (the page's Web Audio context runs at it, so the
/// browser plays the server's samples without resampling them first).
inline constexpr int kGrooveSampleRate = 48000;

/// A rendered file the server serves.
enum class GrooveFormat { Wav, Midi };
/// Renders `bars` bars of `machine` (options applied) as a seamless loop: a WAV file's bytes
/// (24-bit stereo at kGrooveSampleRate, exactly the frames of those bars) or a MIDI file's. The server gets it from
/// app/server, built on audio/render, so sync/ stays free of audio (DESIGN.md section 7).
using GrooveRenderer = std::function<core::Result<std::string>(const core::beats::Machine& machine, int bars, GrooveFormat format)>;

/// What the author sets when sharing a machine.
struct GrooveSettings {
    QString title;   ///< empty: the machine's own title
    QString author;  ///< the name shown as the author (accounts have no public name yet)
    QString description;
    QStringList tags;  ///< rhythms and styles ("salsa", "son montuno"), lower case
    QString licence = QStringLiteral("cc-by-4.0");
    Visibility visibility = Visibility::Unlisted;
    bool allowCopies = true;
};

/// A change of a shared groove's settings: only what is set changes.
struct GrooveChange {
    std::optional<QString> title;
    std::optional<QString> author;
    std::optional<QString> description;
    std::optional<QStringList> tags;
    std::optional<QString> licence;
    std::optional<Visibility> visibility;  ///< also shares an unshared groove again
    std::optional<bool> allowCopies;
};

/// A shared groove as the server keeps it; with one version's machine when read for a page.
struct SharedGroove {
    QString id;  ///< 128 random bits in base32: unguessable
    QString accountId;
    GrooveSettings settings;
    /// "shared"; "unshared" (its link says it was removed; the author may share it again) or
    /// "deleted" (its versions are gone for good).
    QString state = QStringLiteral("shared");
    int latestVersion = 0;
    QString originId;  ///< the groove this one is a copy of ("inspired by"), or empty
    int originVersion = 0;
    qint64 plays = 0;
    qint64 copies = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    /// The author's own id for what was shared (the desktop's machine id), or empty: the
    /// desktop finds a machine's shared copy by it, from any of the musician's computers.
    QString source;
    /// The version read (the latest, unless one was asked for) and its machine, canonical XML
    /// (what writeMachineXml writes) with its SHA-256; empty in lists and once unshared.
    int version = 0;
    qint64 versionCreatedAtMs = 0;
    QByteArray machineXml;
    QString hash;
};

/// Sharing a beat machine by link (issue 20), without a transport: a shared groove is a series
/// of immutable versions (snapshots of the machine, each with its own permanent link) under one
/// unguessable id, with the author's settings. Only the author changes, unshares or deletes it;
/// private grooves are NotFound to anyone else. Every machine is checked as the desktop's reader
/// checks a file (MachineLimits), and stored in its canonical form. One instance per thread.
class GrooveService {
public:
    using Clock = std::function<qint64()>;
    static constexpr qsizetype kMaxXmlBytes = 256 * 1024;
    static constexpr int kMaxTitleLength = 100;
    static constexpr int kMaxAuthorLength = 80;
    static constexpr int kMaxDescriptionLength = 2000;
    static constexpr int kMaxTags = 10;
    static constexpr int kMaxTagLength = 32;
    static constexpr int kMaxGroovesPerAccount = 500;  ///< shared and unshared, not deleted
    static constexpr int kMaxVersions = 200;           ///< per groove

    [[nodiscard]] static core::Result<std::unique_ptr<GrooveService>> open(const QString& location, Clock clock = {});
    ~GrooveService();
    GrooveService(const GrooveService&) = delete;
    GrooveService& operator=(const GrooveService&) = delete;

    /// The machine in `xml` (Salsa Beat Machine format) as the server accepts it: parsed and
    /// checked like a file the desktop opens (errors name the line and column: "machine:3:5: …"),
    /// and every title shown on its page (the machine's, instruments', programs') is text a page
    /// may show: at most kMaxTitleLength characters, no control or direction characters.
    [[nodiscard]] static core::Result<core::beats::Machine> readMachine(const QByteArray& xml);

    /// Shares `machineXml` as version 1 of a new groove. A copy names the groove and version it
    /// came from (`originId`, `originVersion`): that one must exist, be visible to `accountId`
    /// and allow copies. `source` is the author's own id for the machine (see SharedGroove).
    [[nodiscard]] core::Result<SharedGroove> publish(const QString& accountId, const GrooveSettings& settings, const QByteArray& machineXml,
                                                     const QString& originId = {}, int originVersion = 0, const QString& source = {});
    /// A new version of the author's groove under the same link ("Update shared copy"); the
    /// same machine as the latest version adds none (a retry is harmless).
    [[nodiscard]] core::Result<SharedGroove> addVersion(const QString& accountId, const QString& grooveId, const QByteArray& machineXml);
    /// Changes the author's settings; a visibility shares an unshared groove again.
    [[nodiscard]] core::Result<SharedGroove> change(const QString& accountId, const QString& grooveId, const GrooveChange& change);
    /// Takes the groove off line: its links say it was removed; its versions are kept for the
    /// author, who may share it again.
    [[nodiscard]] core::Result<SharedGroove> unshare(const QString& accountId, const QString& grooveId);
    /// Deletes every version for good; the links say the groove was removed.
    [[nodiscard]] core::Result<void> remove(const QString& accountId, const QString& grooveId);
    /// The author's grooves (not deleted), newest change first; without machines.
    [[nodiscard]] core::Result<QList<SharedGroove>> mine(const QString& accountId) const;
    /// Version `version` (0: the latest) of a groove as `viewerId` (empty: nobody signed in) may
    /// see it: NotFound for an unknown id or version, and for a private groove of someone
    /// else. An unshared or deleted groove is returned without its machine (state says which).
    [[nodiscard]] core::Result<SharedGroove> view(const QString& grooveId, int version = 0, const QString& viewerId = {}) const;
    /// Public grooves (listed), newest first, without machines.
    [[nodiscard]] core::Result<QList<SharedGroove>> listed(int limit) const;
    /// Counts one play (someone pressed play on the page).
    [[nodiscard]] core::Result<void> countPlay(const QString& grooveId);
    /// Counts one copy (the machine was taken into someone's library).
    [[nodiscard]] core::Result<void> countCopy(const QString& grooveId);

private:
    GrooveService(QString connectionName, Clock clock);
    [[nodiscard]] core::Result<SharedGroove> own(const QString& accountId, const QString& grooveId) const;
    [[nodiscard]] core::Result<SharedGroove> read(const QString& grooveId) const;
    /// `settings` checked and tidied; an empty title becomes `fallbackTitle` (the machine's own).
    [[nodiscard]] core::Result<GrooveSettings> cleanSettings(const GrooveSettings& settings, const QString& fallbackTitle) const;
    /// The version's machine, its hash and time into `groove`; false when the version is gone.
    [[nodiscard]] core::Result<bool> readVersion(SharedGroove& groove) const;

    QString m_connectionName;
    Clock m_clock;
};

}  // namespace bandmate::sync
