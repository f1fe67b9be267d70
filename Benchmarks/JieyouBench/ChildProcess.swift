import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A command run to completion: its exit code, wall time, and the peak resident memory the kernel
/// recorded for it (`ru_maxrss` from `wait4`, exact where polling `/proc` could miss a short peak).
struct ChildRun {
    let exitCode: Int32
    let seconds: Double
    let peakMegabytes: Double
    let output: String
}

enum ChildProcess {
    /// Runs `executable` with stdout and stderr going to `outputFile`, and waits for it.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], outputFile: String)
        throws -> ChildRun
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError("could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = milliseconds(since: start) / 1000
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(
            exitCode: exitCode, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024,
            output: (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "")
    }
}
