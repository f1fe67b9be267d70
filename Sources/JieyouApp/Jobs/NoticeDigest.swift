import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The morning digest: from 08:00 China time, once a day per cluster (claimed in `job_runs` like the
/// 催办 sweep), each person who chose 每日汇总 gets one e-mail of the notices of the last day still
/// unread on the bell, less the topics they chose not to have mailed. The e-mails go through the
/// outbox like every other.
enum NoticeDigest {
    static let hour = 8

    static func runIfDue(on database: any Database, now: Date) async throws -> Int? {
        let sql = database.sql
        let today = LocalDate(now, in: .chinaStandard)
        let hour = Calendar.chinaHour(of: now)
        guard hour >= Self.hour else { return nil }
        let daily = DailyRun(sql: sql, name: "digest", day: today)
        guard try await daily.claim(now: now) else { return nil }
        let sent = try await run(since: now - 24 * 3_600, now: now, on: database)
        try await daily.finish(at: Date(), summary: "汇总邮件\(sent)封")
        return sent
    }

    /// Queues the digests of the notices created after `since`; returns how many e-mails.
    static func run(since: Date, now: Date, on database: any Database) async throws -> Int {
        struct Row: Decodable {
            let userId: UUID
            let orgUnitId: UUID
            let email: String
            let noticeMuted: String?
            let kind: String
            let message: String
            let link: String?
            let problemId: UUID?
        }
        let rows = try await database.sql.raw(
            """
            SELECT u.id AS user_id, u.org_unit_id, u.email, u.notice_muted, n.kind, n.message, n.link, n.problem_id
            FROM users u JOIN notifications n ON n.user_id = u.id
            WHERE u.active = \(bind: true) AND u.email IS NOT NULL
              AND (u.notice_email IS NULL OR u.notice_email = \(bind: NoticeEmailMode.digest.rawValue))
              AND n.read_at IS NULL AND n.created_at > \(bind: since)
            ORDER BY u.id, n.created_at
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let people = Dictionary(grouping: rows, by: \.userId)
        return try await database.writing(actorID: nil, now: now) { tx, _ in
            var sent = 0
            let mail = MailStore(sql: tx.sql)
            for (_, notices) in people.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                let muted = Set((notices[0].noticeMuted ?? "").split(separator: ",").map(String.init))
                let kept = notices.filter { !muted.contains(NoticeTopic.of(kind: $0.kind).rawValue) }
                guard !kept.isEmpty else { continue }
                let (subject, text) = MailText.digest(
                    kept.map { ($0.message, $0.link ?? $0.problemId.map(WebPath.problem)) }, publicURL: nil)
                try await mail.enqueue(
                    to: notices[0].email, unit: notices[0].orgUnitId, kind: "digest", subject: subject, text: text,
                    link: WebPath.notifications, now: now)
                sent += 1
            }
            return sent
        }
    }
}

extension Calendar {
    /// The hour of the day in China (0–23).
    static func chinaHour(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        return calendar.component(.hour, from: date)
    }
}

extension HourlyJob {
    /// Tries the morning digest every hour; the first instance after 08:00 runs it (`NoticeDigest`).
    static var noticeDigest: HourlyJob {
        HourlyJob("Notice digest") { app in
            if let sent = try await NoticeDigest.runIfDue(on: app.db, now: app.clock.now()), sent > 0 {
                app.logger.info("Notice digest: \(sent) e-mails queued")
            }
        }
    }
}
