#include "core/beats/MachineXml.h"

#include "core/beats/NoteStream.h"
#include "core/util/SafeFiles.h"

#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace bandmate::core::beats {

const char* flavorName(Flavor flavor)
{
    return flavor == Flavor::Salsa ? "Salsa" : "Merengue";
}

namespace {

/// Whether text read from an element spans lines: a \n, or a \r written as &#13; (which a save
/// would write raw, and XML reads a raw \r back as \n). Found by fuzzing.
bool breaksLine(const QString& text)
{
    return text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

/// Whether an Instructor holds the format's numbers without saying so: a count at pitch 0 and
/// none at 8 or above (the format's "eight" is 7). A mix of both, as a sync half-way through
/// bringing over a converted machine can leave for a moment, is left as it is.
bool countsFromZero(const Instrument& instructor)
{
    bool zero = false;
    for (const Program& program : instructor.programs) {
        for (const Note& note : program.notes) {
            if (note.pitch >= 8) {
                return false;
            }
            zero = zero || note.pitch == 0;
        }
    }
    return zero;
}

/// Reads one machine document; each method leaves the reader on the end of its element.
class Reader {
public:
    Reader(const QByteArray& xml, QString source) : m_xml(xml), m_source(std::move(source)) {}

    Result<Machine> read()
    {
        if (!nextStartElement()) {
            return m_xml.hasError() ? xmlError() : failHere("the file holds no XML element");
        }
        if (m_xml.name() != QLatin1String("Machine") ||
            m_xml.namespaceUri() != QLatin1String(kMachineNamespace)) {
            return failHere("expected a <Machine> in the namespace " + std::string(kMachineNamespace) +
                            ", found <" + m_xml.qualifiedName().toString().toStdString() + ">");
        }
        Machine machine;
        const std::string machineWhere = here();
        if (auto ok = readMachine(machine); !ok) {
            return std::unexpected(ok.error());
        }
        // Nothing to play or edit: the Beat Machine needs an instrument (each with a program).
        if (machine.instruments.empty()) {
            return fail(ErrorCode::InvalidInput, "the machine has no instruments (an <instrumentList> with at least one)", machineWhere);
        }
        if (auto ok = countInstructorAsMusicians(machine, machineWhere); !ok) {
            return std::unexpected(ok.error());
        }
        for (size_t a = 0; a < machine.arrangements.size(); ++a) {
            const Arrangement& arrangement = machine.arrangements[a];
            long steps = 0;
            for (const int index : arrangement.form) {
                const Section& section = arrangement.sections[static_cast<size_t>(index)];
                steps += static_cast<long>(section.bars) * section.repeats * stepsPerBar(machine.flavor);
            }
            if (steps > MachineLimits::kMaxSongSteps) {
                return fail(ErrorCode::InvalidInput,
                            "arrangement \"" + arrangement.name + "\" is longer than " +
                                std::to_string(MachineLimits::kMaxSongSteps / stepsPerBar(machine.flavor)) + " bars",
                            m_arrangementWhere.at(a));
            }
        }
        // Anything after the root must still be well-formed.
        while (!m_xml.atEnd()) {
            m_xml.readNext();
        }
        if (m_xml.hasError()) {
            return xmlError();
        }
        return machine;
    }

private:
    /// The file's Instructor counts as the model does: from 1 (see kInstructorId).
    Result<void> countInstructorAsMusicians(Machine& machine, const std::string& where) const
    {
        for (Instrument& instrument : machine.instruments) {
            if (instrument.id != kInstructorId) {
                continue;
            }
            const bool fromZero = m_instructorCountsFrom ? *m_instructorCountsFrom == 0 : countsFromZero(instrument);
            const int shift = fromZero ? 1 : 0;
            for (Program& program : instrument.programs) {
                for (Note& note : program.notes) {
                    if (note.pitch + shift < 1 || note.pitch + shift > MachineLimits::kMaxPitch) {
                        return fail(ErrorCode::InvalidInput,
                                    "the Instructor's pitch " + std::to_string(note.pitch) + " is not a count (" +
                                        (fromZero ? "0 is \"one\", up to 126" : "1 is \"one\", up to 127") + ")",
                                    where + " program \"" + program.title + "\"");
                    }
                    note.pitch += shift;
                }
            }
        }
        return {};
    }

    std::string here() const
    {
        return QStringLiteral("%1:%2:%3").arg(m_source).arg(m_xml.lineNumber()).arg(m_xml.columnNumber()).toStdString();
    }

    std::unexpected<Error> failHere(const std::string& message) const
    {
        return fail(ErrorCode::InvalidInput, message, here());
    }

    std::unexpected<Error> xmlError() const
    {
        return fail(ErrorCode::InvalidInput, "not well-formed XML: " + m_xml.errorString().toStdString(), here());
    }

    bool nextStartElement()
    {
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                return true;
            }
        }
        return false;
    }

