import Vapor

extension Request {
    /// Sign-in and passwords with this app's lockout settings.
    var authService: AuthService {
        let config = appConfiguration
        return AuthService(
            database: db, now: now, hashing: application.passwordHashing, threshold: config.lockoutThreshold,
            lockoutMinutes: config.lockoutMinutes)
    }
}
