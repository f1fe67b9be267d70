import Foundation
import JieyouDomain

/// One problem as a reader sees it: its row, where it stands, what the reader may do with it now and
/// everything that happened to it. The API encodes it; the problem's page renders it.
struct ProblemView: Sendable {
    let record: ProblemRecord
    let snapshot: ProblemSnapshot
    /// How the reader stands to the problem (never empty: a reader with no standing gets 404).
    let parties: Set<ProblemParty>
    /// Who brought a complaint, request or question, as this reader may see them.
    let requester: Requester?
    /// The actions the reader may take now, in the workflow's order.
    let actions: [ProblemAction.Name]
    let overdue: Bool
    /// For an escalated problem: the linked problem in the parent org's ledger and how it stands, so
    /// the park sees the outcome of what it handed up.
    let escalatedTo: Linked?
    /// For a problem handed up from below: the problem it came from.
    let escalatedFrom: Linked?
    let timeline: [Event]

    /// The requester (诉求人) as the reader sees it, with what the complaint is about.
    struct Requester: Sendable {
        let shown: ProblemRequester.Shown
        let concern: RequestConcern
        /// The name of the department complained about (被投诉单位), when one was chosen.
        let respondentDepartment: String?
        let respondent: String?
    }

    /// A problem at the other end of a 上报.
    struct Linked: Sendable {
        let id: UUID
        let number: String
        let state: ProblemState
        let result: String?
        let resultKind: ResultKind?
    }

    /// One event of the problem's 办理过程.
    struct Event: Sendable {
        let sequence: Int64
        let at: Date
        /// The person who acted; nil for the system's own runs (the daily 催办).
        let actor: String?
        let action: String
        let changes: [String: FieldChange]
    }
}

/// What the problem's page shows beside the problem: the names behind its codes and ids, and the
/// choices its action forms offer.
struct ProblemPageContext: Sendable {
    let problem: ProblemView
    let enterprise: (id: UUID, name: String)?
    /// Every category name by code, sub-categories included.
    let categoryNames: [String: String]
    /// The categories the owning unit files under, for 受理.
    let categories: [ProblemCategory]
    /// The owning unit's active departments, for 交办 and 加派.
    let departments: [(id: UUID, name: String)]
}

/// One page of the ledger and where the next one starts.
/// One figure of a 工作台: a ledger view and how many problems it holds now.
struct LedgerQueue: Sendable, Equatable {
    let view: LedgerView
    let count: Int

    /// The ledger page behind the figure.
    var link: String { "\(WebPath.problems)?view=\(view.rawValue)" }
}

struct LedgerPage: Sendable {
    let items: [LedgerItem]
    let total: Int
    let request: LedgerRequest

    /// Pass as `cursor` for the next page; nil on the last.
    var nextCursor: String? {
        let next = request.offset + request.limit
        return next < total ? LedgerCursor.make(offset: next) : nil
    }
}

/// What the ledger's filters offer a reader.
struct LedgerChoices: Sendable {
    let categoryNames: [String: String]
    /// Staff only: the categories and departments of the reader's subtree (empty for an enterprise or
    /// a monitor, who filter by keyword and state).
    let categories: [(String, String)]
    let departments: [(String, String)]
}

/// What the 登记问题 form offers: the enterprise the problem is for, and the categories of the ledger it
/// goes to (the enterprise's unit's, or the reader's own).
struct SubmissionChoices: Sendable {
    let enterpriseName: String?
    let categories: [(String, String)]
    /// The unit's active departments: whom a complaint may be about (被投诉单位).
    let departments: [(id: UUID, name: String)]
}
