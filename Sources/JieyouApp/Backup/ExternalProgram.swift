import Foundation

/// Runs a program of the system (`pg_dump`, `pg_restore`) found on `PATH`, and says in Chinese what
/// went wrong when it fails: its exit status and the end of what it wrote to stderr.
enum ExternalProgram {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ name: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        // Read stderr while it runs, so a chatty program never blocks on a full pipe.
        let collected = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure(description: "无法运行 \(name)：\(error.localizedDescription)"))
            }
        }
        let stderr = String(decoding: await collected.value, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 {
                throw Failure(description: "找不到 \(name)：请安装 PostgreSQL 客户端程序（postgresql-client）并确保它在 PATH 中")
            }
            let tail = stderr.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw Failure(description: "\(name) 失败（退出码 \(process.terminationStatus)）：\(tail)")
        }
    }
}
