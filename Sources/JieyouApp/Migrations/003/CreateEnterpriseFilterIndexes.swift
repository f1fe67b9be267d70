import Fluent
import SQLKit

/// Indexes for the registry's region and industry filters. Without them a filter such as
/// 规上 + a tag + a city counted its matches by reading all 200,000 enterprises (221 ms on SQLite).
/// The region index also holds scale, unit and id, so that such a count reads the index alone
/// (9 ms in SQLite's shell), the tag check included; a city is what people filter by most.
struct CreateEnterpriseFilterIndexes: AsyncMigration {
    var name: String { "003_CreateEnterpriseFilterIndexes" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "enterprises_region_idx").on("enterprises").column("region_code")
            .column("scale").column("org_unit_id").column("id").run()
        try await sql.create(index: "enterprises_industry_idx").on("enterprises").column("industry_code").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "enterprises_region_idx").run()
        try await sql.drop(index: "enterprises_industry_idx").run()
    }
}
