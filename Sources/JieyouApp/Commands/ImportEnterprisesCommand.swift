import Fluent
import Foundation
import JieyouDomain
import Vapor

/// `jieyou import enterprises FILE --org CODE`: loads an enterprise list (.xlsx or .csv, UTF-8 or
/// GB18030) into a unit, all or nothing, as the web import does. Rows already registered by credit
/// code are updated. Bad rows are printed with their row and column and nothing is written.
struct ImportEnterprisesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The .xlsx or .csv file") var file: String
        @Option(name: "org", help: "Code of the unit the enterprises join (a 所属园区 column overrides it)")
        var org: String?
    }

    var help: String { "Imports an enterprise list (企业名单) from .xlsx or .csv." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let unitID = try await app.commandUnit(code: signature.org, purpose: "导入到")
        let url = URL(fileURLWithPath: signature.file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure(message: "找不到文件 \(signature.file)")
        }
        let tree = try await OrgDirectory.tree(on: app.db)
        do {
            let report = try await EnterpriseImport(
                database: app.db, now: app.clock.now(), actorID: nil, writableUnits: tree.subtree(of: unitID),
                logger: app.logger
            ).run(file: url, into: unitID)
            context.console.print(
                "已导入 \(report.rows) 家企业：新增 \(report.created)，更新 \(report.updated)，无变化 \(report.unchanged)。")
        } catch {
            let classified = ErrorResponseMiddleware.classify(error)
            guard classified.status.code < 500 else { throw error }
            var lines = classified.sheetErrors.map(\.description)
            if lines.isEmpty { lines = [classified.message] }
            if classified.sheetErrorCount > lines.count {
                lines.append("……共 \(classified.sheetErrorCount) 处错误，仅列出前 \(lines.count) 处")
            }
            throw CommandFailure(message: (["未导入任何数据："] + lines).joined(separator: "\n"))
        }
    }
}
