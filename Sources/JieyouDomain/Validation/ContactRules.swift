import Foundation

/// Formats of the identifiers people type: usernames, phone numbers, passwords.
public enum ContactRules {
    /// 3–32 letters, digits, `_`, `.` or `-`, starting with a letter or digit.
    public static func isValidUsername(_ text: String) -> Bool {
        guard (3...32).contains(text.count), let first = text.unicodeScalars.first,
            CharacterSet.alphanumerics.contains(first), first.isASCII
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0))
        }
    }

    /// A mainland mobile number (11 digits starting 13–19), a landline such as 0730-1234567, a public
    /// service hotline (12366, 95598) or a 400/800 number.
    public static func isValidPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if digits.count == 5 { return digits.hasPrefix("12") || digits.hasPrefix("95") }
            if digits.count == 10 { return digits.hasPrefix("400") || digits.hasPrefix("800") }
            return digits.count == 11 && digits.hasPrefix("1") && "3456789".contains(digits.dropFirst().first!)
        }
        // Landline: area code 3–4 digits starting with 0, a dash, 7–8 digits.
        let parts = text.split(separator: "-")
        return parts.count == 2 && parts[0].hasPrefix("0") && (3...4).contains(parts[0].count)
            && parts[0].allSatisfy(\.isNumber) && (7...8).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber)
    }

    /// 138****5678: what a role that does not need the number sees.
    public static func maskedPhone(_ text: String) -> String {
        guard text.count >= 7 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(3)) + "****" + String(text.suffix(4))
    }

    public static let minimumPasswordLength = 8

    /// The reason a new password is refused, or nil when it is acceptable: at least 8 characters with
    /// both letters and digits, and not the username.
    public static func passwordProblem(_ password: String, username: String) -> String? {
        if password.count < minimumPasswordLength { return "密码至少\(minimumPasswordLength)位" }
        if password.count > 72 { return "密码不能超过72位" }  // bcrypt reads only the first 72 bytes
        let hasLetter = password.unicodeScalars.contains { CharacterSet.letters.contains($0) }
        let hasDigit = password.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
        if !hasLetter || !hasDigit { return "密码须同时包含字母和数字" }
        if password.lowercased() == username.lowercased() { return "密码不能与用户名相同" }
        return nil
    }
}
