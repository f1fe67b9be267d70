import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The settings an org unit's admins keep for their own unit (and the units below): today the
/// address the daily 催办 run posts the unit's overdue problems to, as JSON (PRODUCT.md §3). Each
/// change is an event.
struct OrgSettingsService {
    let database: any Database
    let now: Date

    static let overdueWebhook = "overdueWebhook"

    private var sql: any SQLDatabase { database.sql }

    /// The unit's settings, for an admin who manages it; not found otherwise.
    func webhook(of unit: UUID, by actor: Actor) async throws -> String? {
        try await requireManager(actor, of: unit)
        return try await Self.webhooks(of: [unit], on: sql)[unit]
    }

    /// Sets the webhook, or clears it when `text` is blank. Only http(s) addresses with a host.
    func setWebhook(_ text: String?, for unit: UUID, by actor: Actor) async throws -> String? {
        try await requireManager(actor, of: unit)
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty {
            let url = URL(string: value)
            guard value.count <= 500, let scheme = url?.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url?.host?.isEmpty == false
            else {
                throw AppError.invalid("overdueWebhookUrl", "催办推送地址应为以 http:// 或 https:// 开头的完整网址（不超过500字）")
            }
        }
        let before = try await Self.webhooks(of: [unit], on: sql)[unit]
        guard before != (value.isEmpty ? nil : value) else { return before }
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            if value.isEmpty {
                try await sql.raw(
                    "DELETE FROM org_settings WHERE org_unit_id = \(bind: unit) AND name = \(bind: Self.overdueWebhook)"
                ).run()
            } else {
                try await sql.raw(
                    """
                    INSERT INTO org_settings (org_unit_id, name, value, updated_at)
                    VALUES (\(bind: unit), \(bind: Self.overdueWebhook), \(bind: value), \(bind: now))
                    ON CONFLICT (org_unit_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """
                ).run()
            }
            // The address may carry a robot's key: the log keeps that it changed, not the address.
            try await log.record(
                "orgSettings", id: unit.uuidString, "update",
                ChangeSet.diff(
                    ["overdueWebhook": before == nil ? "未设置" : "已设置"],
                    ["overdueWebhook": value.isEmpty ? "未设置" : "已设置"]), orgUnit: unit)
        }
        return value.isEmpty ? nil : value
    }

    private func requireManager(_ actor: Actor, of unit: UUID) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        guard tree[unit] != nil, AccessPolicy.may(actor, .manageOrganisation, at: unit, in: tree) else {
            throw AppError.notFound("组织")
        }
    }

    /// The webhooks of `units` that have one.
    static func webhooks(of units: [UUID], on sql: any SQLDatabase) async throws -> [UUID: String] {
        guard !units.isEmpty else { return [:] }
        struct Row: Decodable {
            let orgUnitId: UUID
            let value: String
        }
        let rows = try await sql.raw(
            """
            SELECT org_unit_id, value FROM org_settings
            WHERE name = \(bind: overdueWebhook) AND org_unit_id IN (\(binds: units))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.orgUnitId, $0.value) })
    }
}
