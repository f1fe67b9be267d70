import Foundation
import JieyouOffice
import Testing
import Vapor

@testable import JieyouApp

/// The `jieyou` command line as an operator meets it: asking for help or mistyping an option must not
/// create or migrate a database in the current folder.
@Suite struct CommandLineTests {
    private func run(_ arguments: [String], in folder: URL) async throws {
        let config = AppConfiguration(
            database: .sqliteFile(path: folder.appendingPathComponent("data/jieyou.sqlite").path))
        try await Entrypoint.run(
            Environment(name: "testing", arguments: ["jieyou"] + arguments), config: config, loadDemo: false)
    }

    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jieyou-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func helpAndArgumentErrorsLeaveNoDatabase() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try await run(["--help"], in: folder)
        try await run(["serve", "--help"], in: folder)
        try await run(["user", "create", "--help"], in: folder)
        await #expect(throws: (any Error).self) { try await run(["serve", "--no-such-option"], in: folder) }
        await #expect(throws: (any Error).self) { try await run(["no-such-command"], in: folder) }
        #expect(!FileManager.default.fileExists(atPath: data.path))

        // The same command line with a command that needs the database makes it.
        try await run(["migrate"], in: folder)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("jieyou.sqlite").path))
    }

    @Test func backupAndRestoreFromTheCommandLine() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("park")
        let target = folder.appendingPathComponent("copy")
        let archive = folder.appendingPathComponent("park.zip").path
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try await run(["org", "create", "--level", "province", "--name", "湖南省", "--code", "430000"], in: source)
        try await run(["backup", "--output", archive], in: source)
        #expect(FileManager.default.fileExists(atPath: archive))
        try await run(["restore", archive], in: target)
        // Restoring over data needs --replace, which backs the data up first.
        await #expect(throws: CommandFailure.self) { try await run(["restore", archive], in: target) }
        try await run(["restore", archive, "--replace"], in: target)
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("jieyou-before-restore-")
        }
        #expect(aside.count == 1)
    }

    @Test func accountsFromASheetOnTheCommandLine() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["org", "create", "--level", "province", "--name", "湖南省", "--code", "430000"], in: folder)
        try await run(
            ["org", "create", "--level", "park", "--name", "临湘高新区", "--code", "LXGXQ", "--parent", "430000"], in: folder
        )
        let sheet = folder.appendingPathComponent("人员名单.csv")
        try Data("姓名,手机号,角色\n王五,13800001111,联点干部\n赵六,13800002222,领导\n".utf8).write(to: sheet)
        let output = folder.appendingPathComponent("accounts.csv")
        try await run(["import", "users", sheet.path, "--org", "LXGXQ", "--output", output.path], in: folder)
        let bytes = try Data(contentsOf: output)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so Excel reads UTF-8")
        let written = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(written.hasPrefix("行,姓名,用户名,所属单位,角色,初始密码"))
        #expect(written.contains("2,王五,13800001111,临湘高新区,联点干部,"))
        // The same sheet again: the usernames are taken, nothing is opened.
        await #expect(throws: CommandFailure.self) {
            try await run(["import", "users", sheet.path, "--org", "LXGXQ"], in: folder)
        }
    }

    @Test func ledgersExportFromTheCommandLine() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["org", "create", "--level", "province", "--name", "湖南省", "--code", "430000"], in: folder)
        try await run(
            ["org", "create", "--level", "park", "--name", "临湘高新区", "--code", "LXGXQ", "--parent", "430000"], in: folder
        )
        let sheet = folder.appendingPathComponent("名单.csv")
        let rows = (1...3).map { "\(EnterpriseImportTests.code($0)),临湘市第\($0)浮标有限公司,王\($0),138000000\($0)0" }
        try Data(
            (["统一社会信用代码,企业全称,联系人,联系电话"] + rows + ["\(EnterpriseImportTests.code(9)),临湘食品有限公司,,"])
                .joined(separator: "\n").utf8
        ).write(to: sheet)
        try await run(["import", "enterprises", sheet.path, "--org", "LXGXQ"], in: folder)

        let csv = folder.appendingPathComponent("浮标.csv")
        try await run(
            [
                "export", "enterprises", "--org", "LXGXQ", "--format", "csv", "--where", "q=%E6%B5%AE%E6%A0%87",
                "--output", csv.path,
            ], in: folder)
        var lines: [[String]] = []
        try CSVReader(data: Data(contentsOf: csv)).forEachRow { _, fields in lines.append(fields) }
        #expect(lines.map { $0[1] } == ["企业全称", "临湘市第1浮标有限公司", "临湘市第2浮标有限公司", "临湘市第3浮标有限公司"])
        #expect(lines[1][10] == "13800000010", "the command line reads as an admin: phones in full")

        let workbook = folder.appendingPathComponent("兑现.xlsx")
        try await run(["export", "benefits", "--org", "LXGXQ", "--output", workbook.path], in: folder)
        #expect(try EnterpriseExportTests.rows(ofWorkbook: Data(contentsOf: workbook)).first?.first == "兑现日期")
        // Every ledger of the pages exports here too: 走访覆盖 one enterprise per row, all four never visited.
        let coverage = folder.appendingPathComponent("覆盖.csv")
        try await run(
            ["export", "coverage", "--org", "LXGXQ", "--format", "csv", "--output", coverage.path], in: folder)
        var covered: [[String]] = []
        try CSVReader(data: Data(contentsOf: coverage)).forEachRow { _, fields in covered.append(fields) }
        #expect(covered.count == 5 && covered.dropFirst().allSatisfy { $0[3] == "0" && $0[6] == "未走访" })
        let problems = folder.appendingPathComponent("问题.csv")
        try await run(["export", "problems", "--org", "LXGXQ", "--format", "csv", "-o", problems.path], in: folder)
        #expect(try String(decoding: Data(contentsOf: problems).dropFirst(3), as: UTF8.self).hasPrefix("编号,类型,企业全称"))
        await #expect(throws: CommandFailure.self) {
            try await run(["export", "meals", "--org", "LXGXQ"], in: folder)
        }
        await #expect(throws: CommandFailure.self) {
            try await run(["export", "enterprises", "--org", "LXGXQ", "--where", "scale=huge"], in: folder)
        }
    }
}
