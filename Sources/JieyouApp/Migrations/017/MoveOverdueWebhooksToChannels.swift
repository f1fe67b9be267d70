import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The 催办推送地址 a unit's admins set (one address the daily run posted the overdue list to) becomes
/// one of the unit's 消息推送 robots (issue 25): a 企业微信, 钉钉 or 飞书 robot when the address is one
/// of theirs, a plain JSON webhook otherwise. It then gets every notice its unit's dispatchers get, the
/// day's overdue list among them, through the outbox with its retries.
struct MoveOverdueWebhooksToChannels: AsyncMigration {
    var name: String { "017_MoveOverdueWebhooksToChannels" }

    static let channelName = "超期催办推送（原催办推送地址）"

    func prepare(on database: any Database) async throws {
        try await Self.move(on: database.sql, now: Date())
    }

    static func move(on sql: any SQLDatabase, now: Date) async throws {
        let rows = try await sql.raw(
            "SELECT org_unit_id, value FROM org_settings WHERE name = 'overdueWebhook'"
        ).all()
        for row in rows {
            let unit = try row.decode(column: "org_unit_id", as: UUID.self)
            let url = try row.decode(column: "value", as: String.self)
            try await sql.raw(
                """
                INSERT INTO notice_channels (id, org_unit_id, department_id, kind, name, webhook_url, secret, active,
                  created_at)
                VALUES (\(bind: UUID()), \(bind: unit), NULL, \(bind: RobotKind.of(webhook: url).rawValue),
                  \(bind: channelName), \(bind: url), NULL, \(bind: true), \(bind: now))
                """
            ).run()
        }
        try await sql.raw("DELETE FROM org_settings WHERE name = 'overdueWebhook'").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw(
            "DELETE FROM notice_channels WHERE name = \(bind: Self.channelName)"
        ).run()
    }
}
