import Foundation

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
    case assigned, returned, results, supervision, overdue, plans, reports, policies, credit

    public var chineseName: String {
        switch self {
        case .assigned: "交办、加派给我的问题"
        case .returned: "退回和延期"
        case .results: "办结、不满意和重办"
        case .supervision: "上报（含共性问题及其答复）、督办和领导包案"
        case .overdue: "超期催办"
        case .plans: "攻坚任务旬调度提醒"
        case .reports: "通报起草和下级报送"
        case .policies: "政策推送"
        case .credit: "信用修复的申请和审核结果"
        }
    }

    /// The topic of a notice kind (`problem.assigned`, `urge`, `report.submitted` …).
    public static func of(kind: String) -> NoticeTopic {
        switch kind {
        case "problem.assigned", "problem.departmentAdded": .assigned
        case "problem.returned", "problem.extensionRequested", "problem.extensionDecided": .returned
        case "problem.resolved", "problem.reopened": .results
        case "problem.escalated", "problem.supervised", "problem.leaderCase", "proposeSupervision",
            "commonProblem.escalated", "commonProblem.answered":
            .supervision
        case "urge": .overdue
        case "planProgress": .plans
        case "report.submitted", "reportDrafted": .reports
        case "policy": .policies
        case "credit.repairApplied", "credit.repairDecided": .credit
        default: .assigned
        }
    }
}
