import Fluent
import Foundation
import JieyouDomain
import NIOCore
import NIOPosix
import SQLKit

/// Notices by e-mail: each person's address and choices (every notice, or a morning digest, and which
/// topics), and a unit's mail server, set by its admins and used by the units below that have none.
struct MailDesk {
    let database: any Database
    let signedIn: SignedIn
    let tree: OrgTree
    let now: Date

    private var actor: Actor { signedIn.actor }
    private var store: MailStore { MailStore(sql: database.sql) }

    // MARK: A person's choices

    /// The reader's choices, and the unit whose server would send them (nil: nobody has set one).
    func preferences() async throws -> (NoticePreferences, serverUnit: String?) {
        let server = try await store.server(for: actor.orgUnitID, in: tree)
        return (try await store.preferences(of: actor.userID), server.flatMap { tree[$0.orgUnitId]?.name })
    }

    /// Saves the reader's choices: an address (blank: none), how (`NoticeEmailMode`), and the topics
    /// to mail (the others are not mailed; the bell shows everything).
    func savePreferences(email: String?, mode: String?, mailed: [String]) async throws {
        var v = Validator()
        let address = (email ?? "").trimmingCharacters(in: .whitespaces)
        if !address.isEmpty && !EmailAddress.isValid(address) {
            v.fail("email", "邮箱地址格式不正确，应如 zhangsan@example.gov.cn")
        }
        let chosen = NoticeEmailMode(rawValue: mode ?? "")
        if chosen == nil { v.fail("mode", "请选择发送方式") }
        if chosen != nil && chosen != .off && address.isEmpty { v.fail("email", "选择发邮件时请填写邮箱地址") }
        let topics = Set(mailed.compactMap(NoticeTopic.init(rawValue:)))
        if topics.count != Set(mailed).count { v.fail("topics", "通知类别无效") }
        try v.throwIfFailed()
        let preferences = NoticePreferences(
            email: address.isEmpty ? nil : address, mode: chosen!, muted: Set(NoticeTopic.allCases).subtracting(topics))
        let before = try await store.preferences(of: actor.userID)
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MailStore(sql: tx.sql).save(preferences, of: actor.userID)
            var changes = ChangeSet()
            if before.email != preferences.email {
                changes.record("email", before: before.email, after: preferences.email)
            }
            if before.mode != preferences.mode {
                changes.record("noticeEmail", before: before.mode.chineseName, after: preferences.mode.chineseName)
            }
            if before.muted != preferences.muted {
                changes.record(
                    "noticeMuted", before: before.muted.map(\.chineseName).sorted().joined(separator: "、"),
                    after: preferences.muted.map(\.chineseName).sorted().joined(separator: "、"))
            }
            guard !changes.isEmpty else { return }
            try await log.record(
                "user", id: actor.userID.uuidString, "notices.update", changes, orgUnit: actor.orgUnitID)
        }
    }

    // MARK: A unit's server

    private func requireAdmin() throws {
        guard AccessPolicy.has(actor, .manageOrganisation) else { throw AppError.forbidden() }
    }

    /// The admin's unit's own server, and the name of the unit above whose server it uses otherwise.
    func server() async throws -> (own: MailServerRecord?, inheritedFrom: String?) {
        try requireAdmin()
        let own = try await store.server(of: actor.orgUnitID)
        let used = try await store.server(for: actor.orgUnitID, in: tree)
        return (own, used.flatMap { $0.orgUnitId == actor.orgUnitID ? nil : tree[$0.orgUnitId]?.name })
    }

    /// What the server form gives, as typed.
    struct ServerDraft: Sendable {
        var host: String?
        var port: String?
        var security: String?
        var username: String?
        var password: String?
        var senderAddress: String?
        var senderName: String?
        var active: Bool
    }

    /// Checks and saves the unit's server; a blank password keeps the stored one.
    func saveServer(_ draft: ServerDraft) async throws {
        try requireAdmin()
        let server = try Self.check(draft)
        let unit = actor.orgUnitID
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MailStore(sql: tx.sql).save(server, unit: unit, active: draft.active, now: now)
            try await log.record(
                "mailServer", id: unit.uuidString, "update",
                .created([
                    "host": server.host, "port": String(server.port), "security": server.security.rawValue,
                    "username": server.username, "senderAddress": server.senderAddress,
                    "active": draft.active ? "true" : "false",
                ]), orgUnit: unit)
        }
    }

    func deleteServer() async throws {
        try requireAdmin()
        let unit = actor.orgUnitID
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MailStore(sql: tx.sql).delete(unit: unit)
            try await log.record("mailServer", id: unit.uuidString, "delete", ChangeSet(), orgUnit: unit)
        }
    }

    /// Sends a test e-mail to the admin's own address through the server the unit uses, now, and says
    /// what the server answered when it refuses.
    func sendTest(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> String {
        try requireAdmin()
        guard let to = try await store.preferences(of: actor.userID).email else {
            throw AppError.invalid("test", "请先在“我的通知设置”中填写您的邮箱地址")
        }
        guard let record = try await store.server(for: actor.orgUnitID, in: tree) else {
            throw AppError.invalid("test", "尚未设置邮件服务器")
        }
        let server = record.server
        let message = MailMessage(
            fromAddress: server.senderAddress, fromName: server.senderName ?? "解优", to: to,
            subject: "【解优】测试邮件", text: MailText.body("这是一封测试邮件：邮件服务器设置可用。", link: nil, publicURL: nil),
            date: now, messageID: "\(UUID().uuidString.lowercased())@jieyou")
        do {
            try await SMTPClient(server: server, group: group).send(message)
        } catch {
            throw AppError.invalid("test", "测试邮件未能发出：\(error)")
        }
        return to
    }

    static func check(_ draft: ServerDraft) throws -> MailServer {
        var v = Validator()
        let host = (draft.host ?? "").trimmingCharacters(in: .whitespaces)
        if host.isEmpty || host.count > 253 || host.contains(where: { $0.isWhitespace || "/:@".contains($0) }) {
            v.fail("host", "请填写邮件服务器地址，如 smtp.exmail.qq.com")
        }
        let port = Int((draft.port ?? "").trimmingCharacters(in: .whitespaces))
        if port == nil || !(1...65_535).contains(port!) { v.fail("port", "端口应为 1–65535 的整数，如 465 或 25") }
        let security = MailServer.Security(rawValue: draft.security ?? "")
        if security == nil { v.fail("security", "请选择连接方式") }
        let username = (draft.username ?? "").trimmingCharacters(in: .whitespaces)
        if username.count > 200 { v.fail("username", "账号不超过200个字符") }
        let password = draft.password ?? ""
        if password.count > 200 { v.fail("password", "密码不超过200个字符") }
        let sender = (draft.senderAddress ?? "").trimmingCharacters(in: .whitespaces)
        if !EmailAddress.isValid(sender) { v.fail("senderAddress", "发件人地址格式不正确，应如 jieyou@example.gov.cn") }
        let name = (draft.senderName ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > 40 { v.fail("senderName", "发件人名称不超过40字") }
        try v.throwIfFailed()
        return MailServer(
            host: host, port: port!, security: security!, username: username.isEmpty ? nil : username,
            password: password.isEmpty ? nil : password, senderAddress: sender, senderName: name.isEmpty ? nil : name)
    }
}