    // Iterates the child elements of the current element; false at its end or on an error.
    bool nextChild()
    {
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                return true;
            }
            if (token == QXmlStreamReader::EndElement) {
                return false;
            }
        }
        return false;
    }

    Result<QString> text(const std::string& what)
    {
        const QString value = m_xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        if (m_xml.hasError()) {
            return xmlError();
        }
        if (value.isEmpty()) {
            return failHere(what + " is empty");
        }
        return value;
    }

    Result<bool> parseBool(const QString& value, const std::string& what)
    {
        if (value == QLatin1String("true") || value == QLatin1String("1")) {
            return true;
        }
        if (value == QLatin1String("false") || value == QLatin1String("0")) {
            return false;
        }
        return failHere(what + " must be true or false, not \"" + value.left(40).toStdString() + "\"");
    }

    Result<long long> parseInt(const QString& value, const std::string& what, long long min, long long max)
    {
        bool ok = false;
        const long long number = value.toLongLong(&ok);
        if (!ok) {
            return failHere(what + " must be a whole number, not \"" + value.left(40).toStdString() + "\"");
        }
        if (number < min || number > max) {
            return failHere(what + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                            ", not " + std::to_string(number));
        }
        return number;
    }

    Result<double> parseDouble(const QString& value, const std::string& what, double min, double max)
    {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            return failHere(what + " must be a number, not \"" + value.left(40).toStdString() + "\"");
        }
        if (number < min || number > max) {
            return failHere(what + " must be between " + QString::number(min).toStdString() + " and " +
                            QString::number(max).toStdString() + ", not " + QString::number(number).toStdString());
        }
        return number;
    }

    template <typename T, typename Parse>
    Result<void> element(T& target, const std::string& what, Parse parse)
    {
        auto value = text(what);
        if (!value) {
            return std::unexpected(value.error());
        }
        auto parsed = parse(*value, what);
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        target = static_cast<T>(*parsed);
        return {};
    }

    Result<void> readMachine(Machine& machine)
    {
        const auto boolean = [this](const QString& v, const std::string& w) { return parseBool(v, w); };
        while (nextChild()) {
            const QStringView name = m_xml.name();
            Result<void> ok;
            if (name == QLatin1String("instrumentList")) {
                ok = readInstruments(machine);
            } else if (name == QLatin1String("machineId")) {
                // One line, as for the title (a line break written as &#13; would come back as
                // another character after a save: XML reads a raw one as \n).
                const QString id = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
                machine.machineId = (breaksLine(id) ? id.simplified() : id.trimmed()).toStdString();
            } else if (name == QLatin1String("title")) {
                // As written, spaces included; a title a pretty-printer spread over lines is
                // joined back into one.
                const QString title = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
                machine.title = (breaksLine(title) ? title.simplified() : title).toStdString();
            } else if (name == QLatin1String("flavor")) {
                ok = element(machine.flavor, "flavor", [this](const QString& v, const std::string&) -> Result<Flavor> {
                    if (v.compare(QLatin1String("Salsa"), Qt::CaseInsensitive) == 0) {
                        return Flavor::Salsa;
                    }
                    if (v.compare(QLatin1String("Merengue"), Qt::CaseInsensitive) == 0) {
                        return Flavor::Merengue;
                    }
                    return failHere("flavor must be Salsa or Merengue, not \"" + v.left(40).toStdString() + "\"");
                });
            } else if (name == QLatin1String("bpm")) {
                ok = element(machine.bpm, "bpm", [this](const QString& v, const std::string& w) {
                    return parseDouble(v, w, MachineLimits::kMinBpm, MachineLimits::kMaxBpm);
                });
            } else if (name == QLatin1String("keyNote")) {
                ok = element(machine.keyNote, "keyNote", [this](const QString& v, const std::string& w) {
                    return parseInt(v, w, 0, 11);
                });
            } else if (name == QLatin1String("clave32")) {
                ok = element(machine.clave32, "clave32", boolean);
            } else if (name == QLatin1String("instructorCountsFrom")) {
                int countsFrom = 0;
                ok = element(countsFrom, "instructorCountsFrom", [this](const QString& v, const std::string& w) {
                    return parseInt(v, w, 0, 1);
                });
                m_instructorCountsFrom = countsFrom;
            } else if (name == QLatin1String("volume")) {
                ok = element(machine.volume, "volume", [this](const QString& v, const std::string& w) {
                    return parseDouble(v, w, 0.0, 2.0);
                });
            } else if (name == QLatin1String("arrangements") && m_xml.namespaceUri() == QLatin1String(kArrangementsNamespace)) {
                ok = readArrangements(machine);
            } else {
                m_xml.skipCurrentElement();
            }
            if (!ok) {
                return ok;
            }
        }
        if (m_xml.hasError()) {
            return xmlError();
        }
        return {};
    }

    /// One attribute, required or not: std::nullopt when absent and not required.
    Result<std::optional<QString>> attribute(const QXmlStreamAttributes& attributes, const char* name, const std::string& where,
                                             bool required)
    {
        if (!attributes.hasAttribute(QLatin1String(name))) {
            if (required) {
                return failHere(where + " has no " + name + "=\"…\"");
            }
            return std::optional<QString>{};
        }
        return std::optional<QString>{attributes.value(QLatin1String(name)).toString().trimmed()};
    }

    /// An optional id="…" (letters, digits and -, as a UUID), which no other arrangement or
    /// section of the file has.
    Result<std::string> readId(const QXmlStreamAttributes& attributes, const std::string& where)
    {
        static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z-]{1,64}$"));
        if (!attributes.hasAttribute(QLatin1String("id"))) {
            return std::string();
        }
        const QString id = attributes.value(QLatin1String("id")).toString().trimmed();
        if (!pattern.match(id).hasMatch()) {
            return failHere(where + " id must be letters, digits and - (at most 64), not \"" + id.left(40).toStdString() + "\"");
        }
        if (!m_ids.insert(id).second) {
            return failHere(where + " has the id \"" + id.toStdString() + "\" that another one has already");
        }
        return id.toStdString();
    }

    Result<void> readArrangements(Machine& machine)
    {
        while (nextChild()) {
            if (m_xml.name() != QLatin1String("Arrangement")) {
                m_xml.skipCurrentElement();
                continue;
            }
            if (machine.arrangements.size() >= static_cast<size_t>(MachineLimits::kMaxArrangements)) {
                return failHere("more than " + std::to_string(MachineLimits::kMaxArrangements) + " arrangements");
            }
            Arrangement arrangement;
            const auto attributes = m_xml.attributes();
            auto name = attribute(attributes, "name", "an <Arrangement>", true);
            if (!name) {
                return std::unexpected(name.error());
            }
            arrangement.name = (*name)->simplified().left(200).toStdString();
            if (arrangement.name.empty()) {
                return failHere("an <Arrangement> needs a name");
            }
            if (findArrangement(machine, arrangement.name) != nullptr) {
                return failHere("two arrangements are called \"" + arrangement.name + "\"");
            }
            const std::string where = "arrangement \"" + arrangement.name + "\"";
            auto id = readId(attributes, where);
            if (!id) {
                return std::unexpected(id.error());
            }
            arrangement.id = *id;
            auto form = attribute(attributes, "form", where, false);
            if (!form) {
                return std::unexpected(form.error());
            }
            for (const QString& item : form->value_or(QString()).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (arrangement.form.size() >= static_cast<size_t>(MachineLimits::kMaxFormEntries)) {
                    return failHere(where + ": a form of more than " + std::to_string(MachineLimits::kMaxFormEntries) + " sections");
                }
                auto index = parseInt(item, where + " form", 0, MachineLimits::kMaxSections - 1);
                if (!index) {
                    return std::unexpected(index.error());
                }
                arrangement.form.push_back(static_cast<int>(*index));
            }
            const std::string formWhere = here();
            while (nextChild()) {
                if (m_xml.name() != QLatin1String("Section")) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                if (arrangement.sections.size() >= static_cast<size_t>(MachineLimits::kMaxSections)) {
                    return failHere(where + ": more than " + std::to_string(MachineLimits::kMaxSections) + " sections");
                }
                auto section = readSection(machine, where);
                if (!section) {
                    return std::unexpected(section.error());
                }
                arrangement.sections.push_back(std::move(*section));
            }
            if (m_xml.hasError()) {
                return xmlError();
            }
            for (const int index : arrangement.form) {
                if (index >= static_cast<int>(arrangement.sections.size())) {
                    return fail(ErrorCode::InvalidInput,
                                where + ": its form plays section " + std::to_string(index) + " but it has " +
                                    std::to_string(arrangement.sections.size()) + " (counted from 0)",
                                formWhere);
                }
            }
            // Its length is checked once the whole machine is read: the flavor (the bar's
            // steps) may come after it.
            m_arrangementWhere.push_back(formWhere);
            machine.arrangements.push_back(std::move(arrangement));
        }
        return m_xml.hasError() ? Result<void>(xmlError()) : Result<void>();
    }

    Result<Section> readSection(const Machine& machine, const std::string& arrangementWhere)
    {
        static const QRegularExpression colourPattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        Section section;
        const auto attributes = m_xml.attributes();
        auto name = attribute(attributes, "name", arrangementWhere + ": a <Section>", false);
        if (!name) {
            return std::unexpected(name.error());
        }
        section.name = name->value_or(QString()).simplified().left(200).toStdString();
        const std::string where = arrangementWhere + " section \"" + section.name + "\"";
        auto id = readId(attributes, where);
        if (!id) {
            return std::unexpected(id.error());
        }
        section.id = *id;
        const auto integer = [&](const char* key, int& target, long long min, long long max) -> Result<void> {
            auto value = attribute(attributes, key, where, false);
            if (!value) {
                return std::unexpected(value.error());
            }
            if (*value) {
                auto parsed = parseInt(**value, where + " " + key, min, max);
                if (!parsed) {
                    return std::unexpected(parsed.error());
                }
                target = static_cast<int>(*parsed);
            }
            return {};
        };
        for (const auto& result : {integer("bars", section.bars, 1, MachineLimits::kMaxSectionBars),
                                   integer("repeats", section.repeats, 1, MachineLimits::kMaxRepeats),
                                   integer("key", section.keyNote, -1, 11)}) {
            if (!result) {
                return std::unexpected(result.error());
            }
        }
        auto bpm = attribute(attributes, "bpm", where, false);
        if (!bpm) {
            return std::unexpected(bpm.error());
        }
        if (*bpm && **bpm != QLatin1String("0")) {
            auto parsed = parseDouble(**bpm, where + " bpm", MachineLimits::kMinBpm, MachineLimits::kMaxBpm);
            if (!parsed) {
                return std::unexpected(parsed.error());
            }
            section.bpm = *parsed;
        }
        auto colour = attribute(attributes, "colour", where, false);
        if (!colour) {
            return std::unexpected(colour.error());
        }
        if (*colour && !(*colour)->isEmpty()) {
            if (!colourPattern.match(**colour).hasMatch()) {
                return failHere(where + " colour must be #rrggbb, not \"" + (*colour)->left(40).toStdString() + "\"");
            }
            section.colour = (*colour)->toLower().toStdString();
        }
        while (nextChild()) {
            const bool isBreak = m_xml.name() == QLatin1String("break");
            if (!isBreak && m_xml.name() != QLatin1String("part")) {
                m_xml.skipCurrentElement();
                continue;
            }
            const auto partAttributes = m_xml.attributes();
            auto instrumentId = attribute(partAttributes, "instrument", where + ": a <part>", true);
            if (!instrumentId) {
                return std::unexpected(instrumentId.error());
            }
            auto program = attribute(partAttributes, "program", where + ": a <part>", true);
            if (!program) {
                return std::unexpected(program.error());
            }
            SectionPart part;
            part.instrument = (*instrumentId)->toLower().toStdString();
            const std::string partWhere = where + " part \"" + part.instrument + "\"";
            const Instrument* instrument = nullptr;
            for (const Instrument& candidate : machine.instruments) {
                instrument = candidate.id == part.instrument ? &candidate : instrument;
            }
            if (instrument == nullptr) {
                return failHere(partWhere + ": the machine has no such instrument (its <instrumentList> comes first)");
            }
            if (**program != QLatin1String("off")) {
                auto index = parseInt(**program, partWhere + " program", 0, static_cast<long long>(instrument->programs.size()) - 1);
                if (!index) {
                    return std::unexpected(index.error());
                }
                part.program = static_cast<int>(*index);
            }
            auto& parts = isBreak ? section.breakParts : section.parts;
            if (std::ranges::any_of(parts, [&](const SectionPart& other) { return other.instrument == part.instrument; })) {
                return failHere(partWhere + " is there twice");
            }
            if (parts.size() >= static_cast<size_t>(MachineLimits::kMaxInstruments)) {
                return failHere(where + ": more parts than instruments");
            }
            parts.push_back(part);
            m_xml.skipCurrentElement();
        }
        if (m_xml.hasError()) {
            return xmlError();
        }
        return section;
    }

    Result<void> readInstruments(Machine& machine)
    {
        static const QRegularExpression validId(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
        while (nextChild()) {
            if (machine.instruments.size() >= MachineLimits::kMaxInstruments) {
                return failHere("more than " + std::to_string(MachineLimits::kMaxInstruments) + " instruments");
            }
            Instrument instrument;
            const QString id = m_xml.name().toString().toLower();
            if (!validId.match(id).hasMatch()) {
                return failHere("instrument element <" + m_xml.name().toString().left(60).toStdString() +
                                "> is not a valid instrument id (letters, digits and _ only)");
            }
            for (const Instrument& other : machine.instruments) {
                if (other.id == id.toStdString()) {
                    return failHere("instrument \"" + other.id + "\" appears twice");
                }
            }
            instrument.id = id.toStdString();
            // No title attribute: the element's name; an empty one stays empty (as written).
            const auto attributes = m_xml.attributes();
            instrument.title = attributes.hasAttribute(QLatin1String("title")) ? attributes.value(QLatin1String("title")).toString().toStdString()
                                                                                : m_xml.name().toString().toStdString();
            const std::string where = "instrument \"" + instrument.id + "\"";
            const std::string instrumentWhere = here();
            if (auto ok = readInstrument(instrument, where); !ok) {
                return ok;
            }
            if (instrument.programs.empty()) {
                return fail(ErrorCode::InvalidInput, where + " has no programs (each instrument needs at least one <Program>)", instrumentWhere);
            }
            machine.instruments.push_back(std::move(instrument));
        }
        return m_xml.hasError() ? Result<void>(xmlError()) : Result<void>();
    }

    Result<void> readInstrument(Instrument& instrument, const std::string& where)
    {
        const auto boolean = [this](const QString& v, const std::string& w) { return parseBool(v, w); };
        const auto offset = [this](const QString& v, const std::string& w) {
            return parseInt(v, w, -MachineLimits::kMaxPitchOffset, MachineLimits::kMaxPitchOffset);
        };
        int activeProgram = 0;
        std::string activeWhere;
        while (nextChild()) {
            const QStringView name = m_xml.name();
            Result<void> ok;
            if (name == QLatin1String("enabled")) {
                ok = element(instrument.enabled, where + " enabled", boolean);
            } else if (name == QLatin1String("activeProgram")) {
                activeWhere = here();
                ok = element(activeProgram, where + " activeProgram", [this](const QString& v, const std::string& w) {
                    return parseInt(v, w, 0, MachineLimits::kMaxPrograms - 1);
                });
            } else if (name == QLatin1String("volume")) {
                ok = element(instrument.volume, where + " volume", [this](const QString& v, const std::string& w) {
                    return parseDouble(v, w, 0.0, 2.0);
                });
            } else if (name == QLatin1String("respectsClave")) {
                ok = element(instrument.respectsClave, where + " respectsClave", boolean);
            } else if (name == QLatin1String("keyedInstrument")) {
                ok = element(instrument.keyed, where + " keyedInstrument", boolean);
            } else if (name == QLatin1String("pitchOffset")) {
                ok = element(instrument.pitchOffset, where + " pitchOffset", offset);
            } else if (name == QLatin1String("playBothHands")) {
                ok = element(instrument.playBothHands, where + " playBothHands", boolean);
            } else if (name == QLatin1String("leftHandPitchOffset")) {
                ok = element(instrument.leftHandPitchOffset, where + " leftHandPitchOffset", offset);
            } else if (name == QLatin1String("programs")) {
                ok = readPrograms(instrument, where);
            } else {
                m_xml.skipCurrentElement();
            }
            if (!ok) {
                return ok;
            }
        }
        if (m_xml.hasError()) {
            return xmlError();
        }
        if (activeProgram > 0 && activeProgram >= static_cast<int>(instrument.programs.size())) {
            return fail(ErrorCode::InvalidInput,
                        where + " activeProgram " + std::to_string(activeProgram) + " does not exist (it has " +
                            std::to_string(instrument.programs.size()) + " programs)",
                        activeWhere);
        }
        instrument.activeProgram = activeProgram;
        return {};
    }

    Result<void> readPrograms(Instrument& instrument, const std::string& where)
    {
        while (nextChild()) {
            if (m_xml.name() != QLatin1String("Program")) {
                m_xml.skipCurrentElement();
                continue;
            }
            if (instrument.programs.size() >= MachineLimits::kMaxPrograms) {
                return failHere(where + " has more than " + std::to_string(MachineLimits::kMaxPrograms) + " programs");
            }
            Program program;
            const auto attributes = m_xml.attributes();
            program.title = attributes.value(QLatin1String("title")).toString().toStdString();
            const std::string programWhere =
                where + " program " + std::to_string(instrument.programs.size());
            if (attributes.hasAttribute(QLatin1String("length"))) {
                auto length = parseInt(attributes.value(QLatin1String("length")).toString(), programWhere + " length", 1,
                                       MachineLimits::kMaxSteps);
                if (!length) {
                    return std::unexpected(length.error());
                }
                program.length = static_cast<int>(*length);
            }
            if (auto ok = readNotes(program, programWhere); !ok) {
                return ok;
            }
            instrument.programs.push_back(std::move(program));
        }
        return m_xml.hasError() ? Result<void>(xmlError()) : Result<void>();
    }

    Result<void> readNotes(Program& program, const std::string& where)
    {
        while (nextChild()) {
            if (m_xml.name() != QLatin1String("Note")) {
                m_xml.skipCurrentElement();
                continue;
            }
            if (program.notes.size() >= MachineLimits::kMaxNotesPerProgram) {
                return failHere(where + " has more than " + std::to_string(MachineLimits::kMaxNotesPerProgram) + " notes");
            }
            const auto attributes = m_xml.attributes();
            Note note;
            if (!attributes.hasAttribute(QLatin1String("index"))) {
                return failHere(where + ": a note has no index");
            }
            auto index = parseInt(attributes.value(QLatin1String("index")).toString(), where + " note index", 0,
                                  MachineLimits::kMaxSteps - 1);
            if (!index) {
                return std::unexpected(index.error());
            }
            if (*index >= program.length) {
                return failHere(where + ": note index " + std::to_string(*index) +
                                " is outside the program (length " + std::to_string(program.length) + ")");
            }
            note.index = static_cast<int>(*index);
            if (attributes.hasAttribute(QLatin1String("pitch"))) {
                auto pitch = parseInt(attributes.value(QLatin1String("pitch")).toString(), where + " note pitch",
                                      -MachineLimits::kMaxPitch, MachineLimits::kMaxPitch);
                if (!pitch) {
                    return std::unexpected(pitch.error());
                }
                note.pitch = static_cast<int>(*pitch);
            }
            if (attributes.hasAttribute(QLatin1String("velocity"))) {
                auto velocity = parseDouble(attributes.value(QLatin1String("velocity")).toString(),
                                            where + " note velocity", 0.0, 1.0);
                if (!velocity) {
                    return std::unexpected(velocity.error());
                }
                note.velocity = *velocity;
            }
            if (attributes.hasAttribute(QLatin1String("pianoTonic"))) {
                auto tonic = parseBool(attributes.value(QLatin1String("pianoTonic")).toString(), where + " note pianoTonic");
                if (!tonic) {
                    return std::unexpected(tonic.error());
                }
                note.pianoTonic = *tonic;
            }
            if (attributes.hasAttribute(QLatin1String("hand"))) {
                const auto hand = attributes.value(QLatin1String("hand"));
                if (hand == QLatin1String("left")) {
                    note.hand = Hand::Left;
                } else if (hand == QLatin1String("right")) {
                    note.hand = Hand::Right;
                } else {
                    return failHere(where + " note hand must be left or right, not \"" +
                                    hand.left(40).toString().toStdString() + "\"");
                }
            }
            program.notes.push_back(note);
            m_xml.skipCurrentElement();
        }
        return m_xml.hasError() ? Result<void>(xmlError()) : Result<void>();
    }

    QXmlStreamReader m_xml;
    QString m_source;
    std::optional<int> m_instructorCountsFrom;  ///< <instructorCountsFrom>, when the file says
    std::set<QString> m_ids;                    ///< the arrangements' and sections' ids so far
    std::vector<std::string> m_arrangementWhere;  ///< where each arrangement's form is, for errors
};

