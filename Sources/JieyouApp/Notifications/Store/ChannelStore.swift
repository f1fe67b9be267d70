import Foundation
import JieyouDomain
import SQLKit

/// A group robot an org or one of its departments has set up.
struct ChannelRecord: Codable, Sendable, Equatable {
    let id: UUID
    let orgUnitId: UUID
    let departmentId: UUID?
    let kind: RobotKind
    let name: String
    let webhookUrl: String
    let secret: String?
    let active: Bool
}

/// The robots of each unit: its admins add, pause and remove them; a hand-off finds those that its
/// notice's recipients read.
struct ChannelStore {
    let sql: any SQLDatabase

    func list(of unit: UUID) async throws -> [ChannelRecord] {
        try await sql.raw(
            """
            SELECT id, org_unit_id, department_id, kind, name, webhook_url, secret, active FROM notice_channels
            WHERE org_unit_id = \(bind: unit) ORDER BY created_at, id
            """
        ).all(decoding: ChannelRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func find(_ id: UUID) async throws -> ChannelRecord? {
        try await sql.raw(
            """
            SELECT id, org_unit_id, department_id, kind, name, webhook_url, secret, active FROM notice_channels
            WHERE id = \(bind: id)
            """
        ).first(decoding: ChannelRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func insert(_ channel: ChannelRecord, now: Date) async throws {
        try await sql.insert(into: "notice_channels")
            .columns(
                "id", "org_unit_id", "department_id", "kind", "name", "webhook_url", "secret", "active", "created_at"
            )
            .values(
                SQLBind(channel.id), SQLBind(channel.orgUnitId), SQLBind(channel.departmentId),
                SQLBind(channel.kind.rawValue), SQLBind(channel.name), SQLBind(channel.webhookUrl),
                SQLBind(channel.secret), SQLBind(channel.active), SQLBind(now)
            ).run()
    }

    func setActive(_ id: UUID, _ active: Bool) async throws {
        try await sql.raw("UPDATE notice_channels SET active = \(bind: active) WHERE id = \(bind: id)").run()
    }

    /// Removes a robot; what it had not yet delivered is given up with it.
    func delete(_ id: UUID, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE outbox SET failed_at = \(bind: now), last_error = '机器人已删除'
            WHERE channel_id = \(bind: id) AND delivered_at IS NULL AND failed_at IS NULL
            """
        ).run()
        try await sql.raw("UPDATE outbox SET channel_id = NULL WHERE channel_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM notice_channels WHERE id = \(bind: id)").run()
    }

    /// The active robots the recipients of a notice read: a department's own for its handlers, the
    /// unit's (no department) for its dispatchers and leaders.
    func channels(for recipients: Set<NoticeRecipient>, unit: UUID) async throws -> [ChannelRecord] {
        var departments: [UUID] = []
        var units: [UUID] = []
        for recipient in recipients {
            switch recipient {
            case .handlers(let department): departments.append(department)
            case .dispatchers, .leaders: units.append(unit)
            case .dispatchersOf(let other): units.append(other)
            case .enterprise, .liaisonCadres: break
            }
        }
        var conditions: [SQLQueryString] = []
        if !departments.isEmpty { conditions.append("department_id IN (\(binds: departments))") }
        if !units.isEmpty { conditions.append("(department_id IS NULL AND org_unit_id IN (\(binds: units)))") }
        guard !conditions.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT id, org_unit_id, department_id, kind, name, webhook_url, secret, active FROM notice_channels
            WHERE active = \(bind: true) AND (\(conditions.joined(separator: " OR "))) ORDER BY created_at, id
            """
        ).all(decoding: ChannelRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
