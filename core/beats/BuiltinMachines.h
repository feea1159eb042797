#pragma once

#include "core/beats/Machine.h"
#include "core/util/Result.h"

#include <QStringList>

namespace bandmate::core::beats {

/// The names of the built-in machines, in the order a chooser shows them: "salsa", "merengue",
/// "cha-cha-cha", "bachata", "son-montuno", "rumba-guaguanco".
[[nodiscard]] const QStringList& builtinMachineNames();

/// A built-in machine by name. NotFound (naming the choices) for other names.
[[nodiscard]] Result<Machine> loadBuiltinMachine(const QString& name);

}  // namespace bandmate::core::beats
