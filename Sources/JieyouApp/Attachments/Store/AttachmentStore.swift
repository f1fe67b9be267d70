import Foundation
import JieyouDomain
import SQLKit

/// One stored attachment as lists show it.
struct AttachmentRecord: Codable, Sendable, Equatable {
    let id: UUID
    let orgUnitId: UUID
    let ownerType: String
    let ownerId: UUID
    let purpose: String
    let fileName: String
    let mediaType: String
    let byteCount: Int64
    let sha256: String
    let uploadedBy: UUID
    let uploaderName: String?
    let createdAt: Date

    var purposeName: String { AttachmentPurpose(rawValue: purpose)?.chineseName ?? "附件" }
    var isImage: Bool { mediaType.hasPrefix("image/") }
}

/// The `attachments` table and the facts about an owning visit that decide who may touch its files.
struct AttachmentStore {
    let sql: any SQLDatabase

    func insert(_ record: AttachmentRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO attachments (id, org_unit_id, owner_type, owner_id, purpose, file_name, media_type,
              byte_count, sha256, uploaded_by, created_at)
            VALUES (\(bind: record.id), \(bind: record.orgUnitId), \(bind: record.ownerType), \(bind: record.ownerId),
              \(bind: record.purpose), \(bind: record.fileName), \(bind: record.mediaType), \(bind: record.byteCount),
              \(bind: record.sha256), \(bind: record.uploadedBy), \(bind: record.createdAt))
            """
        ).run()
    }

    private static let columns: SQLQueryString = """
        a.id, a.org_unit_id, a.owner_type, a.owner_id, a.purpose, a.file_name, a.media_type, a.byte_count, a.sha256,
        a.uploaded_by, u.display_name AS uploader_name, a.created_at
        """

    /// A record's files, oldest first.
    func list(_ owner: AttachmentOwner, _ id: UUID) async throws -> [AttachmentRecord] {
        try await sql.raw(
            """
            SELECT \(Self.columns) FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by
            WHERE a.owner_type = \(bind: owner.rawValue) AND a.owner_id = \(bind: id) ORDER BY a.created_at, a.id
            """
        ).all(decoding: AttachmentRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The files of several records of one kind (a page of visits), by record.
    func list(_ owner: AttachmentOwner, _ ids: [UUID]) async throws -> [UUID: [AttachmentRecord]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT \(Self.columns) FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by
            WHERE a.owner_type = \(bind: owner.rawValue) AND a.owner_id IN (\(binds: ids)) ORDER BY a.created_at, a.id
            """
        ).all(decoding: AttachmentRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return Dictionary(grouping: rows, by: \.ownerId)
    }

    func load(_ id: UUID) async throws -> AttachmentRecord? {
        try await sql.raw(
            """
            SELECT \(Self.columns) FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by WHERE a.id = \(bind: id)
            """
        ).first(decoding: AttachmentRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// What decides who may read and add to a visit's files: its unit and enterprise, and the cadres
    /// who made it.
    struct VisitFacts {
        let orgUnitId: UUID
        let enterpriseId: UUID
        let people: Set<UUID>
    }

    func visit(_ id: UUID) async throws -> VisitFacts? {
        struct Row: Decodable {
            let orgUnitId: UUID
            let enterpriseId: UUID
            let recordedBy: UUID
        }
        guard
            let row = try await sql.raw(
                "SELECT org_unit_id, enterprise_id, recorded_by FROM visits WHERE id = \(bind: id)"
            ).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        else { return nil }
        let cadres = try await sql.raw("SELECT user_id FROM visit_cadres WHERE visit_id = \(bind: id)").all()
            .map { try $0.decode(column: "user_id", as: UUID.self) }
        return VisitFacts(
            orgUnitId: row.orgUnitId, enterpriseId: row.enterpriseId, people: Set(cadres + [row.recordedBy]))
    }
}
