import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// What an import did.
struct EnterpriseImportReport: Codable, Sendable {
    /// Enterprises read from the sheet.
    let rows: Int
    let created: Int
    let updated: Int
    /// Rows whose enterprise was already registered exactly as the sheet says.
    let unchanged: Int
    /// `xlsx` or `csv`
    let format: String
    /// For CSV: `utf8` or `gb18030`.
    let encoding: String?
}

/// Imports an enterprise list (企业名单) from `.xlsx` or `.csv`: all or nothing. Every row is checked
/// first; if any row is bad, nothing is written and every bad row and column is reported. A credit
/// code already registered updates that enterprise instead of adding a second one.
struct EnterpriseImport {
    /// From this many new rows on, an import refreshes the planner's statistics before it returns.
    static let bulkRows = 1_000
    /// SQLite's page cache for a bulk import's transaction, in KiB. With the default 2 MB, one
    /// transaction writing 200,000 rows into eight indexes spilled and re-read its pages through the
    /// WAL all along: a third of the import's time went to system calls.
    static let bulkCacheKiB = 65_536

    let database: any Database
    let now: Date
    /// Who imports (nil: the command line); the events carry it.
    let actorID: UUID?
    /// Units the importer may write to (its subtree).
    let writableUnits: Set<UUID>
    var logger = Logger(label: "jieyou.import")
    /// Runs after a bulk import has committed. Its failure is logged, not reported: the rows are
    /// written, and the hourly `PRAGMA optimize` (or autovacuum) catches up on the statistics.
    var refreshStatistics: @Sendable (any Database) async throws -> Void = {
        try await PlannerStatistics.refresh(after: ["enterprises", "enterprise_tags"], on: $0)
    }

    func run(file url: URL, into targetUnit: UUID) async throws -> EnterpriseImportReport {
        let tree = try await OrgDirectory.tree(on: database)
        guard writableUnits.contains(targetUnit) else { throw AppError.notFound("导入目标单位") }
        let table = try TableFile.uploaded(url)
        let (good, errorLimit) = try await read(table, tree: tree)
        let existing = try await Self.existing(codes: good.map(\.values.creditCode), on: database.sql)
        try checkOwners(good, existing: existing, errorLimit: errorLimit)
        let tally = Tally(good, existing: existing, target: targetUnit)
        try await write(good, existing: existing, target: targetUnit, tally: tally, tree: tree)
        if tally.created >= Self.bulkRows {
            do {
                try await refreshStatistics(database)
            } catch {
                logger.warning("Planner statistics not refreshed after the import: \(String(reflecting: error))")
            }
        }
        return EnterpriseImportReport(
            rows: good.count, created: tally.created, updated: tally.updated, unchanged: tally.unchanged,
            format: table.format.rawValue, encoding: table.encoding?.rawValue)
    }

