import Foundation
import JieyouDomain
import SQLKit

/// Writes a checked meeting inside the caller's transaction: the meeting, its attendance, its
/// outcomes, the 融资诉求 they move, the policies it delivered, and one event that sums it up.
struct MeetingWriter {
    let sql: any SQLDatabase
    let log: AuditLog
    let actor: Actor
    let now: Date
    let tree: OrgTree

    func write(_ meeting: CheckedMeeting) async throws -> UUID {
        try await insertMeeting(meeting)
        try await insertAttendance(meeting)
        for (enterprise, items) in Dictionary(grouping: meeting.findings, by: \.enterprise) {
            let owner = meeting.owners[enterprise]!
            try await FindingStore.insert(
                items.map { ($0.kind, $0.text) }, orgUnit: owner, enterpriseID: enterprise, visitID: nil,
                meetingID: meeting.id,
                campaigns: try await CoverageTallies.campaigns(over: [owner], day: meeting.day, tree: tree, on: sql),
                tree: tree, by: actor.userID, now: now, on: sql, log: log)
        }
        try await insertFinancings(meeting)
        // Each financing moves its enterprise's oldest open 融资诉求 (对接中, or 已放款 with a loan).
        for financing in meeting.financings {
            try await FinancingDemands.match(
                enterprise: financing.enterprise, bank: financing.bank, lentYuan: financing.lentYuan,
                meeting: meeting.id, on: meeting.day, now: now, sql: sql, log: log)
        }
        try await insertDeals(meeting)
        let briefed = try await deliverPolicies(meeting)
        try await log.record(
            "meeting", id: meeting.id.uuidString, "create", .created(auditValues(meeting, briefed: briefed)),
            orgUnit: meeting.unit)
        return meeting.id
    }

    private func insertMeeting(_ meeting: CheckedMeeting) async throws {
        try await sql.insert(into: "meetings")
            .columns(
                "id", "org_unit_id", "kind", "title", "held_on", "place", "department_id", "notes", "recorded_by",
                "created_at"
            )
            .values(
                SQLBind(meeting.id), SQLBind(meeting.unit), SQLBind(meeting.kind.rawValue), SQLBind(meeting.title),
                SQLBind(meeting.day.iso), SQLBind(meeting.place), SQLBind(meeting.department), SQLBind(meeting.notes),
                SQLBind(actor.userID), SQLBind(now)
            ).run()
    }

    private func insertAttendance(_ meeting: CheckedMeeting) async throws {
        for chunk in meeting.attending.chunked(into: 400) {
            var insert = sql.insert(into: "meeting_enterprises").columns("id", "meeting_id", "enterprise_id")
            for enterprise in chunk {
                insert = insert.values(SQLBind(UUID()), SQLBind(meeting.id), SQLBind(enterprise))
            }
            try await insert.run()
        }
    }

    private func insertFinancings(_ meeting: CheckedMeeting) async throws {
        for chunk in meeting.financings.chunked(into: 300) {
            var insert = sql.insert(into: "meeting_financings").columns(
                "id", "meeting_id", "enterprise_id", "bank", "intended_yuan", "lent_yuan")
            for item in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(meeting.id), SQLBind(item.enterprise), SQLBind(item.bank),
                    SQLBind(item.intendedYuan), SQLBind(item.lentYuan))
            }
            try await insert.run()
        }
    }

    private func insertDeals(_ meeting: CheckedMeeting) async throws {
        for chunk in meeting.deals.chunked(into: 300) {
            var insert = sql.insert(into: "meeting_deals").columns(
                "id", "meeting_id", "enterprise_id", "counterpart", "subject", "amount_yuan")
            for item in chunk {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(meeting.id), SQLBind(item.enterprise), SQLBind(item.counterpart),
                    SQLBind(item.subject), SQLBind(item.amountYuan))
            }
            try await insert.run()
        }
    }

    /// A policy reaches the attending enterprises within its own unit's subtree; returns how many
    /// deliveries were recorded.
    private func deliverPolicies(_ meeting: CheckedMeeting) async throws -> Int {
        var briefed = 0
        for policy in meeting.policies {
            let reached = meeting.attending.filter {
                meeting.owners[$0].map { tree.isWithin($0, subtreeOf: policy.orgUnitId) } ?? false
            }
            briefed += try await PolicyDeliveryService.insert(
                policy.id, enterprises: reached, owners: meeting.owners, channel: .briefing, on: meeting.day,
                meeting: meeting.id, by: actor, now: now, sql: sql, log: log)
        }
        return briefed
    }

    private func auditValues(_ meeting: CheckedMeeting, briefed: Int) -> [String: String?] {
        let intended = meeting.financings.reduce(Int64(0)) { $0 + $1.intendedYuan }
        let lent = meeting.financings.reduce(Int64(0)) { $0 + $1.lentYuan }
        return [
            "kind": meeting.kind.rawValue, "title": meeting.title, "heldOn": meeting.day.iso, "place": meeting.place,
            "departmentId": meeting.department?.uuidString, "notes": meeting.notes,
            "enterprises": "\(meeting.attending.count)家",
            "findings": meeting.findings.isEmpty
                ? nil : meeting.findings.map { "[\($0.kind.chineseName)]\($0.text)" }.joined(separator: "\n"),
            "financing": meeting.financings.isEmpty
                ? nil
                : "\(meeting.financings.count)笔，意向\(Money.wan(intended))万元，现场放款\(Money.wan(lent))万元",
            "deals": meeting.deals.isEmpty ? nil : "\(meeting.deals.count)项",
            "policies": meeting.policies.isEmpty
                ? nil : "\(meeting.policies.map { "《\($0.title)》" }.joined())，送达\(briefed)家次",
        ]
    }
}
