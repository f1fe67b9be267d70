import Foundation
import JieyouDomain
import SQLKit

/// A report kept in `reports`: drafted by the job or a dispatcher, its paragraphs edited while it is a
/// draft, then issued (印发) and from then on never changed. It holds a bulletin (周调度 / 旬通报 /
/// 月通报 / 季讲评) or a campaign's summary, as they stood on the day they were drafted.
struct StoredReport: Codable, Sendable {
    enum State: String, Codable, Sendable {
        case draft, issued

        var chineseName: String { self == .draft ? "草稿" : "已印发" }
    }

    let id: UUID
    let orgUnitId: UUID
    /// A period's kind (`week`, `tenDay`, `month`, `quarter`) or `campaign`.
    let kind: String
    /// The period's key, or the campaign's id.
    let periodKey: String
    let title: String
    let state: State
    let dueOn: String?
    let draftedAt: Date
    let updatedAt: Date
    let issuedAt: Date?
    /// 报送: the unit it went to when issued, and who there marked it 已阅, when.
    let submittedTo: UUID?
    let readAt: Date?
    let readByName: String?
    let bulletin: Bulletin?
    let campaignSummary: CampaignSummary?

    static let campaignKind = "campaign"

    /// 旬通报, 总结报告 …
    var kindName: String {
        ReportPeriod.Kind(rawValue: kind)?.reportName ?? "总结报告"
    }

    /// The paragraphs a dispatcher may rewrite before issuing.
    var summary: String { bulletin?.summary ?? campaignSummary?.summary ?? "" }
    var nextSteps: String { bulletin?.nextSteps ?? campaignSummary?.nextSteps ?? "" }
}

/// What a new draft holds.
enum ReportDraft: Sendable {
    case bulletin(Bulletin)
    case campaignSummary(CampaignSummary)

    var kind: String {
        switch self {
        case .bulletin(let b): b.kind.rawValue
        case .campaignSummary: StoredReport.campaignKind
        }
    }

    var periodKey: String {
        switch self {
        case .bulletin(let b): b.periodKey
        case .campaignSummary(let s): s.campaignID.uuidString.lowercased()
        }
    }

    var title: String {
        switch self {
        case .bulletin(let b): b.title
        case .campaignSummary(let s): s.title
        }
    }

    var dueOn: LocalDate? {
        switch self {
        case .bulletin(let b): b.dueDate
        case .campaignSummary: nil
        }
    }
}
