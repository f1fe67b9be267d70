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
        let tree = try await OrgDirectory.tree(managing: unit, by: actor, on: database)
        return Choice(
            own: try await Self.chosen(by: [unit], on: database.sql)[unit],
            inForce: try await Self.inForce(at: unit, tree: tree, on: database.sql))
    }

    /// Stores the sections ticked (names as the form sends them, each checked); `following` removes the
    /// unit's own choice so that it follows the units above again.
    func set(_ names: [String], following: Bool, for unit: UUID, by actor: Actor) async throws {
        _ = try await OrgDirectory.tree(managing: unit, by: actor, on: database)
        let sections = try BulletinSection.parse(names).get()
        let before = try await Self.chosen(by: [unit], on: database.sql)[unit]
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

    /// The sections `unit` reports: its own choice, else the nearest unit above that chose, else all.
    static func inForce(at unit: UUID, tree: OrgTree, on sql: any SQLDatabase) async throws -> [BulletinSection] {
        let lineage = tree.lineage(of: unit).map(\.id)
        let chosen = try await chosen(by: lineage, on: sql)
        return lineage.lazy.compactMap { chosen[$0] }.first ?? BulletinSection.allCases
    }

    /// The choices made by those of `units` that made one.
    static func chosen(by units: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [BulletinSection]] {
        guard !units.isEmpty else { return [:] }
        var chosen: [UUID: [BulletinSection]] = [:]
        for row in try await sql.raw(
            """
            SELECT org_unit_id, value FROM org_settings
            WHERE org_unit_id IN (\(binds: units)) AND name = \(bind: BulletinSection.settingName)
            """
        ).all() {
            chosen[try row.decode(column: "org_unit_id", as: UUID.self)] = BulletinSection.chosen(
                bySetting: try row.decode(column: "value", as: String.self))
        }
        return chosen
    }
}
