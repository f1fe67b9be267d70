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

/// An address a notice may be mailed to: one `local@domain` with a dot in the domain, no spaces,
/// quotes or angle brackets (nothing that could add a header or a second recipient), at most 254
/// characters.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || "<>\"(),;:[]\\".contains($0) }),
            text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}

/// How a person wants notices by e-mail: not at all, each as it comes, or one digest a day.
public enum NoticeEmailMode: String, Sendable, CaseIterable, Codable {
    case off, each, digest

    public var chineseName: String {
        switch self {
        case .off: "不发邮件"
        case .each: "每条通知发一封"
        case .digest: "每天早上汇总发一封"
        }
    }
}

/// The notices a person may choose to have e-mailed, grouped as a reader thinks of them; the bell
/// always shows every notice.
public enum NoticeTopic: String, Sendable, CaseIterable, Codable {
    case assigned, returned, results, supervision, overdue, plans, reports, policies

    public var chineseName: String {
        switch self {
        case .assigned: "交办、加派给我的问题"
        case .returned: "退回和延期"
        case .results: "办结、不满意和重办"
        case .supervision: "上报、督办和领导包案"
        case .overdue: "超期催办"
        case .plans: "攻坚任务旬调度提醒"
        case .reports: "通报起草和下级报送"
        case .policies: "政策推送"
        }
    }

    /// The topic of a notice kind (`problem.assigned`, `urge`, `report.submitted` …).
    public static func of(kind: String) -> NoticeTopic {
        switch kind {
        case "problem.assigned", "problem.departmentAdded": .assigned
        case "problem.returned", "problem.extensionRequested", "problem.extensionDecided": .returned
        case "problem.resolved", "problem.reopened": .results
        case "problem.escalated", "problem.supervised", "problem.leaderCase", "proposeSupervision": .supervision
        case "urge": .overdue
        case "planProgress": .plans
        case "report.submitted", "reportDrafted": .reports
        case "policy": .policies
        default: .assigned
        }
    }
}
