import Fluent
import Foundation
import JieyouDomain

/// Sign-in with lockout: after `threshold` wrong passwords in a row the account is locked for
/// `lockoutMinutes`, and while locked even the right password is refused.
struct AuthService {
    let database: any Database
    let now: Date
    let hashing: PasswordHashing
    let threshold: Int
    let lockoutMinutes: Int

    enum Failure: Error, Equatable {
        case invalidCredentials
        case locked(until: Date)
        case disabled

        var message: String {
            switch self {
            case .invalidCredentials: "用户名或密码错误"
            case .locked(let until):
                "登录失败次数过多，账号已锁定，请于\(ChinaTime.hourMinute(until))后再试"
            case .disabled: "账号已停用，请联系管理员"
            }
        }
    }

    /// Returns the user when `password` is right and the account may sign in.
    func authenticate(username: String, password: String) async throws -> Result<UserModel, Failure> {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let user = try await UserModel.query(on: database).filter(\.$username == name).first()
        else {
            // Spend the same time as a real check so that timing does not tell which usernames exist.
            _ = try? await hashing.hash(password)
            return .failure(.invalidCredentials)
        }
        if let until = user.lockedUntil, until > now { return .failure(.locked(until: until)) }
        guard try await hashing.verify(password, against: user.passwordHash) else {
            return .failure(try await recordFailure(of: user))
        }
        guard user.active else { return .failure(.disabled) }
        if user.failedLogins != 0 || user.lockedUntil != nil {
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.update(on: database)
        }
        return .success(user)
    }

    private func recordFailure(of user: UserModel) async throws -> Failure {
        let failures = user.failedLogins + 1
        if failures >= threshold {
            let until = now.addingTimeInterval(TimeInterval(lockoutMinutes * 60))
            try await database.writing(actorID: nil, now: now) { tx, log in
                user.failedLogins = 0
                user.lockedUntil = until
                try await user.update(on: tx)
                var changes = ChangeSet()
                changes.record("lockedUntil", before: nil, after: ISO8601DateFormatter().string(from: until))
                try await log.record(
                    "user", id: user.id!.uuidString, "login.locked", changes, orgUnit: user.$orgUnit.id)
            }
            return .locked(until: until)
        }
        user.failedLogins = failures
        try await user.update(on: database)
        return .invalidCredentials
    }

    /// Changes the signed-in user's own password; other sessions of the user are ended.
    func changePassword(of user: UserModel, current: String, new: String, keepSession: UUID?) async throws {
        var v = Validator()
        if current.isEmpty {
            v.fail("currentPassword", "请输入当前密码")
        } else if try await !hashing.verify(current, against: user.passwordHash) {
            v.fail("currentPassword", "当前密码不正确")
        }
        if let problem = ContactRules.passwordProblem(new, username: user.username) {
            v.fail("newPassword", problem)
        } else if new == current {
            v.fail("newPassword", "新密码不能与当前密码相同")
        }
        try v.throwIfFailed()
        let digest = try await hashing.hash(new)
        try await database.writing(actorID: user.id, now: now) { tx, log in
            user.passwordHash = digest
            user.passwordChangedAt = now
            user.mustChangePassword = false
            try await user.update(on: tx)
            var changes = ChangeSet()
            changes.record("password", before: nil, after: "changed")
            try await log.record(
                "user", id: user.id!.uuidString, "password.change", changes, orgUnit: user.$orgUnit.id)
            try await SessionStore.revokeAll(of: user.id!, except: keepSession, now: now, on: tx)
        }
    }

    /// Signs `username` in: on success ends the session it replaces (a second sign-in in one browser)
    /// and issues a new one of `kind`; returns the user and the new session's token.
    func signIn(
        username: String, password: String, kind: SessionModel.Kind, userAgent: String?, replacing old: UUID? = nil
    ) async throws -> Result<(user: UserModel, token: String), Failure> {
        switch try await authenticate(username: username, password: password) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let user):
            if let old { try await SessionStore.revoke(old, now: now, on: database) }
            let issued = try await SessionStore.issue(kind, for: user.id!, now: now, userAgent: userAgent, on: database)
            return .success((user, issued.token))
        }
    }

    /// Ends one session (signing out).
    func signOut(_ session: UUID) async throws {
        try await SessionStore.revoke(session, now: now, on: database)
    }

    /// Changes the signed-in user's own password (see `changePassword(of:…)`).
    func changePassword(ofUser id: UUID, current: String, new: String, keepSession: UUID?) async throws {
        guard let user = try await UserStore(database: database).find(id) else { throw AppError.unauthenticated }
        try await changePassword(of: user, current: current, new: new, keepSession: keepSession)
    }
}
