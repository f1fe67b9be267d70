import Fluent
import Foundation
import JieyouDomain
import NIOCore
import Vapor

/// Empties the outbox: posts each due message to its robot in the vendor's format, marks it delivered
/// when the robot says it took it, and otherwise keeps the error and tries again later
/// (`OutboxRetry`). Runs every few seconds on every instance; each claims its own rows. A robot that
/// is down never holds up or undoes the step that wrote the message.
enum OutboxDelivery {
    static let batch = 50

    /// Delivers what is due now; returns how many were delivered and how many failed.
    @discardableResult
    static func run(
        on database: any Database, client: any Client, publicURL: String?, now: Date, logger: Logger,
        timeout: TimeAmount = .seconds(10), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> (delivered: Int, failed: Int) {
        let outbox = OutboxStore(sql: database.sql)
        let channels = ChannelStore(sql: database.sql)
        var (delivered, failed) = (0, 0)
        // A robot that could not be reached is not tried again in this run: its other messages wait
        // for the next run rather than each waiting out the timeout.
        var unreachable: Set<UUID> = []
        // A batch mostly goes to a few robots: each is read once per run.
        var known: [UUID: ChannelRecord?] = [:]
        var mail = MailDelivery(database: database, publicURL: publicURL, now: now, group: group)
        for item in try await outbox.claim(limit: batch, now: now) {
            if item.emailTo != nil {
                if try await mail.deliver(item, outbox: outbox) { delivered += 1 } else { failed += 1 }
                continue
            }
            if let id = item.channelId, unreachable.contains(id) {
                try await outbox.release(item.id)
                continue
            }
            if let id = item.channelId, known[id] == nil { known[id] = try await channels.find(id) }
            guard let id = item.channelId, let channel = known[id] ?? nil, channel.active else {
                try await outbox.failed(item, error: "机器人已停用或删除", now: now)
                failed += 1
                continue
            }
            let message = RobotMessage(
                title: item.title, text: item.text, link: item.link.flatMap { path in publicURL.map { $0 + path } })
            let (url, body) = message.request(
                for: channel.kind, webhook: channel.webhookUrl, secret: channel.secret, at: now)
            do {
                let response = try await client.post(URI(string: url), headers: ["Content-Type": "application/json"]) {
                    $0.body = ByteBuffer(data: body)
                    $0.timeout = timeout
                }
                let answer = response.body.map { Data(buffer: $0) } ?? Data()
                if (200..<300).contains(response.status.code) && RobotMessage.accepted(answer, by: channel.kind) {
                    try await outbox.delivered(item.id, now: now)
                    delivered += 1
                } else {
                    let text = String(decoding: answer.prefix(200), as: UTF8.self)
                    try await outbox.failed(item, error: "HTTP \(response.status.code)：\(text)", now: now)
                    failed += 1
                }
            } catch {
                try await outbox.failed(item, error: "无法送达：\(error)", now: now)
                unreachable.insert(id)
                failed += 1
            }
        }
        if failed > 0 { logger.warning("Outbox: \(failed) messages not delivered, tried again later") }
        return (delivered, failed)
    }
}

extension HourlyJob {
    /// The outbox's delivery, every ten seconds.
    static var outboxDelivery: HourlyJob {
        HourlyJob("Outbox delivery", every: 10) { app in
            try await OutboxDelivery.run(
                on: app.db, client: app.client, publicURL: app.appConfiguration.publicURL, now: app.clock.now(),
                logger: app.logger)
        }
    }
}
