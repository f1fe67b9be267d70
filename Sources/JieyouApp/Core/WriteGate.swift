/// A first-in, first-out lock for this process's write transactions.
///
/// Every write transaction locks the event chain's head first, so writes are serial whatever the
/// database. Queuing them here, before a connection is taken, costs nothing and spares two harms:
/// - SQLite allows one writer at a time, and a writer that loses sleeps in SQLite's busy handler with
///   growing back-off (up to 100 ms a step), which shows up as tail latency of hundreds of milliseconds.
///   Here the lock passes the moment it is free.
/// - On PostgreSQL, writers waiting on the head's row lock would each hold a pooled connection: readers
///   would wait behind them, and a burst of writers longer than the pool's request timeout (10 s) would
///   fail with `connectionRequestTimeout`, which CI saw with 20 concurrent writers on a loaded machine.
actor WriteGate {
    static let shared = WriteGate()

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
