import Fluent
import Foundation
import JieyouApp
import JieyouDomain
import SQLKit
import Vapor

/// Puts a province's problem ledgers straight into the database, as a year of use would leave them:
/// departments in every park, and problems over the year in the mix a ledger has — most closed, the
/// recent ones open, some of the old ones still open and long overdue — each with its events. It
/// writes through the app's own database configuration and drivers, so ids, days and timestamps are
/// stored as the app stores them. The events are not hash-chained (`jieyou audit verify` would
/// report the first seeded one); the chain head is moved past them so the server appends after them.
struct ProblemSeeder {
    let workspace: Workspace

    struct Result {
        let problems: Int
        let events: Int
        let departments: Int
        let seconds: Double
        /// Problems of the measured park (长沙高新区), for the problem page.
        let parkSamples: [UUID]
        /// The measured park's department with the most problems, for the ledger filter.
        let busiestDepartment: UUID
    }

    static let departmentNames = [
        "经济发展局", "行政审批服务局", "住房和建设管理局", "科技创新办公室", "组织人事局", "财政局", "应急管理局", "生态环境分局",
        "税务局", "电力公司",
    ]
    /// 困难求助 and 政务服务 are most of what enterprises bring.
    static let categoryWeights: [(String, Int)] = [
        ("hardship", 35), ("governmentService", 30), ("breachOfTrust", 6), ("enforcement", 6),
        ("unfairCompetition", 3), ("forcedService", 3), ("extortion", 2), ("arbitraryCharges", 6),
        ("rightsInfringement", 5), ("opening", 4),
    ]
    static let texts = [
        "厂区周边道路破损，重型货车通行困难", "一线操作工缺口较大，希望协助招聘", "设备更新贷款贴息申报流程不清楚", "新建厂房不动产权证办理进度慢",
        "高峰时段限电影响连续生产", "出口退税到账周期较长", "环评批复与施工许可衔接不畅", "研发费用加计扣除政策适用口径不清",
    ]

