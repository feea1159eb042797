#include "core/util/FractionalKey.h"

#include <string>

namespace bandmate::core::fractional_key {

namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kBase = static_cast<int>(kDigits.size());

int digitOf(char c)
{
    const auto at = kDigits.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

/// The digits after the point of a fraction 0.a < x < 0.b (b empty = 1.0). Both are given
/// without trailing zeros and a < b.
std::string midpoint(std::string_view a, std::string_view b)
{
    // Shared leading digits stay; treat a missing digit of `a` as 0.
    std::size_t shared = 0;
    if (!b.empty()) {
        while (shared < b.size() && (shared < a.size() ? a[shared] : '0') == b[shared]) {
            ++shared;
        }
        if (shared > 0) {
            const std::string_view restA = shared < a.size() ? a.substr(shared) : std::string_view{};
            return std::string(b.substr(0, shared)) + midpoint(restA, b.substr(shared));
        }
    }
    const int low = a.empty() ? 0 : digitOf(a.front());
    const int high = b.empty() ? kBase : digitOf(b.front());
    if (high - low > 1) {
        return std::string(1, kDigits[static_cast<std::size_t>((low + high) / 2)]);
    }
    // Adjacent leading digits: b's first digit alone lies between when b goes on; otherwise keep
    // a's first digit and find room after it.
    if (b.size() > 1) {
        return std::string(b.substr(0, 1));
    }
    return std::string(1, kDigits[static_cast<std::size_t>(low)]) + midpoint(a.empty() ? a : a.substr(1), {});
}

}  // namespace

bool isValid(const QString& key)
{
    if (key.isEmpty() || key.endsWith(QLatin1Char('0'))) {
        return false;
    }
    for (const QChar c : key) {
        if (c.unicode() > 127 || digitOf(static_cast<char>(c.unicode())) < 0) {
            return false;
        }
    }
    return true;
}

QString between(const QString& before, const QString& after)
{
    if ((!before.isEmpty() && !isValid(before)) || (!after.isEmpty() && !isValid(after))) {
        return {};
    }
    if (!before.isEmpty() && !after.isEmpty() && before >= after) {
        return {};
    }
    // At either end, step one digit instead of halving, so keys grow by one character only
    // every few dozen appends (appending is what lists mostly do).
    if (!before.isEmpty() && after.isEmpty()) {
        for (qsizetype i = 0; i < before.size(); ++i) {
            const int digit = digitOf(static_cast<char>(before[i].unicode()));
            if (digit < kBase - 1) {
                return before.left(i) + QLatin1Char(kDigits[static_cast<std::size_t>(digit + 1)]);
            }
        }
        return before + QLatin1Char(kDigits[kBase / 2]);
    }
    if (before.isEmpty() && !after.isEmpty()) {
        for (qsizetype i = 0; i < after.size(); ++i) {
            const int digit = digitOf(static_cast<char>(after[i].unicode()));
            if (digit > 1) {
                return after.left(i) + QLatin1Char(kDigits[static_cast<std::size_t>(digit - 1)]);
            }
        }
    }
    const std::string a = before.toStdString();
    const std::string b = after.toStdString();
    return QString::fromStdString(midpoint(a, b));
}

}  // namespace bandmate::core::fractional_key
