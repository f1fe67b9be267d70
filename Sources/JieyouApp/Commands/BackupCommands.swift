import Foundation
import Vapor

/// `jieyou backup [--output FILE]`: a consistent backup of the database and its attachments while the
/// server keeps running (`Backups.make`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "The .zip to write; defaults to ./jieyou-backup-<date>-<time>.zip")
        var output: String?
    }

    var help: String { "Backs up the database and the attachment files into one .zip, while the server runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.openDatabase()
        let file = URL(fileURLWithPath: signature.output ?? ScheduledBackup.fileName(at: Date()))
        let made: Backups.Made
        do {
            made = try await Backups.make(of: app, to: file)
        } catch {
            throw CommandFailure(message: "备份失败：\(error)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        context.console.print(
            "备份已写入 \(file.path)（\(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file))）："
                + BackupSummary.text(made.manifest.tables, attachments: made.manifest.attachments) + "。")
    }
}

/// `jieyou restore FILE [--replace]`: puts a backup back, then proves it (`Backups.restore`).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A .zip written by jieyou backup") var file: String
        @Flag(name: "replace", help: "Replace a database that already holds data (backed up first, beside FILE)")
        var replace: Bool
    }

    var help: String {
        "Restores a backup into an empty database (or, with --replace, over one), then verifies the event chain."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let restored: Backups.Restored
        do {
            restored = try await Backups.restore(
                URL(fileURLWithPath: signature.file), into: context.application, replace: signature.replace)
        } catch let refusal as Backups.Refusal {
            throw CommandFailure(message: refusal.description)
        } catch {
            throw CommandFailure(message: "恢复失败：\(error)")
        }
        let manifest = restored.manifest
        let made = ChinaTime.dateTime(manifest.createdAt)
        context.console.print(
            "已从 \(signature.file)（\(made) 生成）恢复：\(BackupSummary.text(manifest.tables, attachments: manifest.attachments))。"
        )
        if let aside = restored.keptAside { context.console.print("被覆盖的数据已先备份到 \(aside)。") }
        context.console.print("事件日志完整：共 \(restored.eventsVerified) 条事件，哈希链校验通过。")
    }
}
