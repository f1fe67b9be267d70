import Foundation
import JieyouDomain
import SQLKit

/// The `enterprises` row as SQLKit reads and writes it (snake_case columns). The registry is read in
/// bulk (lists, search, import), where plain Codable rows cost a fraction of Fluent models.
struct EnterpriseRow: Codable, Sendable {
    var id: UUID
    var orgUnitId: UUID
    var creditCode: String
    var name: String
    var industryCode: String?
    var regionCode: String?
    var scale: String?
    var relatedInfo: String?
    var whitelisted: Bool
    var registeredOn: String?
    var revenueFen: Int64?
    var employees: Int?
    var createdAt: Date?
    var updatedAt: Date?

    init(id: UUID, orgUnitID: UUID, values: EnterpriseValues, now: Date) {
        self.id = id
        self.orgUnitId = orgUnitID
        creditCode = values.creditCode
        name = values.name
        industryCode = values.industryCode
        regionCode = values.regionCode
        scale = values.scale?.rawValue
        relatedInfo = values.relatedInfo
        whitelisted = values.whitelisted
        registeredOn = values.registeredOn?.iso
        revenueFen = values.revenue?.fen
        employees = values.employees
        createdAt = now
        updatedAt = now
    }

    static let columns = [
        "id", "org_unit_id", "credit_code", "name", "industry_code", "region_code", "scale", "related_info",
        "whitelisted", "registered_on", "revenue_fen", "employees", "created_at", "updated_at",
    ]

    var binds: [any SQLExpression] {
        [
            SQLBind(id), SQLBind(orgUnitId), SQLBind(creditCode), SQLBind(name), SQLBind(industryCode),
            SQLBind(regionCode), SQLBind(scale), SQLBind(relatedInfo), SQLBind(whitelisted), SQLBind(registeredOn),
            SQLBind(revenueFen), SQLBind(employees), SQLBind(createdAt),
            SQLBind(updatedAt),
        ]
    }
}

/// An enterprise with its tags and contacts, as stored.
struct StoredEnterprise: Sendable {
    let row: EnterpriseRow
    let tags: [String]
    let contacts: [EnterpriseContact]

    var values: EnterpriseValues {
        EnterpriseValues(
            creditCode: row.creditCode, name: row.name, industryCode: row.industryCode, regionCode: row.regionCode,
            scale: row.scale.flatMap(EnterpriseScale.init(rawValue:)), tags: tags, relatedInfo: row.relatedInfo,
            whitelisted: row.whitelisted, contacts: contacts,
            registeredOn: row.registeredOn.flatMap(LocalDate.init(iso:)),
            revenue: row.revenueFen.map(Amount.init(fen:)),
            employees: row.employees)
    }

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> StoredEnterprise? {
        guard
            let row = try await sql.select().columns(EnterpriseRow.columns.map { SQLColumn($0) })
                .from("enterprises").where("id", .equal, SQLBind(id))
                .first(decoding: EnterpriseRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
        else { return nil }
        let tags = try await sql.raw("SELECT tag FROM enterprise_tags WHERE enterprise_id = \(bind: id) ORDER BY tag")
            .all().map { try $0.decode(column: "tag", as: String.self) }.sorted()
        let contacts = try await sql.raw(
            "SELECT name, post, phone FROM enterprise_contacts WHERE enterprise_id = \(bind: id) ORDER BY position"
        ).all(decoding: EnterpriseContact.self)
        return StoredEnterprise(row: row, tags: tags, contacts: contacts)
    }
}

/// Writes an enterprise's rows: the enterprise itself, its tags and its contacts. Used by the forms
/// and by the importer, which batches many enterprises into each statement.
enum EnterpriseWriter {
    static let batchSize = 400

    static func insert(_ rows: [(row: EnterpriseRow, values: EnterpriseValues)], on sql: any SQLDatabase) async throws {
        for batch in rows.chunked(into: batchSize) {
            var insert = sql.insert(into: "enterprises").columns(EnterpriseRow.columns)
            for item in batch { insert = insert.values(item.row.binds) }
            try await insert.run()
        }
        try await insertChildren(rows.map { ($0.row.id, $0.values) }, on: sql)
    }

    /// Replaces the tags and contacts of enterprises that already exist.
    static func replaceChildren(_ items: [(id: UUID, values: EnterpriseValues)], on sql: any SQLDatabase) async throws {
        for batch in items.chunked(into: batchSize) {
            let ids = batch.map(\.id)
            try await sql.delete(from: "enterprise_tags").where("enterprise_id", .in, SQLBind.group(ids)).run()
            try await sql.delete(from: "enterprise_contacts").where("enterprise_id", .in, SQLBind.group(ids)).run()
        }
        try await insertChildren(items, on: sql)
    }

    private static func insertChildren(_ items: [(id: UUID, values: EnterpriseValues)], on sql: any SQLDatabase)
        async throws
    {
        let tags = items.flatMap { item in item.values.tags.map { (item.id, $0) } }
        for batch in tags.chunked(into: batchSize) {
            var insert = sql.insert(into: "enterprise_tags").columns("id", "enterprise_id", "tag")
            for (id, tag) in batch { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(tag)) }
            try await insert.run()
        }
        let contacts = items.flatMap { item in
            item.values.contacts.enumerated().map { (item.id, $0.offset, $0.element) }
        }
        for batch in contacts.chunked(into: batchSize) {
            var insert = sql.insert(into: "enterprise_contacts").columns(
                "id", "enterprise_id", "position", "name", "post", "phone")
            for (id, position, c) in batch {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(position), SQLBind(c.name), SQLBind(c.post), SQLBind(c.phone))
            }
            try await insert.run()
        }
    }

    /// Updates the enterprise row's own columns.
    static func update(_ id: UUID, orgUnitID: UUID, values: EnterpriseValues, now: Date, on sql: any SQLDatabase)
        async throws
    {
        try await sql.update("enterprises")
            .set("org_unit_id", to: SQLBind(orgUnitID))
            .set("credit_code", to: SQLBind(values.creditCode))
            .set("name", to: SQLBind(values.name))
            .set("industry_code", to: SQLBind(values.industryCode))
            .set("region_code", to: SQLBind(values.regionCode))
            .set("scale", to: SQLBind(values.scale?.rawValue))
            .set("related_info", to: SQLBind(values.relatedInfo))
            .set("registered_on", to: SQLBind(values.registeredOn?.iso))
            .set("revenue_fen", to: SQLBind(values.revenue?.fen))
            .set("employees", to: SQLBind(values.employees))
            .set("whitelisted", to: SQLBind(values.whitelisted))
            .set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id))
            .run()
    }
}

/// The names of the tags admins may attach (built-in and added).
enum TagStore {
    static func names(on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT name FROM tags ORDER BY built_in DESC, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }
}
