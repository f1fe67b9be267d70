import Foundation
import Vapor

/// `jieyou import users FILE --org CODE [--output FILE.csv]`: opens accounts from a sheet as the web
/// import does, all or nothing, and prints each new account's one-time password (or writes them to a
/// CSV that Excel opens) — the only time they are given out.
struct ImportAccountsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The .xlsx or .csv file") var file: String
        @Option(name: "org", help: "Code of the unit the accounts join (a 所属单位 column names one below it)")
        var org: String?
        @Option(name: "output", help: "Write the accounts and one-time passwords to this CSV instead of printing them")
        var output: String?
    }

    var help: String { "Opens user accounts from a sheet (人员名单, .xlsx or .csv), each with a one-time password." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let unitID = try await app.commandUnit(code: signature.org, purpose: "开通到")
        let url = URL(fileURLWithPath: signature.file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure(message: "找不到文件 \(signature.file)")
        }
        let report: AccountImportReport
        do {
            report = try await AccountImport(
                database: app.db, now: app.clock.now(), actor: nil, threadPool: app.threadPool
            ).run(file: url, into: unitID)
        } catch let error as AppError {
            let lines = error.sheetErrors.isEmpty ? [error.message] : error.sheetErrors.map(\.description)
            throw CommandFailure(message: (["未开通任何账号："] + lines).joined(separator: "\n"))
        }
        let header = "行,姓名,用户名,所属单位,角色,初始密码"
        let lines = report.accounts.map {
            [String($0.row), $0.displayName, $0.username, $0.unit, $0.roles.joined(separator: "、"), $0.password]
                .map(Self.csvField).joined(separator: ",")
        }
        if let output = signature.output {
            // With a BOM, so Excel opens the UTF-8 file as Chinese.
            try Data(("\u{FEFF}" + ([header] + lines).joined(separator: "\r\n") + "\r\n").utf8)
                .write(to: URL(fileURLWithPath: output), options: .atomic)
            context.console.print("已开通 \(report.created) 个账号，初始密码已写入 \(output)（只此一份，请妥善保管）。")
        } else {
            context.console.print(([header] + lines).joined(separator: "\n"))
            context.console.print("已开通 \(report.created) 个账号；每人首次登录须修改初始密码。")
        }
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\r\n".contains($0) })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
