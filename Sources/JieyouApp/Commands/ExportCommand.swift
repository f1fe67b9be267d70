import Foundation
import JieyouDomain
import Vapor

/// `jieyou export LEDGER --org CODE [--format csv] [--where "scale=above&tag=…"] [--output FILE]`: a
/// ledger (`LedgerFile`) as the export links give it, for scripts and cron. The command line reads
/// as an admin of the unit does (`SignedIn.commandLine`): every row of the unit's subtree, phones
/// unmasked; `--where` takes the list page's query string.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "ledger",
            help: "enterprises, visits, meetings, financing, coverage, problems, stats, benefits or projects")
        var ledger: String
        @Option(name: "org", help: "Code of the unit whose ledger is exported (its subtree)") var org: String?
        @Option(name: "format", help: "xlsx (default) or csv") var format: String?
        @Option(name: "where", help: "The list page's filters as a query string, e.g. \"scale=above&tag=高新技术企业\"")
        var filters: String?
        @Option(name: "output", short: "o", help: "The file to write; defaults to the ledger's name in this folder")
        var output: String?
    }

    var help: String {
        "Exports a ledger (enterprises, visits, meetings, financing, coverage, problems, stats, benefits, projects) as .xlsx or .csv, with the list page's filters."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let ledger = LedgerFile(rawValue: signature.ledger) else {
            throw CommandFailure(
                message: "可导出的台账："
                    + LedgerFile.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、"))
        }
        let app = context.application
        try await app.openDatabase()
        let unitID = try await app.commandUnit(code: signature.org, purpose: "要导出")
        let values = Self.values(signature.filters ?? "")
        let file: OfficeFile
        do {
            file = try await ledger.write(
                query: { key in
                    if key == "format" { return signature.format }
                    let value = values[key]?.trimmingCharacters(in: .whitespaces)
                    return value?.isEmpty == false ? value : nil
                }, signedIn: SignedIn.commandLine(at: unitID), database: app.db, now: app.clock.now())
        } catch let error as AppError {
            throw CommandFailure(message: "\(error.field.map { "--where \($0)：" } ?? "")\(error.message)")
        }
        let target = URL(fileURLWithPath: signature.output ?? file.filename)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: file.url, to: target)
        context.console.print("已导出到 \(target.path)")
    }

    /// `a=1&b=%E9%AB%98`: the values of a query string.
    static func values(_ query: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            values[decode(halves[0])] = halves.count == 2 ? decode(halves[1]) : ""
        }
        return values
    }
}

extension SignedIn {
    /// The command line as a reader: an admin of `unit`. It runs on the server with the database's own
    /// rights, so the role only decides what a file shows (the unit's subtree, every phone); it never
    /// signs anything in or writes in anyone's name.
    static func commandLine(at unit: UUID) -> SignedIn {
        SignedIn(
            sessionID: UUID(), csrfToken: "", userID: UUID(), username: "jieyou", displayName: "命令行", phone: nil,
            roles: [.admin], orgUnitID: unit, departmentID: nil, enterpriseID: nil)
    }
}
