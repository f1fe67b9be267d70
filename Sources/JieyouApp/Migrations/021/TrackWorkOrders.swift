import Fluent
import SQLKit

/// A work order handed down by the 12345 hotline or the province's 营商环境 platform keeps its number
/// (工单编号) and platform on its problem: importing the sheet again finds it by number in the same
/// ledger and updates it instead of adding it twice, and the reply sheet goes back under the number.
struct TrackWorkOrders: AsyncMigration {
    var name: String { "021_TrackWorkOrders" }

    func prepare(on database: any Database) async throws {
        try await database.schema("problems").field("external_number", .string).update()
        try await database.schema("problems").field("external_platform", .string).update()
        // NULLs never collide, so problems without a number are not constrained.
        try await database.sql.create(index: "problems_external_number_idx").on("problems")
            .column("org_unit_id").column("external_number").unique().run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "problems_external_number_idx").run()
        try await database.schema("problems").deleteField("external_platform").update()
        try await database.schema("problems").deleteField("external_number").update()
    }
}
