import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The enterprise profile page rendered from a fixed `EnterpriseProfile`, compared with the HTML kept
/// in `Golden/` (see `Golden.check`).
@Suite struct EnterprisePageGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let enterprise = UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!
    static let user = UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!
    static let at = Date(timeIntervalSince1970: 1_793_584_800)

    static func access(_ roles: Set<Role>) -> EnterpriseAccess {
        let signedIn = SignedIn(
            sessionID: UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!, csrfToken: "csrf-token",
            userID: user, username: "gx_cadre", displayName: "驻企干部", phone: nil, roles: roles, orgUnitID: park,
            departmentID: nil, enterpriseID: nil)
        let tree = OrgTree([OrgTree.Node(id: park, parentID: nil, level: .park, name: "长沙高新区")])
        return EnterpriseAccess(signedIn: signedIn, tree: tree, reach: .units([park]))
    }

    static var profile: EnterpriseProfile {
        let values = EnterpriseValues(
            creditCode: "91430100MA4L000001", name: "长沙浮标科技有限公司<研发>", industryCode: nil, regionCode: nil,
            scale: .above, tags: ["专精特新", "高新技术企业"], relatedInfo: nil, whitelisted: true,
            contacts: [EnterpriseContact(name: "李四", post: "总经理", phone: "13800000001")],
            registeredOn: LocalDate(iso: "2019-05-20"), revenue: nil, employees: 86)
        let stored = StoredEnterprise(
            row: EnterpriseRow(id: enterprise, orgUnitID: park, values: values, now: at), tags: values.tags,
            contacts: values.contacts)
        let finding = FindingSummary(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!, kind: "problem", text: "用电增容审批慢",
            visitId: nil, meetingId: nil, createdAt: at)
        return EnterpriseProfile(
            enterprise: stored,
            liaison: Liaison(
                leader: NamedRef(id: user, name: "王副主任"), department: nil, cadres: [NamedRef(id: user, name: "张三")]),
            policiesToBring: [],
            openProblems: [
                OpenProblems.Item(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000f1")!, number: "CSGX-2026-0042",
                    kind: "problem", state: "inProgress", description: "厂区外道路破损", deadline: "2026-11-20")
            ],
            meetings: [
                MeetingSummary(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!, orgUnitId: park, kind: "symposium",
                    title: "重点企业座谈会", heldOn: "2026-10-12", place: nil, departmentName: nil, enterpriseCount: 12,
                    findingCount: 3, intendedYuan: 0, lentYuan: 0, dealCount: 0)
            ],
            teams: [],
            visits: [
                VisitSummary(
                    id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!, enterpriseId: enterprise,
                    enterpriseName: "长沙浮标科技有限公司", creditCode: "91430100MA4L000001", orgUnitId: park,
                    visitedOn: "2026-10-28",
                    purposes: ["policyBriefing", "problemFinding"],
                    notes: "了解扩产计划", cadres: ["张三"], findings: [finding])
            ],
            visitFiles: [
                UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!: [
                    AttachmentRecord(
                        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c2")!, orgUnitId: park,
                        ownerType: "visit",
                        ownerId: UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!, purpose: "photo",
                        fileName: "车间.jpg", mediaType: "image/jpeg", byteCount: 1_572_864,
                        sha256: String(repeating: "cd", count: 32), uploadedBy: user, uploaderName: "张三", createdAt: at)
                ]
            ],
            mayVisit: true, maySubmitProblem: true, mayEdit: false)
    }

    @Test func theEnterprisePage() throws {
        let page = EnterprisePageView(profile: Self.profile, access: Self.access([.cadre]))
        try Golden.check(page.html.description, "enterprise-page.html")
    }

    @Test func theEnterprisePageHidesPhonesFromThoseWhoMayNotSeeThem() throws {
        let page = EnterprisePageView(profile: Self.profile, access: Self.access([.leader])).html.description
        #expect(!page.contains("13800000001"))
        #expect(!page.contains("tel:"))
    }
}