QString number(double value)
{
    // The shortest text that reads back as exactly this double (15 digits could not tell
    // 0.30000000000000004 from 0.3).
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

}  // namespace

bool countInstructorFromOne(Machine& machine)
{
    bool moved = false;
    for (Instrument& instrument : machine.instruments) {
        if (instrument.id == kInstructorId && countsFromZero(instrument)) {
            for (Program& program : instrument.programs) {
                for (Note& note : program.notes) {
                    ++note.pitch;
                }
            }
            moved = true;
        }
    }
    return moved;
}

Result<Machine> readMachineXml(const QByteArray& xml, const QString& source)
{
    return Reader(xml, source).read();
}

Result<Machine> readMachineFile(const QString& path)
{
    auto bytes = readInputFile(path, 16 * 1024 * 1024, "machine file");
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return readMachineXml(*bytes, path);
}

QByteArray writeMachineXml(const Machine& machine, InstructorCounting counting)
{
    const int instructorShift = counting == InstructorCounting::Format ? 1 : 0;
    const QString bm = QString::fromLatin1(kMachineNamespace);
    const QString ins = QString::fromLatin1(kInstrumentsNamespace);
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeNamespace(bm, QStringLiteral("bm"));
    xml.writeStartElement(bm, QStringLiteral("Machine"));
    xml.writeStartElement(bm, QStringLiteral("instrumentList"));
    const auto boolean = [](bool value) { return value ? QStringLiteral("true") : QStringLiteral("false"); };
    for (const Instrument& instrument : machine.instruments) {
        xml.writeStartElement(ins, QString::fromStdString(instrument.id));
        xml.writeAttribute(QStringLiteral("title"), QString::fromStdString(instrument.title));
        xml.writeTextElement(ins, QStringLiteral("enabled"), boolean(instrument.enabled));
        xml.writeTextElement(ins, QStringLiteral("activeProgram"), QString::number(instrument.activeProgram));
        xml.writeTextElement(ins, QStringLiteral("volume"), number(instrument.volume));
        xml.writeTextElement(ins, QStringLiteral("respectsClave"), boolean(instrument.respectsClave));
        xml.writeTextElement(ins, QStringLiteral("keyedInstrument"), boolean(instrument.keyed));
        xml.writeTextElement(ins, QStringLiteral("pitchOffset"), QString::number(instrument.pitchOffset));
        xml.writeTextElement(ins, QStringLiteral("playBothHands"), boolean(instrument.playBothHands));
        xml.writeTextElement(ins, QStringLiteral("leftHandPitchOffset"), QString::number(instrument.leftHandPitchOffset));
        xml.writeStartElement(ins, QStringLiteral("programs"));
        for (const Program& program : instrument.programs) {
            xml.writeStartElement(bm, QStringLiteral("Program"));
            xml.writeAttribute(QStringLiteral("title"), QString::fromStdString(program.title));
            xml.writeAttribute(QStringLiteral("length"), QString::number(program.length));
            for (const Note& note : program.notes) {
                xml.writeEmptyElement(bm, QStringLiteral("Note"));
                xml.writeAttribute(QStringLiteral("index"), QString::number(note.index));
                const bool instructor = instrument.id == kInstructorId;
                xml.writeAttribute(QStringLiteral("pitch"), QString::number(instructor ? note.pitch - instructorShift : note.pitch));
                if (note.velocity != 1.0) {
                    xml.writeAttribute(QStringLiteral("velocity"), number(note.velocity));
                }
                if (note.pianoTonic) {
                    xml.writeAttribute(QStringLiteral("pianoTonic"), QStringLiteral("true"));
                }
                if (note.hand != Hand::Both) {
                    xml.writeAttribute(QStringLiteral("hand"),
                                       note.hand == Hand::Left ? QStringLiteral("left") : QStringLiteral("right"));
                }
            }
            xml.writeEndElement();  // Program
        }
        xml.writeEndElement();  // programs
        xml.writeEndElement();  // instrument
    }
    xml.writeEndElement();  // instrumentList
    xml.writeTextElement(bm, QStringLiteral("machineId"), QString::fromStdString(machine.machineId));
    xml.writeTextElement(bm, QStringLiteral("title"), QString::fromStdString(machine.title));
    xml.writeTextElement(bm, QStringLiteral("flavor"), QString::fromLatin1(flavorName(machine.flavor)));
    xml.writeTextElement(bm, QStringLiteral("bpm"), number(machine.bpm));
    xml.writeTextElement(bm, QStringLiteral("keyNote"), QString::number(machine.keyNote));
    xml.writeTextElement(bm, QStringLiteral("clave32"), boolean(machine.clave32));
    xml.writeTextElement(bm, QStringLiteral("volume"), number(machine.volume));
    // Bandmate's own mark (the web machine ignores it): how the Instructor above counts.
    const bool hasInstructor = std::ranges::any_of(machine.instruments, [](const Instrument& i) { return i.id == kInstructorId; });
    if (hasInstructor) {
        xml.writeTextElement(bm, QStringLiteral("instructorCountsFrom"), QString::number(1 - instructorShift));
    }
    if (!machine.arrangements.empty()) {
        const QString arr = QString::fromLatin1(kArrangementsNamespace);
        xml.writeNamespace(arr, QStringLiteral("arr"));
        xml.writeStartElement(arr, QStringLiteral("arrangements"));
        const auto writeParts = [&](const char* element, const std::vector<SectionPart>& parts) {
            for (const SectionPart& part : parts) {
                xml.writeEmptyElement(arr, QString::fromLatin1(element));
                xml.writeAttribute(QStringLiteral("instrument"), QString::fromStdString(part.instrument));
                xml.writeAttribute(QStringLiteral("program"),
                                   part.program < 0 ? QStringLiteral("off") : QString::number(part.program));
            }
        };
        for (const Arrangement& arrangement : machine.arrangements) {
            xml.writeStartElement(arr, QStringLiteral("Arrangement"));
            xml.writeAttribute(QStringLiteral("name"), QString::fromStdString(arrangement.name));
            if (!arrangement.id.empty()) {
                xml.writeAttribute(QStringLiteral("id"), QString::fromStdString(arrangement.id));
            }
            QStringList form;
            for (const int index : arrangement.form) {
                form << QString::number(index);
            }
            xml.writeAttribute(QStringLiteral("form"), form.join(QLatin1Char(' ')));
            for (const Section& section : arrangement.sections) {
                xml.writeStartElement(arr, QStringLiteral("Section"));
                xml.writeAttribute(QStringLiteral("name"), QString::fromStdString(section.name));
                if (!section.id.empty()) {
                    xml.writeAttribute(QStringLiteral("id"), QString::fromStdString(section.id));
                }
                xml.writeAttribute(QStringLiteral("bars"), QString::number(section.bars));
                if (section.repeats != 1) {
                    xml.writeAttribute(QStringLiteral("repeats"), QString::number(section.repeats));
                }
                if (section.bpm > 0.0) {
                    xml.writeAttribute(QStringLiteral("bpm"), number(section.bpm));
                }
                if (section.keyNote >= 0) {
                    xml.writeAttribute(QStringLiteral("key"), QString::number(section.keyNote));
                }
                if (!section.colour.empty()) {
                    xml.writeAttribute(QStringLiteral("colour"), QString::fromStdString(section.colour));
                }
                writeParts("part", section.parts);
                writeParts("break", section.breakParts);
                xml.writeEndElement();  // Section
            }
            xml.writeEndElement();  // Arrangement
        }
        xml.writeEndElement();  // arrangements
    }
    xml.writeEndElement();  // Machine
    xml.writeEndDocument();
    return out;
}

Result<void> validateMachine(const Machine& machine, const std::string& where)
{
    // The writer's output goes back through the reader: one set of rules for files and code.
    auto reread = readMachineXml(writeMachineXml(machine), QString::fromStdString(where));
    if (!reread) {
        return std::unexpected(reread.error());
    }
    return {};
}

}  // namespace bandmate::core::beats
