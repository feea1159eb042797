#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace bandmate::core::beats {

/// XML namespaces of the Salsa Beat Machine format.
inline constexpr const char* kMachineNamespace = "http://www.salsabeatmachine.org/xns/bm";
inline constexpr const char* kInstrumentsNamespace = "http://www.salsabeatmachine.org/xns/instruments";
/// Bandmate's arrangements inside a machine file, in a namespace of their own that other readers
/// of the format skip:
///     <arrangements xmlns="urn:bandmate:xns:arrangements">
///       <Arrangement name="Tune" form="0 1 2 1">
///         <Section name="Montuno" bars="8" repeats="2" bpm="96" key="5" colour="#c0392b">
///           <part instrument="piano" program="2"/>  <part instrument="bass" program="off"/>
///           <break instrument="congas" program="4"/>
///         </Section> …
inline constexpr const char* kArrangementsNamespace = "urn:bandmate:xns:arrangements";

/// The instrument that counts the beats aloud. In the model its pitch is the count, 1 to 8 (the
/// kit's samples instructor-1 … instructor-8), never below 1; in the file it counts from 0, as
/// the format's own player does (pitch 0 is "one"). The reader and the writer convert; a file
/// says which it uses in <bm:instructorCountsFrom>, and one that does not (the web machine's, or
/// Bandmate's own from before it converted) counts from 0 when a count sits at pitch 0 and none
/// at 8 or above. (An unmarked web file that never says "one" is read one count low: every file
/// the web machine publishes says it.)
inline constexpr const char* kInstructorId = "instructor";

/// How the writer counts the Instructor.
enum class InstructorCounting {
    Format,  ///< from 0, as the format does: files, sharing
    Model,   ///< from 1, as the model does: Bandmate's own version snapshots, which an older
             ///< Bandmate on another computer reads as they are
};

/// An Instructor kept with the format's numbers by a Bandmate that did not convert them (a web
/// machine file imported before, a version snapshot written then): one with a count at pitch 0,
/// which the model never holds, and none at 8 or above. Its counts move up by one; returns
/// whether anything moved.
bool countInstructorFromOne(Machine& machine);

/// Parses a machine in the Salsa Beat Machine XML format. `source` names the input in errors,
/// which read "source:line:column: message". Unknown elements and attributes are ignored; values
/// outside MachineLimits are errors. Never throws; any input gives a machine or an error.
[[nodiscard]] Result<Machine> readMachineXml(const QByteArray& xml, const QString& source);

/// Reads and parses a machine file.
[[nodiscard]] Result<Machine> readMachineFile(const QString& path);

/// Writes a machine in the same format (UTF-8, indented); readMachineXml() gives it back equal.
[[nodiscard]] QByteArray writeMachineXml(const Machine& machine, InstructorCounting counting = InstructorCounting::Format);

/// Validates a machine built in code against MachineLimits; `where` names it in errors.
[[nodiscard]] Result<void> validateMachine(const Machine& machine, const std::string& where);

}  // namespace bandmate::core::beats
