import Foundation

/// What a backup holds, written into it as `manifest.json`: which database it came from, the
/// migrations its schema has, and how many rows each table had in the snapshot, so that a restore can
/// prove it brought back every row.
struct BackupManifest: Codable, Equatable {
    static let fileName = "manifest.json"
    static let currentFormat = 1

    var format = BackupManifest.currentFormat
    var createdAt: Date
    /// `sqlite` or `postgres`: a backup restores into the same kind of database.
    var database: String
    /// The migrations applied in the snapshot; a restore refuses one made by a newer version.
    var migrations: [String]
    /// Rows per table in the snapshot.
    var tables: [String: Int]
    /// Attachment files in the archive (each once, by SHA-256).
    var attachments: Int

    static func decode(_ data: Data) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: data)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}

/// The tables a person recognises, for the summary printed after a backup or a restore.
enum BackupSummary {
    static let labels: [(table: String, label: String, unit: String)] = [
        ("org_units", "单位", "个"), ("users", "用户", "个"), ("enterprises", "企业", "家"), ("visits", "走访", "次"),
        ("problems", "问题", "个"), ("policies", "政策", "项"), ("plans", "攻坚方案", "个"), ("reports", "报告", "份"),
        ("events", "事件", "条"),
    ]

    static func text(_ tables: [String: Int], attachments: Int) -> String {
        let parts = labels.compactMap { entry in tables[entry.table].map { "\(entry.label)\($0)\(entry.unit)" } }
        return (parts + ["附件\(attachments)个"]).joined(separator: "、")
    }
}
