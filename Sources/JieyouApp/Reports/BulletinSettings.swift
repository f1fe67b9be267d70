import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Which sections a unit's 通报 report besides problem handling (`BulletinSection`): set by the unit's
/// admin, followed by the units below that do not set their own. Each change is an event.
struct BulletinSettings {
    let database: any Database
    let now: Date

    /// What the unit sets itself (nil: it follows the units above) and what is in force.
    struct Choice: Sendable {
        let own: [BulletinSection]?
        let inForce: [BulletinSection]
    }

    func choice(of unit: UUID, by actor: Actor) async throws -> Choice {
        let tree = try await requireManager(actor, of: unit)
        return Choice(
            own: try await Self.own(of: unit, on: database.sql),
            inForce: try await BulletinWorkComposer.sections(of: unit, tree: tree, on: database.sql))
    }

    /// Stores the sections ticked (names as the form sends them, each checked); `following` removes the
    /// unit's own choice so that it follows the units above again.
    func set(_ names: [String], following: Bool, for unit: UUID, by actor: Actor) async throws {
        _ = try await requireManager(actor, of: unit)
        let sections = try BulletinSection.parse(names).get()
        let before = try await Self.own(of: unit, on: database.sql)
        let after: [BulletinSection]? = following ? nil : sections
        guard before != after else { return }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await sql.raw(
                "DELETE FROM org_settings WHERE org_unit_id = \(bind: unit) AND name = \(bind: BulletinSection.settingName)"
            ).run()
            if let after {
                try await sql.insert(into: "org_settings").columns("org_unit_id", "name", "value", "updated_at")
                    .values(
                        SQLBind(unit), SQLBind(BulletinSection.settingName), SQLBind(BulletinSection.setting(after)),
                        SQLBind(now)
                    ).run()
            }
            func names(_ sections: [BulletinSection]?) -> String? {
                sections.map { $0.isEmpty ? "仅问题办理" : $0.map(\.chineseName).joined(separator: "、") }
            }
            try await log.record(
                "orgSettings", id: unit.uuidString, "bulletinSections.update",
                ChangeSet.diff(["bulletinSections": names(before)], ["bulletinSections": names(after)]), orgUnit: unit)
        }
    }

    static func own(of unit: UUID, on sql: any SQLDatabase) async throws -> [BulletinSection]? {
        try await sql.raw(
            "SELECT value FROM org_settings WHERE org_unit_id = \(bind: unit) AND name = \(bind: BulletinSection.settingName)"
        ).first()
            .map { BulletinSection.chosen(bySetting: try $0.decode(column: "value", as: String.self)) }
    }

    private func requireManager(_ actor: Actor, of unit: UUID) async throws -> OrgTree {
        let tree = try await OrgDirectory.tree(on: database)
        guard tree[unit] != nil, AccessPolicy.may(actor, .manageOrganisation, at: unit, in: tree) else {
            throw AppError.notFound("组织")
        }
        return tree
    }
}
