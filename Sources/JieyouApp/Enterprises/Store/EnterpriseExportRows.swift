import Foundation
import JieyouDomain
import SQLKit

/// The registry's enterprises for an export: the list page's filters within the reader's reach, in
/// name order, a page at a time (keyset on name and id, never OFFSET), each page with its tags, its
/// first contact and its last visit read in three statements for the page.
enum EnterpriseExportRows {
    struct Row: Sendable {
        let row: EnterpriseRow
        let tags: [String]
        let contact: EnterpriseContact?
        let lastVisitedOn: String?
    }

    static func forEachPage(
        _ filter: EnterpriseFilter, reach: EnterpriseReach, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([Row]) async throws -> Void
    ) async throws {
        let columns = EnterpriseRow.columns.map { "e.\($0)" }.joined(separator: ", ")
        let pages = KeysetPages(key: SQLColumn("name", table: "e"), id: SQLColumn("id", table: "e"), size: size)
        try await pages.forEach(
            try EnterpriseSearch.conditions(filter, reach: reach, dialect: sql.dialect.name),
            read: { condition, limit in
                try await sql.raw(
                    """
                    SELECT \(unsafeRaw: columns) FROM enterprises e WHERE \(condition)
                    ORDER BY \(pages.order) LIMIT \(literal: limit)
                    """
                ).all(decoding: EnterpriseRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
            }, position: { ($0.name, $0.id) }
        ) { rows in
            let ids = rows.map(\.id)
            var tags: [UUID: [String]] = [:]
            for found in try await sql.raw(
                "SELECT enterprise_id, tag FROM enterprise_tags WHERE enterprise_id IN (\(binds: ids)) ORDER BY tag"
            ).all() {
                tags[try found.decode(column: "enterprise_id", as: UUID.self), default: []].append(
                    try found.decode(column: "tag", as: String.self))
            }
            struct Contact: Decodable {
                let enterpriseId: UUID
                let name: String
                let post: String?
                let phone: String?
            }
            var contacts: [UUID: EnterpriseContact] = [:]
            for contact in try await sql.raw(
                """
                SELECT enterprise_id, name, post, phone FROM enterprise_contacts
                WHERE enterprise_id IN (\(binds: ids)) ORDER BY position DESC
                """
            ).all(decoding: Contact.self, keyDecodingStrategy: ColumnNames.snakeCase) {
                // Ordered last to first, so the first contact is the one kept.
                contacts[contact.enterpriseId] = EnterpriseContact(
                    name: contact.name, post: contact.post, phone: contact.phone)
            }
            var visits: [UUID: String] = [:]
            for visit in try await sql.raw(
                """
                SELECT enterprise_id, MAX(visited_on) AS last FROM visits WHERE enterprise_id IN (\(binds: ids))
                GROUP BY enterprise_id
                """
            ).all() {
                visits[try visit.decode(column: "enterprise_id", as: UUID.self)] = try visit.decode(
                    column: "last", as: String?.self)
            }
            try await body(
                rows.map {
                    Row(row: $0, tags: tags[$0.id] ?? [], contact: contacts[$0.id], lastVisitedOn: visits[$0.id])
                })
        }
    }
}
