#include "core/beats/BuiltinMachines.h"

#include "core/beats/MachineXml.h"

namespace bandmate::core::beats {

const QStringList& builtinMachineNames()
{
    static const QStringList names{QStringLiteral("salsa"),       QStringLiteral("merengue"),
                                   QStringLiteral("cha-cha-cha"), QStringLiteral("bachata"),
                                   QStringLiteral("son-montuno"), QStringLiteral("rumba-guaguanco")};
    return names;
}

Result<Machine> loadBuiltinMachine(const QString& name)
{
    if (!builtinMachineNames().contains(name)) {
        return fail(ErrorCode::NotFound,
                    "no built-in machine of that name (there are: "
                        + builtinMachineNames().join(QStringLiteral(", ")).toStdString() + ")",
                    name.toStdString());
    }
    return readMachineFile(QStringLiteral(":/machines/%1.xml").arg(name));
}

}  // namespace bandmate::core::beats
