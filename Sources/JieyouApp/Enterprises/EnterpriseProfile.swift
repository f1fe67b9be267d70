import Foundation
import JieyouDomain

/// Everything one reader may know about one enterprise: its registration, its 三联 liaison, the
/// policies still to bring, its open problems, the meetings it attended and its visits. What the
/// profile page renders; built by `EnterpriseDesk.profile`.
struct EnterpriseProfile: Sendable {
    let enterprise: StoredEnterprise
    let liaison: Liaison
    /// Policies the enterprise fits that nobody has yet brought in person (the next visit's list).
    let policiesToBring: [PolicyMatching.Fit]
    let openProblems: [OpenProblems.Item]
    /// Meetings and 一对一专班: shown to staff, not to the enterprise's own contact.
    let meetings: [MeetingSummary]
    let teams: [TeamSummary]
    let visits: [VisitSummary]
    /// The visits' 现场照片 and other files, by visit.
    let visitFiles: [UUID: [AttachmentRecord]]
    /// What the reader may do from the page.
    let mayVisit: Bool
    let maySubmitProblem: Bool
    let mayEdit: Bool
}
