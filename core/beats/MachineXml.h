#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace bandmate::core::beats {

/// XML namespaces of the Salsa Beat Machine format.
inline constexpr const char* kMachineNamespace = "http://www.salsabeatmachine.org/xns/bm";
inline constexpr const char* kInstrumentsNamespace = "http://www.salsabeatmachine.org/xns/instruments";

/// The instrument that counts the beats aloud. In the model its pitch is the count, 1 to 8 (the
/// kit's samples instructor-1 … instructor-8); in the file it counts from 0, as the format's own
/// player does (pitch 0 is "one"). The reader and the writer convert.
inline constexpr const char* kInstructorId = "instructor";

/// Parses a machine in the Salsa Beat Machine XML format. `source` names the input in errors,
/// which read "source:line:column: message". Unknown elements and attributes are ignored; values
/// outside MachineLimits are errors. Never throws; any input gives a machine or an error.
[[nodiscard]] Result<Machine> readMachineXml(const QByteArray& xml, const QString& source);

/// Reads and parses a machine file.
[[nodiscard]] Result<Machine> readMachineFile(const QString& path);

/// Writes a machine in the same format (UTF-8, indented); readMachineXml() gives it back equal.
[[nodiscard]] QByteArray writeMachineXml(const Machine& machine);

/// Validates a machine built in code against MachineLimits; `where` names it in errors.
[[nodiscard]] Result<void> validateMachine(const Machine& machine, const std::string& where);

}  // namespace bandmate::core::beats
