import Fluent
import Foundation
import JieyouDomain
import NIOCore

/// Sends the outbox's e-mails through the mail server nearest each recipient's unit, for one run of
/// the delivery job: each server is looked up once, and one that cannot be reached is not tried again
/// in the run (its mail waits for the next one instead of each message waiting out the timeout).
struct MailDelivery {
    let database: any Database
    let publicURL: String?
    let now: Date
    let group: any EventLoopGroup
    private var tree: OrgTree?
    private var servers: [UUID: MailServerRecord?] = [:]
    private var unreachable: Set<UUID> = []

    init(database: any Database, publicURL: String?, now: Date, group: any EventLoopGroup) {
        self.database = database
        self.publicURL = publicURL
        self.now = now
        self.group = group
    }

    /// Sends one e-mail; true when the server took it. A failure is recorded on the item (and tried
    /// again later, `OutboxRetry`).
    mutating func deliver(_ item: OutboxItem, outbox: OutboxStore) async throws -> Bool {
        guard let to = item.emailTo else { return false }
        if tree == nil { tree = try await OrgDirectory.tree(on: database) }
        if servers[item.orgUnitId] == nil {
            servers[item.orgUnitId] = try await MailStore(sql: database.sql).server(for: item.orgUnitId, in: tree!)
        }
        guard let record = servers[item.orgUnitId] ?? nil else {
            try await outbox.failed(item, error: "未设置邮件服务器：请本单位或上级单位的管理员在本单位设置中填写", now: now)
            return false
        }
        if unreachable.contains(record.id) {
            try await outbox.release(item.id)
            return false
        }
        let server = record.server
        let message = MailMessage(
            fromAddress: server.senderAddress, fromName: server.senderName ?? "解优", to: to, subject: item.title,
            text: MailText.body(item.text, link: item.link, publicURL: publicURL), date: now,
            messageID: "\(item.id.uuidString.lowercased())@jieyou")
        do {
            try await SMTPClient(server: server, group: group).send(message)
            try await outbox.delivered(item.id, now: now)
            return true
        } catch let failure as SMTPClient.Failure {
            try await outbox.failed(item, error: failure.description, now: now)
            return false
        } catch {
            try await outbox.failed(item, error: "无法连接邮件服务器 \(server.host):\(server.port)：\(error)", now: now)
            unreachable.insert(record.id)
            return false
        }
    }
}
