import Crypto
import Foundation
import JieyouDomain
import Vapor
import ZIPFoundation

/// `jieyou backup` and `jieyou restore`: one `.zip` per backup, holding `manifest.json`, the database
/// (`DatabaseCopy`) and the attachment files the snapshot refers to (`attachments/ab/abcdef…`, stored,
/// since scans and photos are compressed already). The files are copied after the snapshot is taken;
/// a file is written before its row (`AttachmentDesk`) and never changed, so each one the snapshot
/// names is there.
enum Backups {
    struct Made {
        let file: URL
        let manifest: BackupManifest
    }

    struct Restored {
        let manifest: BackupManifest
        let attachmentsWritten: Int
        let eventsVerified: Int
        /// The backup made of the data that was replaced, if there was any.
        let keptAside: String?
    }

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    // MARK: Backup

    /// Writes a backup of `app`'s database and attachments to `file` (through a temporary name, so a
    /// half-written backup never looks like a backup).
    static func make(of app: Application, to file: URL) async throws -> Made {
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("jieyou-backup-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }
        let snapshot = try await DatabaseCopy.snapshot(of: app, into: work)
        let files = app.attachmentFiles
        for sha in snapshot.attachments where !manager.fileExists(atPath: files.url(of: sha).path) {
            throw Refusal(description: "附件文件缺失：\(files.url(of: sha).path)（数据库中有记录，附件目录中没有该文件）")
        }
        let manifest = BackupManifest(
            createdAt: Date(), database: app.appConfiguration.database.kindName, migrations: snapshot.migrations,
            tables: snapshot.tables, attachments: snapshot.attachments.count)
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial")
        try? manager.removeItem(at: partial)
        do {
            let archive = try Archive(url: partial, accessMode: .create, pathEncoding: nil)
            try archive.addText(at: BackupManifest.fileName, try manifest.encoded())
            try archive.addEntry(
                with: snapshot.file.lastPathComponent, fileURL: snapshot.file, compressionMethod: .deflate)
            for sha in snapshot.attachments.sorted() {
                try archive.addEntry(
                    with: "attachments/\(sha.prefix(2))/\(sha)", fileURL: files.url(of: sha), compressionMethod: .none)
            }
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
        try? manager.removeItem(at: file)
        try manager.moveItem(at: partial, to: file)
        return Made(file: file, manifest: manifest)
    }

    // MARK: Restore

    /// Restores the backup at `file` into `app`'s database and attachment folder. Refuses a database of
    /// another kind, a backup of a newer version, and a target that holds data unless `replace`; then
    /// checks that every table has the manifest's rows and that the event chain verifies.
    static func restore(_ file: URL, into app: Application, replace: Bool) async throws -> Restored {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Refusal(description: "找不到备份文件 \(file.path)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read, pathEncoding: nil)
        } catch {
            throw Refusal(description: "\(file.lastPathComponent) 不是解优的备份文件（无法按 zip 读取）")
        }
        guard let entry = archive[BackupManifest.fileName],
            let manifest = try? BackupManifest.decode(archive.data(of: entry))
        else {
            throw Refusal(description: "\(file.lastPathComponent) 不是解优的备份文件（缺少 manifest.json）")
        }
        guard manifest.format <= BackupManifest.currentFormat else {
            throw Refusal(description: "备份格式 \(manifest.format) 比本程序新，请用生成它的版本或更新的版本恢复")
        }
        let kind = app.appConfiguration.database.kindName
        guard manifest.database == kind else {
            throw Refusal(
                description: "这是 \(manifest.database) 数据库的备份，当前配置的是 \(kind) 数据库（DATABASE_URL），不能恢复到不同种类的数据库")
        }
        let known = Set(AllMigrations.list.map(\.name))
        let unknown = manifest.migrations.filter { !known.contains($0) && $0 != "" }
        guard unknown.isEmpty else {
            throw Refusal(description: "备份来自更新版本的解优（含本程序不认识的迁移 \(unknown.joined(separator: ", "))），请先升级程序")
        }
        try await app.openDatabase()
        let existing = try await DatabaseCopy.existingData(in: app)
        if let existing, !replace {
            let what = BackupSummary.text(existing, attachments: 0).replacingOccurrences(of: "、附件0个", with: "")
            throw Refusal(
                description: "目标数据库中已有数据（\(what)），未恢复。确需用备份覆盖时请加 --replace（覆盖前会先把现有数据备份到备份文件旁）。")
        }

        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("jieyou-restore-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }
        let name = DatabaseCopy.fileName(for: manifest.database)
        guard let dumpEntry = archive[name] else {
            throw Refusal(description: "备份文件不完整：缺少 \(name)")
        }
        let dump = work.appendingPathComponent(name)
        _ = try archive.extract(dumpEntry, to: dump)
        let written = try restoreAttachments(from: archive, into: app.attachmentFiles)
        // What is replaced is backed up first, beside the backup being restored.
        var keptAside: String?
        if existing != nil {
            let aside = file.deletingLastPathComponent().appendingPathComponent(
                ScheduledBackup.fileName(at: Date()).replacingOccurrences(of: "backup-", with: "before-restore-"))
            keptAside = try await make(of: app, to: aside).file.path
        }
        try await DatabaseCopy.restore(dump, into: app)

        let counts = try await DatabaseCopy.counts(app.db.sql, kind: kind)
        let differing = manifest.tables.filter { counts[$0.key] != $0.value }.keys.sorted()
        guard differing.isEmpty else {
            throw Refusal(description: "恢复后的行数与备份清单不符：\(differing.joined(separator: ", "))")
        }
        let report = try await AuditVerification.run(on: app.db)
        if let brk = report.firstBreak {
            throw Refusal(description: "恢复后事件日志校验失败：\(brk)")
        }
        return Restored(
            manifest: manifest, attachmentsWritten: written, eventsVerified: report.checked, keptAside: keptAside)
    }

    /// Writes the archive's attachment files the folder lacks, each checked against its SHA-256 name.
    private static func restoreAttachments(from archive: Archive, into files: AttachmentFiles) throws -> Int {
        var written = 0
        for entry in archive where entry.type == .file && entry.path.hasPrefix("attachments/") {
            let sha = (entry.path as NSString).lastPathComponent
            let target = files.url(of: sha)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            let data = try archive.data(of: entry)
            guard AttachmentFiles.digest(of: data) == sha else {
                throw Refusal(description: "备份中的附件 \(entry.path) 已损坏（内容与其 SHA-256 不符）")
            }
            _ = try files.store(data)
            written += 1
        }
        return written
    }
}

extension Archive {
    /// The bytes of one entry.
    func data(of entry: Entry) throws -> Data {
        var data = Data()
        _ = try extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }

    /// Adds a small part written in memory, deflated.
    func addText(at path: String, _ data: Data) throws {
        try addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
}
