import Foundation
import JieyouDomain
import SQLKit

/// Delivers the notices of one step on a problem (`ProblemNotice.of`) in the step's transaction:
/// each to the users it names (站内通知) and, through the outbox, to the robots of the groups they
/// read. Every way a step is taken — the loop's pages and API, and the imports that assign — sends
/// them here, so work reaches whoever must act however it came in.
struct ProblemNoticeDelivery {
    let sql: any SQLDatabase

    /// `about` is the problem the notices link to (the parent's, after 上报); the actor hears nothing
    /// of its own step.
    func send(
        _ notices: [ProblemNotice], number: String, about: UUID, unit: UUID, enterprise: UUID?, actor: UUID,
        now: Date
    ) async throws {
        let recipients = RecipientStore(sql: sql)
        let (channels, outbox) = (ChannelStore(sql: sql), OutboxStore(sql: sql))
        for notice in notices {
            let kind = "problem.\(notice.kind.rawValue)"
            let users = try await recipients.users(notice.recipients, unit: unit, enterprise: enterprise)
            try await NotificationStore.send(
                to: users.filter { $0 != actor }, kind: kind, message: notice.message, problem: about, now: now,
                on: sql)
            let message = RobotMessage(
                title: "【\(notice.kind.chineseName)】问题 \(number)", text: notice.message, link: WebPath.problem(about))
            for channel in try await channels.channels(for: notice.recipients, unit: unit) {
                try await outbox.enqueue(message, kind: kind, to: channel, now: now)
            }
        }
    }
}
