import Foundation
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
}
