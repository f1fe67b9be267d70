import Fluent
import Foundation
import JieyouApp
import JieyouDomain
import SQLKit
import Vapor

/// Puts a province's field work straight into the database, as years of use would leave it: resident
/// cadres in every park and a million visits with their cadres. It writes through the app's own
/// database configuration and drivers, so ids, days and timestamps are stored exactly as the app
/// stores them; only the per-row service checks and events are skipped (they are not what coverage
/// reads).
struct FieldWorkSeeder {
    let workspace: Workspace

    struct Result {
        let cadres: Int
        let visits: Int
        let visitCadres: Int
        let visitedEnterprises: Int
        let seconds: Double
    }

    /// Seeds `cadresPerPark` cadres in each park and `visits` visits to 90 % of the enterprises, on days
    /// spread evenly over `days`; a quarter of the visits are made by two cadres.
    func seed(visits: Int, cadresPerPark: Int, days: [LocalDate]) async throws -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let app = try await Application.make(Environment(name: "production", arguments: ["jieyou-bench"]))
        do {
            try await configure(app, try AppConfiguration.fromEnvironment(workspace.environment))
            try await app.openDatabase()
            let result = try await seed(
                on: app.db, visits: visits, cadresPerPark: cadresPerPark, days: days, start: start)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private func seed(
        on database: any Database, visits total: Int, cadresPerPark: Int, days: [LocalDate], start: UInt64
    ) async throws -> Result {
        let sql = database.sql
        struct Unit: Decodable { let id: UUID }
        struct Enterprise: Decodable {
            let id: UUID
            let orgUnitId: UUID
        }
        let parks = try await sql.raw("SELECT id FROM org_units WHERE level = 'park' ORDER BY code").all(
            decoding: Unit.self
        ).map(\.id)
        let enterprises = try await sql.raw("SELECT id, org_unit_id FROM enterprises ORDER BY credit_code").all(
            decoding: Enterprise.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard
            let hash = try await sql.raw("SELECT password_hash FROM users WHERE username = 'gx_cadre'").first()?
                .decode(column: "password_hash", as: String.self)
        else { throw BenchError("the demo's gx_cadre is missing") }

        var random = SeededRandom(seed: 2026_0904)
        let now = Date()
        var cadresByPark: [UUID: [UUID]] = [:]
        var cadreRows: [[any SQLExpression]] = []
        for (p, park) in parks.enumerated() {
            for n in 0..<cadresPerPark {
                let id = UUID()
                cadresByPark[park, default: []].append(id)
                let name =
                    String(EnterpriseListFile.surnames[random.next(EnterpriseListFile.surnames.count)])
                    + EnterpriseListFile.givenNames[random.next(EnterpriseListFile.givenNames.count)]
                cadreRows.append([
                    SQLBind(id), SQLBind("bench_cadre_\(p)_\(n)"), SQLBind(hash), SQLBind(name), SQLBind(",cadre,"),
                    SQLBind(park), SQLBind(true), SQLBind(0), SQLBind(now), SQLBind(now),
                ])
            }
        }
        try await bulkInsert(
            into: "users",
            columns: [
                "id", "username", "password_hash", "display_name", "roles", "org_unit_id", "active", "failed_logins",
                "created_at", "updated_at",
            ], rows: cadreRows, on: sql)

        // Nine in ten enterprises are visited; which ones is fixed by the seed.
        let visited = enterprises.filter { _ in random.next(10) != 0 }
        var visitRows: [[any SQLExpression]] = []
        var cadreLinks: [[any SQLExpression]] = []
        var linkCount = 0
        let purposes = VisitPurpose.allCases.map(\.rawValue)
        for i in 0..<total {
            let enterprise = visited[random.next(visited.count)]
            let team = cadresByPark[enterprise.orgUnitId] ?? cadresByPark[parks[0]]!
            let day = days[i * days.count / total].iso
            let id = UUID()
            let cadre = team[random.next(team.count)]
            visitRows.append([
                SQLBind(id), SQLBind(enterprise.orgUnitId), SQLBind(enterprise.id), SQLBind(day),
                SQLBind(purposes[random.next(purposes.count)]), SQLBind(cadre), SQLBind(now),
            ])
            cadreLinks.append([SQLBind(UUID()), SQLBind(id), SQLBind(cadre), SQLBind(enterprise.id), SQLBind(day)])
            let second = team[random.next(team.count)]
            if random.next(4) == 0 && second != cadre {
                cadreLinks.append([SQLBind(UUID()), SQLBind(id), SQLBind(second), SQLBind(enterprise.id), SQLBind(day)])
            }
            if visitRows.count == 50_000 || i == total - 1 {
                let visitBatch = visitRows
                let linkBatch = cadreLinks
                try await database.transaction { db in
                    let tx = db.sql
                    try await bulkInsert(
                        into: "visits",
                        columns: [
                            "id", "org_unit_id", "enterprise_id", "visited_on", "purposes", "recorded_by", "created_at",
                        ], rows: visitBatch, on: tx)
                    try await bulkInsert(
                        into: "visit_cadres", columns: ["id", "visit_id", "user_id", "enterprise_id", "visited_on"],
                        rows: linkBatch, on: tx)
                }
                linkCount += cadreLinks.count
                visitRows.removeAll(keepingCapacity: true)
                cadreLinks.removeAll(keepingCapacity: true)
                step("visits: \(i + 1) of \(total)")
            }
        }
        // PostgreSQL's autovacuum would analyze tables this size soon after; do it now. SQLite keeps no
        // statistics unless asked, and the app does not ask, so it is measured without them.
        if sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE").run() }
        return Result(
            cadres: cadreRows.count, visits: total, visitCadres: linkCount,
            visitedEnterprises: Set(visited.map(\.id)).count, seconds: milliseconds(since: start) / 1000)
    }

}