    func seed(problems total: Int, eventsPerProblem: Int, days: [LocalDate], measuredPark: String) async throws
        -> Result
    {
        let start = DispatchTime.now().uptimeNanoseconds
        let app = try await Application.make(Environment(name: "production", arguments: ["jieyou-bench"]))
        do {
            try await configure(app, try AppConfiguration.fromEnvironment(workspace.environment))
            try await app.openDatabase()
            let result = try await seed(
                on: app.db, total: total, eventsPerProblem: eventsPerProblem, days: days, measuredPark: measuredPark,
                start: start)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// What `seed` returned, read back from a database an earlier run seeded and kept.
    func existing(measuredPark: String) async throws -> Result {
        let app = try await Application.make(Environment(name: "production", arguments: ["jieyou-bench"]))
        do {
            try await configure(app, try AppConfiguration.fromEnvironment(workspace.environment))
            try await app.openDatabase()
            let sql = app.db.sql
            func count(_ query: SQLQueryString) async throws -> Int {
                try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let park: SQLQueryString = "(SELECT id FROM org_units WHERE code = \(bind: measuredPark))"
            let samples = try await sql.raw(
                "SELECT id FROM problems WHERE org_unit_id = \(park) AND number LIKE '%-______' LIMIT 2000"
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard
                let busiest = try await sql.raw(
                    """
                    SELECT lead_department_id AS id FROM problems WHERE org_unit_id = \(park)
                      AND lead_department_id IS NOT NULL GROUP BY lead_department_id ORDER BY COUNT(*) DESC LIMIT 1
                    """
                ).first()?.decode(column: "id", as: UUID.self), !samples.isEmpty
            else { throw BenchError("\(workspace.databaseURL) holds no seeded problems") }
            let result = Result(
                problems: try await count("SELECT COUNT(*) AS n FROM problems"),
                events: try await count("SELECT COUNT(*) AS n FROM events"), departments: 0, seconds: 0,
                parkSamples: samples, busiestDepartment: busiest)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private struct Park: Decodable {
        let id: UUID
        let code: String
    }

    private struct Enterprise: Decodable {
        let id: UUID
        let orgUnitId: UUID
    }

    private func seed(
        on database: any Database, total: Int, eventsPerProblem: Int, days: [LocalDate], measuredPark: String,
        start: UInt64
    ) async throws -> Result {
        let sql = database.sql
        let parks = try await sql.raw("SELECT id, code FROM org_units WHERE level = 'park' ORDER BY code").all(
            decoding: Park.self)
        let enterprises = try await sql.raw("SELECT id, org_unit_id FROM enterprises ORDER BY credit_code").all(
            decoding: Enterprise.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard let measured = parks.first(where: { $0.code == measuredPark }) else {
            throw BenchError("park \(measuredPark) is missing")
        }
        guard
            let dispatcher = try await sql.raw("SELECT id FROM users WHERE username = 'gx_dispatcher'").first()?
                .decode(column: "id", as: UUID.self)
        else { throw BenchError("the demo's gx_dispatcher is missing") }

        // Departments: the demo's parks have theirs; the others get ten.
        let now = Date()
        var departments: [UUID: [UUID]] = [:]
        struct Department: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let kind: String
        }
        for d in try await sql.raw("SELECT id, org_unit_id, kind FROM departments").all(
            decoding: Department.self, keyDecodingStrategy: .convertFromSnakeCase)
        where d.kind != "workingGroup" {
            departments[d.orgUnitId, default: []].append(d.id)
        }
        var departmentRows: [[any SQLExpression]] = []
        for park in parks where departments[park.id] == nil {
            for name in Self.departmentNames {
                let id = UUID()
                departments[park.id, default: []].append(id)
                departmentRows.append([
                    SQLBind(id), SQLBind(park.id), SQLBind(name), SQLBind("bureau"), SQLBind(true), SQLBind(now),
                    SQLBind(now),
                ])
            }
        }
        try await bulkInsert(
            into: "departments",
            columns: ["id", "org_unit_id", "name", "kind", "active", "created_at", "updated_at"], rows: departmentRows,
            on: sql)

        var random = SeededRandom(seed: 2024_0216)
        let categories = Self.categoryWeights.flatMap { Array(repeating: $0.0, count: $0.1) }
        let codeOf = Dictionary(uniqueKeysWithValues: parks.map { ($0.id, $0.code) })
        let today = days.last!.adding(days: 1)
        var counters: [String: Int] = [:]  // "unit|year"
        var sequence =
            try await sql.raw("SELECT last_sequence FROM event_chain_head WHERE id = 1").first()?
            .decode(column: "last_sequence", as: Int64.self) ?? 0
        let fakeHash = String(repeating: "b", count: 64)
        var problemRows: [[any SQLExpression]] = []
        var eventRows: [[any SQLExpression]] = []
        var samples: [UUID] = []
        var perDepartment: [UUID: Int] = [:]
        var eventCount = 0
        for i in 0..<total {
            let enterprise = enterprises[random.next(enterprises.count)]
            let unit = enterprise.orgUnitId
            let day = days[i * days.count / total]
            let age = day.days(until: today)
            let id = UUID()
            let year = day.year
            let key = "\(unit)|\(year)"
            counters[key, default: 0] += 1
            let number = "\(codeOf[unit] ?? "P")-\(year)-" + String(format: "%06d", counters[key]!)
            let isSuggestion = random.next(100) < 12
            let category = categories[random.next(categories.count)]
            let department = departments[unit].flatMap { $0.isEmpty ? nil : $0[random.next($0.count)] }
            // Recent problems are mostly open; of the older ones, a few are still open (and overdue).
            let roll = random.next(100)
            let state: ProblemState =
                if age <= 14 {
                    roll < 70
                        ? [
                            .submitted, .accepted, .assigned, .inProgress, .inProgress, .inProgress, .returned,
                            .ongoing,
                        ][
                            random.next(8)] : .resolved
                } else {
                    roll < 6 ? .inProgress : roll < 8 ? .ongoing : roll < 12 ? .rejected : roll < 13 ? .merged : .closed
                }
            let screened = [ProblemState.submitted].contains(state) ? nil : day.adding(days: random.next(2))
            let assigned: LocalDate? =
                [.submitted, .accepted, .rejected, .merged].contains(state) ? nil : screened
            let lead = assigned == nil && state != .returned ? nil : department
            let limit = category == "hardship" || category == "governmentService" ? 7 : 14
            let deadline = assigned.map { $0.adding(days: limit) }
            let resolved: LocalDate? =
                [.resolved, .closed].contains(state)
                ? assigned.map { $0.adding(days: 2 + random.next(limit + 4)) } : nil
            let closed = state == .closed ? resolved.map { $0.adding(days: 1 + random.next(3)) } : nil
            let satisfaction: String? =
                state == .closed ? (random.next(10) < 8 ? "satisfied" : "basicallySatisfied") : nil
            let resultKind: String? =
                resolved == nil ? nil : isSuggestion ? (random.next(3) < 2 ? "adopted" : "notAdopted") : "solved"
            let created = Date(
                timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 3_600 + random.next(28_800)))
            if let lead { perDepartment[lead, default: 0] += unit == measured.id ? 1 : 0 }
            if unit == measured.id && samples.count < 2_000 { samples.append(id) }
            problemRows.append([
                SQLBind(id), SQLBind(unit), SQLBind(number), SQLBind(enterprise.id),
                SQLBind(isSuggestion ? "suggestion" : "problem"), SQLBind(category), SQLBind("visit"),
                SQLBind(Self.texts[random.next(Self.texts.count)]), SQLBind(state.rawValue), SQLBind(lead),
                SQLBind(day.iso), SQLBind(day.adding(days: 1).iso), SQLBind(screened?.iso), SQLBind(assigned?.iso),
                SQLBind(assigned?.adding(days: 1).iso), SQLBind(assigned?.adding(days: random.next(3)).iso),
                SQLBind(deadline?.iso), SQLBind(resolved?.iso), SQLBind(resolved?.adding(days: 3).iso),
                SQLBind(satisfaction), SQLBind(closed?.iso), SQLBind(resolved == nil ? nil : "已协调办理"),
                SQLBind(resultKind), SQLBind(0), SQLBind(0), SQLBind(""), SQLBind(false), SQLBind(0), SQLBind(1),
                SQLBind(created), SQLBind(created),
            ])
            let steps =
                state == .closed
                ? ["submit", "accept", "assign", "resolve", "close"]
                : ["submit", "accept", "assign", "sign", "progress"]
            for n in 0..<eventsPerProblem {
                sequence += 1
                let action = n < steps.count ? steps[n] : "progress"
                let at = Int64(created.timeIntervalSince1970 * 1000) + Int64(n) * 3_600_000
                eventRows.append([
                    SQLBind(sequence), SQLBind(at), SQLBind(dispatcher), SQLBind(unit), SQLBind("problem"),
                    SQLBind(id.uuidString), SQLBind(action), SQLBind("{\"state\":{\"after\":\"\(state.rawValue)\"}}"),
                    SQLBind(fakeHash), SQLBind(fakeHash),
                ])
            }
            if problemRows.count == 20_000 || i == total - 1 {
                let problemBatch = problemRows
                let eventBatch = eventRows
                let last = sequence
                try await database.transaction { db in
                    let tx = db.sql
                    try await bulkInsert(
                        into: "problems",
                        columns: [
                            "id", "org_unit_id", "number", "enterprise_id", "kind", "category_code", "source",
                            "description", "state", "lead_department_id", "submitted_on", "accept_by", "screened_on",
                            "assigned_on", "sign_by", "signed_on", "deadline", "resolved_on", "revisit_by",
                            "satisfaction", "closed_on", "result", "result_kind", "return_count", "reopen_count",
                            "flags",
                            "reporter_hidden", "overdue_count", "version", "created_at", "updated_at",
                        ], rows: problemBatch, on: tx)
                    try await bulkInsert(
                        into: "events",
                        columns: [
                            "sequence", "occurred_at_ms", "actor_id", "org_unit_id", "entity_type", "entity_id",
                            "action",
                            "changes", "previous_hash", "hash",
                        ], rows: eventBatch, rowsPerStatement: 1_000, on: tx)
                    try await tx.raw(
                        "UPDATE event_chain_head SET last_sequence = \(bind: last), last_hash = \(bind: fakeHash) WHERE id = 1"
                    ).run()
                }
                eventCount += eventRows.count
                problemRows.removeAll(keepingCapacity: true)
                eventRows.removeAll(keepingCapacity: true)
                step("problems: \(i + 1) of \(total)")
            }
        }
        // The numbers the app hands out next continue after the seeded ones.
        for (key, last) in counters {
            let parts = key.split(separator: "|")
            try await sql.raw(
                """
                INSERT INTO problem_counters (org_unit_id, year, last)
                VALUES (\(bind: UUID(uuidString: String(parts[0]))!), \(bind: Int(parts[1])!), \(bind: last))
                ON CONFLICT (org_unit_id, year) DO UPDATE SET last = problem_counters.last + \(bind: last)
                """
            ).run()
        }
        // What autovacuum would have done by the time a province has a year of problems: statistics,
        // and the visibility map that lets index-only scans skip the table.
        if sql.dialect.name == "postgresql" { try await sql.raw("VACUUM ANALYZE").run() }
        guard let busiest = perDepartment.max(by: { $0.value < $1.value })?.key else {
            throw BenchError("no problem was assigned in \(measuredPark)")
        }
        return Result(
            problems: total, events: eventCount, departments: departmentRows.count,
            seconds: milliseconds(since: start) / 1000, parkSamples: samples, busiestDepartment: busiest)
    }
}
