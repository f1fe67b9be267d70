import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// 报送 (issue 25): the unit an issued report went to (`submitted_to`: the nearest unit above with a
/// task force) and when someone there marked it 已阅. Reports issued before this migration are given
/// their receiver from the tree and the people as they stand now.
struct TrackReportDelivery: AsyncMigration {
    var name: String { "015_TrackReportDelivery" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("reports").field("submitted_to", .uuid).update()
        try await database.schema("reports").field("read_at", .datetime).update()
        try await database.schema("reports").field("read_by", .uuid).update()
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let staffed = try await RecipientStore(sql: sql).staffedUnits()
        let issued = try await sql.raw("SELECT id, org_unit_id FROM reports WHERE state = 'issued'").all()
        for row in issued {
            let id = try row.decode(column: "id", as: UUID.self)
            let unit = try row.decode(column: "org_unit_id", as: UUID.self)
            guard let receiver = ReportDelivery.receiver(of: unit, in: tree, staffed: staffed) else { continue }
            try await sql.raw("UPDATE reports SET submitted_to = \(bind: receiver) WHERE id = \(bind: id)").run()
        }
        // The inbox's question: what reached this unit, latest first.
        try await sql.create(index: "reports_submitted_idx").on("reports").column("submitted_to").column("issued_at")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "reports_submitted_idx").run()
        for column in ["read_by", "read_at", "submitted_to"] {
            try await database.schema("reports").deleteField(.string(column)).update()
        }
    }
}
