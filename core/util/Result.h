#pragma once

#include <expected>
#include <string>
#include <utility>

namespace bandmate::core {

/// What went wrong, for callers to branch on; the UI maps these to translated text.
enum class ErrorCode {
    InvalidArgument,  ///< bad usage or a value outside its domain
    InvalidInput,     ///< a file or message that does not parse or validate
    NotFound,
    NotADatabase,     ///< the file is not an SQLite database
    Corrupt,          ///< an SQLite database that fails its integrity check
    SchemaTooNew,     ///< written by a newer Bandmate; never modified
    ReadOnly,         ///< the file or its folder cannot be written
    Io,
    Sql,
    Cancelled,
    Conflict,         ///< contradicts what is stored (a batch id sent again with other content)
    Internal,
};

/// An expected failure: a code, an English developer message and where it happened.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  ///< one line, English, names the problem
    std::string where;    ///< file:line:column, field path, id or table; may be empty

    /// "where: message", or just the message when there is no location.
    [[nodiscard]] std::string toString() const
    {
        return where.empty() ? message : where + ": " + message;
    }
};

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning an error: `return fail(ErrorCode::NotFound, "no such song", id);`
[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, std::string message,
                                                 std::string where = {})
{
    return std::unexpected(Error{code, std::move(message), std::move(where)});
}

}  // namespace bandmate::core
