import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// 消息推送: a unit's admins connect its work groups' robots (the whole unit's, or one department's),
/// pause and remove them, and read what did not go out.
struct ChannelDesk {
    let database: any Database
    let actor: Actor
    let now: Date

    /// What the form gives, as typed.
    struct Draft: Sendable {
        var kind: String?
        var name: String?
        var departmentID: UUID?
        var webhookURL: String?
        var secret: String?
    }

    private var unit: UUID { actor.orgUnitID }
    private var sql: any SQLDatabase { database.sql }

    private func requireAdmin() throws {
        guard AccessPolicy.has(actor, .manageOrganisation) else { throw AppError.forbidden() }
    }

    func channels() async throws -> [ChannelRecord] {
        try requireAdmin()
        return try await ChannelStore(sql: sql).list(of: unit)
    }

    /// The unit's latest messages that failed, waiting to be tried again or given up.
    func troubles() async throws -> [OutboxItem] {
        try requireAdmin()
        return try await OutboxStore(sql: sql).troubles(of: unit)
    }

    /// Adds a robot; every field is checked and each mistake named in Chinese.
    func add(_ draft: Draft) async throws -> UUID {
        try requireAdmin()
        var v = Validator()
        let kind = draft.kind.flatMap(RobotKind.init(rawValue:))
        if kind == nil { v.fail("kind", "请选择机器人类型") }
        let name = (draft.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { v.fail("name", "请填写群名称") } else if name.count > 40 { v.fail("name", "群名称不超过40字") }
        let url = (draft.webhookURL ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed = URL(string: url)
        let isWeb = ["http", "https"].contains(parsed?.scheme?.lowercased() ?? "") && parsed?.host?.isEmpty == false
        if !isWeb || url.count > 500 {
            v.fail("webhookUrl", "Webhook 地址应为 http:// 或 https:// 开头的完整网址（从群机器人设置中复制）")
        }
        let secret = (draft.secret ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if secret.count > 200 { v.fail("secret", "加签密钥不超过200个字符") }
        if let department = draft.departmentID {
            let own = try await sql.raw(
                "SELECT 1 AS one FROM departments WHERE id = \(bind: department) AND org_unit_id = \(bind: unit)"
            ).first()
            if own == nil { v.fail("departmentId", "只能选择本单位的部门") }
        }
        try v.throwIfFailed()
        let channel = ChannelRecord(
            id: UUID(), orgUnitId: unit, departmentId: draft.departmentID, kind: kind!, name: name, webhookUrl: url,
            secret: secret.isEmpty || !kind!.takesSecret ? nil : secret, active: true)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await ChannelStore(sql: tx.sql).insert(channel, now: now)
            try await log.record(
                "noticeChannel", id: channel.id.uuidString, "create",
                .created(["kind": channel.kind.rawValue, "name": name, "departmentId": draft.departmentID?.uuidString]),
                orgUnit: channel.orgUnitId)
        }
        return channel.id
    }

    /// Pauses an active robot, or resumes a paused one.
    func toggle(_ id: UUID) async throws {
        let channel = try await owned(id)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await ChannelStore(sql: tx.sql).setActive(id, !channel.active)
            try await log.record(
                "noticeChannel", id: id.uuidString, "update",
                changed("active", String(channel.active), String(!channel.active)), orgUnit: channel.orgUnitId)
        }
    }

    func delete(_ id: UUID) async throws {
        let channel = try await owned(id)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await ChannelStore(sql: tx.sql).delete(id, now: now)
            try await log.record(
                "noticeChannel", id: id.uuidString, "delete", changed("name", channel.name, nil),
                orgUnit: channel.orgUnitId)
        }
    }

    private func changed(_ field: String, _ before: String?, _ after: String?) -> ChangeSet {
        var set = ChangeSet()
        set.record(field, before: before, after: after)
        return set
    }

    /// A robot of the admin's own unit; any other is not found.
    private func owned(_ id: UUID) async throws -> ChannelRecord {
        try requireAdmin()
        guard let channel = try await ChannelStore(sql: sql).find(id), channel.orgUnitId == unit else {
            throw AppError.notFound("机器人")
        }
        return channel
    }
}
