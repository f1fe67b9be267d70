import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// A meeting as a form or the API sends it, fields still as sent. Amounts are text in 万元.
struct MeetingInput: Sendable {
    struct Finding: Sendable {
        var enterpriseID: UUID?
        var kind: String?
        var text: String?
    }

    struct Financing: Sendable {
        var enterpriseID: UUID?
        var bank: String?
        var intendedWan: String?
        var lentWan: String?
    }

    struct Deal: Sendable {
        var enterpriseID: UUID?
        var counterpart: String?
        var subject: String?
        var amountWan: String?
    }

    var orgUnitID: UUID?
    var kind: String?
    var title: String?
    var heldOn: String?
    var place: String?
    var departmentID: UUID?
    var notes: String?
    var enterpriseIDs: [UUID] = []
    var findings: [Finding] = []
    var financings: [Financing] = []
    var deals: [Deal] = []
    /// The policies a 政策宣讲会/解读会 presented: each attending enterprise gets them as delivered (宣讲会).
    var policyIDs: [UUID] = []
}

/// Records 活动 (座谈会, 政银企对接会, 供需对接会 …) with the enterprises that attended and what came
/// of it. Problems raised there go to `findings`, the same as a visit's, for the ledger to take in.
struct MeetingService {
    let database: any Database
    let now: Date

    static let maxEnterprises = 500
    static let maxOutcomes = 500
    static let maxPolicies = 30

    /// Checks the whole meeting (every refusal at once, each naming its field), then writes it, its
    /// outcomes and the policies it presented in one transaction.
    func record(_ input: MeetingInput, by actor: Actor) async throws -> UUID {
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        let unit = input.orgUnitID ?? actor.orgUnitID
        guard AccessPolicy.may(actor, .recordFieldWork, at: unit, in: tree) else { throw AppError.notFound("组织") }
        let meeting = try await check(input, unit: unit, by: actor, tree: tree)
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MeetingWriter(sql: tx.sql, log: log, actor: actor, now: now, tree: tree).write(meeting)
        }
    }
}
