import Foundation

/// An e-mail as it goes over SMTP (RFC 5322 with MIME): Chinese in the subject and the sender's name
/// as UTF-8 encoded words, the plain-text body in base64 so that no line is too long and no byte is
/// changed on the way. Lines end in CRLF.
public struct MailMessage: Sendable, Equatable {
    public let fromAddress: String
    public let fromName: String?
    public let to: String
    public let subject: String
    public let text: String
    public let date: Date
    public let messageID: String

    public init(
        fromAddress: String, fromName: String?, to: String, subject: String, text: String, date: Date,
        messageID: String
    ) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.date = date
        self.messageID = messageID
    }

    /// The message's text as the DATA command sends it (before dot-stuffing, which `SMTPClient` does).
    public var rendered: String {
        let from = fromName.map { "\(Self.encodedWord($0)) <\(fromAddress)>" } ?? fromAddress
        let body = Data(
            text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
        )
        .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedWord(subject))", "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n"
    }

    /// `=?UTF-8?B?…?=` for text that is not plain ASCII, split so that no encoded word is longer than
    /// 75 characters (RFC 2047) and no header line than 78, never inside a character.
    public static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 0x20 }) else { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            // 39 bytes of UTF-8 make 52 characters of base64, 64 with the markers: a folded line stays
            // within 78 characters even after "Subject: ".
            if (chunk + String(character)).utf8.count > 39 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// `Mon, 07 Dec 2026 16:00:00 +0800`: China Standard Time, as the readers' mail clients show it.
    public static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .chinaStandard
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
