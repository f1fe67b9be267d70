import Foundation
import JieyouDomain
import SQLKit

/// A unit's 报送收件箱: the reports the units below submitted to it, latest first, each 已阅 or not, and
/// how each unit that reports to it stands with the last report due of each kind its campaigns keep
/// (按期, 逾期 or 未报送), the units that have not reported first.
struct ReportInbox: Codable, Sendable {
    /// One report that reached the unit.
    struct Received: Codable, Sendable {
        let id: UUID
        let unitName: String
        let title: String
        let kindName: String
        let dueOn: String?
        let issuedAt: Date
        let status: ReportDelivery.Status
        let readAt: Date?
        let readByName: String?
    }

    /// One unit's report on the last period due of one kind.
    struct Delivery: Codable, Sendable {
        let unitId: UUID
        let unitName: String
        let kind: String
        let kindName: String
        let periodKey: String
        let periodName: String
        let dueOn: String
        let status: ReportDelivery.Status
        /// The issued report, when there is one.
        let reportId: UUID?
        let issuedAt: Date?
    }

    let orgUnitId: UUID
    let unitName: String
    let received: [Received]
    let deliveries: [Delivery]

    var unread: Int { received.count { $0.readAt == nil } }
    var missing: Int { deliveries.count { $0.status == .missing } }
}

/// Reads a unit's inbox: two queries over `reports` (by `submitted_to`, by unit and period) and the
/// campaigns that set who reports what.
struct ReportInboxQuery {
    let sql: any SQLDatabase
    let tree: OrgTree
    let today: LocalDate

    static let receivedLimit = 100

    func inbox(of unit: UUID) async throws -> ReportInbox {
        ReportInbox(
            orgUnitId: unit, unitName: tree[unit]?.name ?? "—", received: try await received(by: unit),
            deliveries: try await deliveries(to: unit))
    }

    private func received(by unit: UUID) async throws -> [ReportInbox.Received] {
        struct Row: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let kind: String
            let title: String
            let dueOn: String?
            let issuedAt: Date
            let readAt: Date?
            let readByName: String?
        }
        return try await sql.raw(
            """
            SELECT r.id, r.org_unit_id, r.kind, r.title, r.due_on, r.issued_at, r.read_at, u.display_name AS read_by_name
            FROM reports r LEFT JOIN users u ON u.id = r.read_by
            WHERE r.submitted_to = \(bind: unit) AND r.state = 'issued'
            ORDER BY r.issued_at DESC LIMIT \(literal: Self.receivedLimit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase).map { row in
            let issuedOn = LocalDate(row.issuedAt, in: .chinaStandard)
            return ReportInbox.Received(
                id: row.id, unitName: tree[row.orgUnitId]?.name ?? "—", title: row.title,
                kindName: ReportPeriod.Kind(rawValue: row.kind)?.reportName ?? "总结报告", dueOn: row.dueOn,
                issuedAt: row.issuedAt,
                status: row.dueOn.flatMap(LocalDate.init(iso:)).map {
                    ReportDelivery.status(dueOn: $0, issuedOn: issuedOn)
                } ?? .onTime,
                readAt: row.readAt, readByName: row.readByName)
        }
    }

    /// For each unit that reports to `unit` (the units running a campaign whose receiver it is), the
    /// last period due of each of the campaign's cadences that the campaign spans.
    private func deliveries(to unit: UUID) async throws -> [ReportInbox.Delivery] {
        let campaigns = try await CampaignQueries.endingOnOrAfter(today.adding(days: -120), on: sql)
        guard !campaigns.isEmpty else { return [] }
        let staffed = try await RecipientStore(sql: sql).staffedUnits()
        var expected: [(unit: UUID, period: ReportPeriod)] = []
        var seen = Set<String>()
        for campaign in campaigns
        where ReportDelivery.receiver(of: campaign.orgUnitId, in: tree, staffed: staffed) == unit {
            let schedule = campaign.schedule
            for cadence in campaign.cadenceList {
                let period = ReportDelivery.lastDue(cadence.periodKind, before: today)
                guard period.start <= schedule.endsOn, period.end >= schedule.startsOn,
                    seen.insert("\(campaign.orgUnitId)/\(period.key)").inserted
                else { continue }
                expected.append((campaign.orgUnitId, period))
            }
        }
        guard !expected.isEmpty else { return [] }
        struct Row: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let periodKey: String
            let state: String
            let issuedAt: Date?
        }
        let rows = try await sql.raw(
            """
            SELECT id, org_unit_id, period_key, state, issued_at FROM reports
            WHERE org_unit_id IN (\(binds: Array(Set(expected.map(\.unit)))))
              AND period_key IN (\(binds: Array(Set(expected.map(\.period.key)))))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let issued = Dictionary(
            rows.filter { $0.state == StoredReport.State.issued.rawValue }.map {
                ("\($0.orgUnitId)/\($0.periodKey)", $0)
            },
            uniquingKeysWith: { first, _ in first })
        return expected.map { unit, period in
            let report = issued["\(unit)/\(period.key)"]
            return ReportInbox.Delivery(
                unitId: unit, unitName: tree[unit]?.name ?? "—", kind: period.kind.rawValue,
                kindName: period.kind.reportName, periodKey: period.key, periodName: period.chineseName,
                dueOn: period.dueDate.iso,
                status: ReportDelivery.status(
                    dueOn: period.dueDate, issuedOn: report?.issuedAt.map { LocalDate($0, in: .chinaStandard) }),
                reportId: report?.id, issuedAt: report?.issuedAt)
        }.sorted {
            ($0.status == .missing ? 0 : 1, $0.unitName, $0.kind) < (
                $1.status == .missing ? 0 : 1, $1.unitName, $1.kind
            )
        }
    }
}
