import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The problem pages rendered from fixed view values and compared with the HTML kept beside this file
/// (`Golden/`), so that a refactor of the pages cannot change what a reader sees unnoticed. After an
/// intended change, run with `JIEYOU_RECORD_GOLDEN=1` and read the diff of the golden files.
@Suite struct ProblemPagesGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let economy = UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!
    static let housing = UUID(uuidString: "00000000-0000-0000-0000-0000000000d2")!
    static let enterprise = UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!
    static let problem = UUID(uuidString: "00000000-0000-0000-0000-0000000000f1")!
    static let user = UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!
    /// 2026-11-02 10:00 in China.
    static let at = Date(timeIntervalSince1970: 1_793_584_800)

    static func signedIn(_ roles: Set<Role>, department: UUID? = nil) -> SignedIn {
        SignedIn(
            sessionID: UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!, csrfToken: "csrf-token",
            userID: user, username: "gx_dispatcher", displayName: "调度员", phone: nil, roles: roles, orgUnitID: park,
            departmentID: department, enterpriseID: nil)
    }

    /// An assigned problem with a co-department, 督办, and three events.
    static var assigned: ProblemPageContext {
        let record = ProblemRecord(
            id: problem, orgUnitId: park, number: "CSGX-2026-0042", enterpriseId: enterprise, kind: "problem",
            categoryCode: "hardship", source: "visit", description: "厂区外道路破损，货车进出困难<需协调>",
            campaignId: nil, findingId: nil, state: "inProgress", leadDepartmentId: economy, submittedOn: "2026-10-28",
            acceptBy: "2026-10-29", screenedOn: "2026-10-28", assignedOn: "2026-10-29", signBy: "2026-10-30",
            signedOn: "2026-10-30", deadline: "2026-10-31", pausedSince: nil, extensionDays: nil, extensionReason: nil,
            returnReason: nil, returnCount: 0, reopenCount: 0, rootCause: nil, result: nil, resultKind: nil,
            replyMethod: nil,
            resolvedOn: nil, revisitBy: nil, satisfaction: nil, closedOn: nil, closeOverride: nil, ongoingPlan: nil,
            ongoingUnit: nil, ongoingUntil: nil, mergedInto: nil, flags: ",supervised,", escalatedTo: nil,
            escalatedFrom: nil, reportedBy: user, reporterHidden: false, version: 5, createdAt: at, updatedAt: at)
        var snapshot = record.snapshot
        snapshot.coDepartments = [housing: LocalDate(iso: "2026-11-06")!]
        func event(_ sequence: Int64, _ action: String, _ changes: [String: FieldChange], actor: String? = "调度员")
            -> ProblemView.Event
        {
            ProblemView.Event(
                sequence: sequence, at: at.addingTimeInterval(Double(sequence) * 3_600), actor: actor, action: action,
                changes: changes)
        }
        let view = ProblemView(
            record: record, snapshot: snapshot, parties: [.dispatcher], requester: nil,
            actions: [.giveBack, .escalate, .addDepartment, .flagSupervised, .flagLeaderCase], overdue: true,
            escalatedTo: nil, escalatedFrom: nil,
            timeline: [
                event(1, "submit", ["state": FieldChange(before: nil, after: "submitted")]),
                event(2, "assign", ["state": FieldChange(before: "accepted", after: "assigned")]),
                event(3, "progress", ["note": FieldChange(before: nil, after: "已联系住建局现场查看")], actor: "经办人"),
                event(4, "overdue", [:], actor: nil),
                event(
                    5, "attach",
                    [
                        "attachmentId": FieldChange(before: nil, after: Self.attachment.id.uuidString),
                        "file": FieldChange(before: nil, after: "现场照片.jpg"),
                        "purpose": FieldChange(before: nil, after: "progress"),
                    ], actor: "经办人"),
            ])
        return ProblemPageContext(
            problem: view, enterprise: (enterprise, "长沙浮标科技有限公司"),
            categoryNames: Dictionary(uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, $0.name) }),
            categories: ProblemCategory.shipped, departments: [(economy, "经济发展局"), (housing, "住房和建设管理局")])
    }

    static let attachment = AttachmentRecord(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, orgUnitId: park, ownerType: "problem",
        ownerId: problem, purpose: "progress", fileName: "现场照片.jpg", mediaType: "image/jpeg", byteCount: 245_760,
        sha256: String(repeating: "ab", count: 32), uploadedBy: user, uploaderName: "经办人", createdAt: at)

    /// The 附件 section with one file and the upload form (the dispatcher may add files).
    static func attachments(errors: [FieldError] = []) -> AttachmentSectionView {
        AttachmentSectionView(
            section: AttachmentSection(
                owner: .problem, ownerID: problem, records: [attachment], mayAdd: true, maxMegabytes: 20),
            csrf: FormFields.csrf(signedIn([.dispatcher])), errors: errors)
    }

    @Test func theProblemPage() throws {
        let page = ProblemPageView(
            context: Self.assigned, signedIn: Self.signedIn([.dispatcher]), failed: nil, errors: [], typed: nil,
            attachments: Self.attachments())
        try Golden.check(page.html.description, "problem-page.html")
    }

    @Test func theProblemPageWithARefusedStep() throws {
        var typed = ProblemsWeb.ActionForm()
        typed.reason = "<退回理由>"
        let page = ProblemPageView(
            context: Self.assigned, signedIn: Self.signedIn([.dispatcher]), failed: .escalate,
            errors: [FieldError(field: "reason", message: "请填写上报理由")], typed: typed,
            attachments: Self.attachments(errors: [FieldError(field: "file", message: "“setup.jpg”不是可接收的文件")]))
        try Golden.check(page.html.description, "problem-page-refused.html")
    }

    @Test func theLedgerPage() throws {
        let actor = Self.signedIn([.dispatcher]).actor
        var request = LedgerRequest()
        request.view = .overdue
        request.limit = 1
        let item = LedgerItem(
            id: Self.problem, number: "CSGX-2026-0042", orgUnitId: Self.park, enterpriseId: Self.enterprise,
            enterpriseName: "长沙浮标科技有限公司", kind: "problem", categoryCode: "hardship", state: "inProgress",
            leadDepartmentId: Self.economy, leadDepartmentName: "经济发展局", deadline: "2026-10-31", pausedSince: nil,
            flags: ",supervised,", description: String(repeating: "厂区外道路破损，货车进出困难。", count: 4), createdAt: Self.at)
        let view = LedgerPageView(
            actor: actor, signedInCanImport: true, views: LedgerView.views(for: actor), request: request,
            page: LedgerPage(items: [item], total: 3, request: request),
            choices: LedgerChoices(
                categoryNames: ["hardship": "困难求助"], categories: [("hardship", "困难求助")],
                departments: [(Self.economy.uuidString.lowercased(), "经济发展局")]),
            typed: ["q": "道路", "sort": "deadline"], errors: [], today: LocalDate(iso: "2026-11-02")!)
        try Golden.check(view.html.description, "ledger-page.html")
    }
}

/// Compares rendered text with a file under `Golden/` beside this file, or records it.
enum Golden {
    static func check(_ text: String, _ name: String, filePath: String = #filePath) throws {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["JIEYOU_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let kept = try #require(
            try? String(contentsOf: url, encoding: .utf8), "no golden file \(name): run with JIEYOU_RECORD_GOLDEN=1")
        #expect(kept == text, "\(name) differs from the golden file; if intended, record it again")
    }
}
