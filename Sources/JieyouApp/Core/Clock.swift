import Foundation
import Vapor

/// The source of "now". The app reads the time only through this, so tests can move it (idle session
/// expiry, lockout windows) without sleeping.
final class AppClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return Date().addingTimeInterval(offset)
    }

    /// Moves the clock forward (tests only).
    func advance(by interval: TimeInterval) {
        lock.lock()
        offset += interval
        lock.unlock()
    }
}

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = AppClock
    }

    var clock: AppClock {
        if let clock = storage[ClockKey.self] { return clock }
        let clock = AppClock()
        storage[ClockKey.self] = clock
        return clock
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
