import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The field-work desk below HTTP: a pasted meeting is read box by box, and a refused visit or meeting
/// writes nothing.
@Suite struct FieldWorkDeskTests {
    func desk(_ app: Application, _ world: World, _ name: String, _ roles: Set<Role>) async throws -> FieldWorkDesk {
        let signedIn = SignedIn(
            sessionID: UUID(), csrfToken: "t", userID: world.users[name]!, username: name, displayName: name,
            phone: nil, roles: roles, orgUnitID: world.linxiangPark, departmentID: nil, enterpriseID: nil)
        return FieldWorkDesk(
            database: app.db, signedIn: signedIn, tree: try await OrgDirectory.tree(on: app.db), now: app.clock.now())
    }

    func count(_ table: String, _ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test func aPastedMeetingNamesEachEnterpriseByNameOrCode() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let desk = try await desk(app, world, "lx_cadre", [.cadre])
            let enterprise = try await StoredEnterprise.load(world.enterprise, on: app.db.sql)!.row
            var pasted = PastedMeeting(
                kind: MeetingKind.symposium.rawValue, title: "园区企业座谈会", heldOn: desk.today.iso)
            pasted.enterpriseList = enterprise.creditCode.lowercased()
            pasted.problemList = "\(enterprise.name)：用电增容审批慢"
            let id = try await desk.recordMeeting(pasted: pasted)
            let meeting = try await desk.meeting(id)
            #expect(meeting.enterprises.map(\.id) == [world.enterprise])
            #expect(meeting.findings.map(\.text) == ["用电增容审批慢"])
        }
    }

    @Test func aLineNamingNoEnterpriseOfTheParkRefusesTheMeetingWithItsBoxAndLine() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let desk = try await desk(app, world, "lx_cadre", [.cadre])
            let other = try await StoredEnterprise.load(world.pingjiangEnterprise, on: app.db.sql)!.row
            var pasted = PastedMeeting(
                kind: MeetingKind.symposium.rawValue, title: "园区企业座谈会", heldOn: desk.today.iso)
            pasted.problemList = "无此企业：道路破损\n\(other.name)：另一园区的企业"
            do {
                _ = try await desk.recordMeeting(pasted: pasted)
                Issue.record("the meeting was recorded")
            } catch let failure as ValidationFailure {
                #expect(failure.errors.map(\.message) == ["问题诉求第1行：找不到企业“无此企业”", "问题诉求第2行：找不到企业“\(other.name)”"])
            }
            #expect(try await count("meetings", app) == 0)
        }
    }

    @Test func aVisitBringingAPolicyThatDoesNotFitWritesNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let desk = try await desk(app, world, "lx_cadre", [.cadre])
            let input = VisitInput(
                enterpriseID: world.enterprise, visitedOn: desk.today.iso, purposes: ["survey"], notes: nil,
                cadreIDs: [], findings: [])
            do {
                _ = try await desk.recordVisit(input, bringing: [UUID()])
                Issue.record("the visit was recorded")
            } catch let error as AppError {
                #expect(error.field == "policyIds")
            }
            #expect(try await count("visits", app) == 0)
            _ = try await desk.recordVisit(input)
            #expect(try await count("visits", app) == 1)
        }
    }
}