    /// Every row of the sheet, checked, and how many errors a refusal lists; any bad row refuses the
    /// whole file with every bad cell named.
    private func read(_ table: TableFile, tree: OrgTree) async throws -> (rows: [EnterpriseSheet.Row], errorLimit: Int)
    {
        let knownTags = Set(try await TagStore.names(on: database.sql))
        let unitsByName = Self.unitNames(tree: tree, units: writableUnits)
        var sheet = EnterpriseSheet(knownTags: knownTags) { unitsByName[$0] }
        var good: [EnterpriseSheet.Row] = []
        try table.forEachUploadedRow { number, cells in
            if let row = sheet.read(row: number, cells: cells) { good.append(row) }
        }
        sheet.finish(rowsRead: good.count)
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }
        return (good, sheet.errorLimit)
    }

    /// A credit code another unit registered cannot be imported here.
    private func checkOwners(_ rows: [EnterpriseSheet.Row], existing: [String: StoredEnterprise], errorLimit: Int)
        throws
    {
        var errors: [SheetError] = []
        for row in rows {
            if let stored = existing[row.values.creditCode], !writableUnits.contains(stored.row.orgUnitId) {
                errors.append(
                    SheetError(
                        row: row.row, column: nil, header: nil,
                        message: "统一社会信用代码\(row.values.creditCode)已由其他单位登记（\(stored.row.name)），不能在此导入"))
            }
        }
        if !errors.isEmpty { throw AppError.sheet(Array(errors.prefix(errorLimit)), count: errors.count) }
    }

    /// What the rows will do, counted before the transaction: the rows themselves are planned again
    /// chunk by chunk inside it, so that they are never held twice (a 200,000-row import stays under
    /// 300 MB).
    private struct Tally {
        var created = 0
        var updated = 0
        var unchanged = 0
        /// Registered enterprises whose park, scale or tags change, which may move them in or out of a
        /// campaign; new enterprises have no visits yet, so they change no coverage.
        var rescoped: [UUID] = []
        var rescopedUnits: Set<UUID> = []

        init(_ rows: [EnterpriseSheet.Row], existing: [String: StoredEnterprise], target: UUID) {
            for row in rows {
                switch EnterpriseImport.plan(row, existing: existing, target: target) {
                case .create: created += 1
                case .unchanged: unchanged += 1
                case .update(let stored, let unit):
                    updated += 1
                    if CoverageTallies.scopeMayChange(
                        from: stored.values, at: stored.row.orgUnitId, to: row.values, at: unit)
                    {
                        rescoped.append(stored.row.id)
                        rescopedUnits.formUnion([stored.row.orgUnitId, unit])
                    }
                }
            }
        }
    }

    /// One transaction: the rows in chunks, with the coverage tallies of the campaigns they may move
    /// recounted around them.
    private func write(
        _ rows: [EnterpriseSheet.Row], existing: [String: StoredEnterprise], target: UUID, tally: Tally, tree: OrgTree
    ) async throws {
        let now = now
        let bulk = tally.created + tally.updated >= Self.bulkRows
        try await database.writing(actorID: actorID, now: now) { tx, log in
            let sql = tx.sql
            let campaigns = try await CoverageTallies.campaigns(over: tally.rescopedUnits, tree: tree, on: sql)
            let largeCache = bulk && sql.dialect.name == "sqlite"
            if largeCache { try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-Self.bulkCacheKiB))").run() }
            try await CoverageTallies.around(tally.rescoped, campaigns: campaigns, tree: tree, on: sql) {
                for chunk in rows.chunked(into: 2_000) {
                    var inserts: [(row: EnterpriseRow, values: EnterpriseValues)] = []
                    var updates: [(stored: StoredEnterprise, unit: UUID, values: EnterpriseValues)] = []
                    for row in chunk {
                        switch Self.plan(row, existing: existing, target: target) {
                        case .create(let unit):
                            inserts.append(
                                (EnterpriseRow(id: UUID(), orgUnitID: unit, values: row.values, now: now), row.values))
                        case .update(let stored, let unit): updates.append((stored, unit, row.values))
                        case .unchanged: break
                        }
                    }
                    try await Self.write(inserts: inserts, updates: updates, now: now, on: sql, log: log)
                }
            }
            if largeCache { try await sql.raw("PRAGMA cache_size = -2000").run() }
        }
    }

    private enum Plan {
        case create(unit: UUID)
        case update(StoredEnterprise, unit: UUID)
        case unchanged
    }

    /// A new credit code creates; a registered one updates, unless the sheet says exactly what is
    /// stored already.
    private static func plan(_ row: EnterpriseSheet.Row, existing: [String: StoredEnterprise], target: UUID) -> Plan {
        let unit = row.parkID ?? target
        guard let stored = existing[row.values.creditCode] else { return .create(unit: unit) }
        return stored.values == row.values && stored.row.orgUnitId == unit ? .unchanged : .update(stored, unit: unit)
    }

    /// The rows and their events, inside the import's transaction.
    private static func write(
        inserts pendingInserts: [(row: EnterpriseRow, values: EnterpriseValues)],
        updates pendingUpdates: [(stored: StoredEnterprise, unit: UUID, values: EnterpriseValues)], now: Date,
        on sql: any SQLDatabase, log: AuditLog
    ) async throws {
        try await EnterpriseWriter.insert(pendingInserts, on: sql)
        for item in pendingInserts {
            var audit = item.values.auditValues
            audit["orgUnitId"] = item.row.orgUnitId.uuidString
            try await log.record(
                "enterprise", id: item.row.id.uuidString, "import.create", .created(audit),
                orgUnit: item.row.orgUnitId)
        }
        for item in pendingUpdates {
            let id = item.stored.row.id
            try await EnterpriseWriter.update(id, orgUnitID: item.unit, values: item.values, now: now, on: sql)
            var before = item.stored.values.auditValues
            before["orgUnitId"] = item.stored.row.orgUnitId.uuidString
            var after = item.values.auditValues
            after["orgUnitId"] = item.unit.uuidString
            try await log.record(
                "enterprise", id: id.uuidString, "import.update", .diff(before, after), orgUnit: item.unit)
        }
        try await EnterpriseWriter.replaceChildren(pendingUpdates.map { ($0.stored.row.id, $0.values) }, on: sql)
    }

    /// Units a 所属园区 cell may name: by name (`长沙高新区`) or by full path.
    static func unitNames(tree: OrgTree, units: Set<UUID>) -> [String: UUID] {
        var names: [String: UUID] = [:]
        for id in units {
            guard let node = tree[id] else { continue }
            names[node.name] = id
            names[tree.pathName(of: id)] = id
        }
        return names
    }

    /// The enterprises already registered under these codes.
    static func existing(codes: [String], on sql: any SQLDatabase) async throws -> [String: StoredEnterprise] {
        var result: [String: StoredEnterprise] = [:]
        for batch in codes.chunked(into: 500) {
            let rows = try await sql.select().columns(EnterpriseRow.columns.map { SQLColumn($0) }).from("enterprises")
                .where("credit_code", .in, SQLBind.group(Array(batch)))
                .all(decoding: EnterpriseRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
            guard !rows.isEmpty else { continue }
            let ids = rows.map(\.id)
            var tags: [UUID: [String]] = [:]
            for row in try await sql.raw(
                "SELECT enterprise_id, tag FROM enterprise_tags WHERE enterprise_id IN (\(binds: ids)) ORDER BY tag"
            ).all() {
                tags[try row.decode(column: "enterprise_id", as: UUID.self), default: []].append(
                    try row.decode(column: "tag", as: String.self))
            }
            struct ContactRow: Decodable {
                let enterpriseId: UUID
                let name: String
                let post: String?
                let phone: String?
            }
            var contacts: [UUID: [EnterpriseContact]] = [:]
            for c in try await sql.raw(
                """
                SELECT enterprise_id, name, post, phone FROM enterprise_contacts WHERE enterprise_id IN (\(binds: ids))
                ORDER BY position
                """
            ).all(decoding: ContactRow.self, keyDecodingStrategy: ColumnNames.snakeCase) {
                contacts[c.enterpriseId, default: []].append(
                    EnterpriseContact(name: c.name, post: c.post, phone: c.phone))
            }
            for row in rows {
                result[row.creditCode] = StoredEnterprise(
                    row: row, tags: (tags[row.id] ?? []).sorted(), contacts: contacts[row.id] ?? [])
            }
        }
        return result
    }
}
