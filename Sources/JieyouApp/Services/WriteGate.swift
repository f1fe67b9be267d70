/// A first-in, first-out lock for SQLite write transactions.
///
/// SQLite allows one writer at a time. When two connections want to write, the loser sleeps in
/// SQLite's busy handler with growing back-off (up to 100 ms a step), which shows up as tail latency
/// of hundreds of milliseconds. Queuing writers here instead hands the lock over the moment it is free.
/// PostgreSQL needs none of this: writers queue on the event-log head's row lock without sleeping.
actor WriteGate {
    static let sqlite = WriteGate()

    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }
}
