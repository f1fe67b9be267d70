import Foundation
import JieyouDomain
import Vapor

/// The daily backup a park on a laptop needs, since it has no DBA: from 02:00 China time, once a day
/// per cluster (claimed in `job_runs`), a backup (`Backups.make`) into the backup folder, keeping the
/// newest `backupKeep` (the older ones of this job's naming are removed; other files are left alone).
enum ScheduledBackup {
    static let hour = 2
    static let prefix = "jieyou-backup-"

    /// `jieyou-backup-20261207-020000.zip`, in China time, so the names sort by time.
    static func fileName(at time: Date) -> String {
        let stamp = ChinaTime.dateTime(time).filter { $0 != "-" && $0 != ":" }.replacingOccurrences(of: " ", with: "-")
        return "\(prefix)\(stamp).zip"
    }

    /// The folder of `configuration`'s daily backups, or nil when there are none.
    static func folder(for configuration: AppConfiguration) -> URL? {
        guard configuration.backupKeep > 0 else { return nil }
        if let folder = configuration.backupDirectory { return URL(fileURLWithPath: folder, isDirectory: true) }
        if case .sqliteFile(let path) = configuration.database {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("backups")
        }
        return nil
    }

    /// Makes the day's backup when it is due and not yet made; returns it.
    static func runIfDue(_ app: Application, now: Date) async throws -> Backups.Made? {
        guard let folder = folder(for: app.appConfiguration), Calendar.chinaHour(of: now) >= hour else { return nil }
        let daily = DailyRun(sql: app.db.sql, name: "backup", day: LocalDate(now, in: .chinaStandard))
        guard try await daily.claim(now: now) else { return nil }
        let made = try await Backups.make(of: app, to: folder.appendingPathComponent(fileName(at: now)))
        let removed = try prune(folder, keep: app.appConfiguration.backupKeep)
        try await daily.finish(at: Date(), summary: "备份\(made.file.lastPathComponent)，删除旧备份\(removed)个")
        return made
    }

    /// Removes this job's backups beyond the newest `keep`; returns how many.
    static func prune(_ folder: URL, keep: Int) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".zip") }.sorted()
        let old = names.dropLast(keep)
        for name in old { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        return old.count
    }
}

extension HourlyJob {
    static var scheduledBackup: HourlyJob {
        HourlyJob("Daily backup") { app in
            if let made = try await ScheduledBackup.runIfDue(app, now: app.clock.now()) {
                app.logger.notice("Daily backup written to \(made.file.path)")
            }
        }
    }
}
