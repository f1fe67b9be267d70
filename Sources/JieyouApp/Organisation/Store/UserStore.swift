import Fluent
import Foundation
import JieyouDomain

/// The `users` table as the organisation's pages and forms read it. Writes go through `UserService`,
/// which checks and logs them.
struct UserStore {
    let database: any Database

    /// Which accounts a list shows: those of `units`, optionally matching a name and holding a role.
    struct Search: Sendable {
        var units: [UUID]
        var text: String?
        var role: Role?
    }

    func count(_ search: Search) async throws -> Int {
        try await query(search).count()
    }

    /// One page by username, counted from the start (the admin pages' numbered pages).
    func page(_ search: Search, offset: Int, limit: Int) async throws -> [UserModel] {
        try await query(search).sort(\.$username).range(offset..<(offset + limit)).all()
    }

    /// Up to `limit` accounts whose username sorts after `username` (the API's cursor).
    func page(_ search: Search, after username: String?, limit: Int) async throws -> [UserModel] {
        var query = query(search)
        if let username { query = query.filter(\.$username > username) }
        return try await query.sort(\.$username).limit(limit).all()
    }

    /// One account, with its enterprise loaded when asked (the edit form shows the credit code).
    func find(_ id: UUID, withEnterprise: Bool = false) async throws -> UserModel? {
        var query = UserModel.query(on: database).filter(\.$id == id)
        if withEnterprise { query = query.with(\.$enterprise) }
        return try await query.first()
    }

    func count(in units: [UUID]) async throws -> Int {
        try await UserModel.query(on: database).filter(\.$orgUnit.$id ~~ units).count()
    }

    /// The active accounts of `units` by name, optionally only those holding `role`: who a form
    /// offers as a team's leader, a visit's companion, an enterprise's liaison.
    func active(in units: [UUID], holding role: Role? = nil) async throws -> [UserModel] {
        var query = UserModel.query(on: database).filter(\.$orgUnit.$id ~~ units).filter(\.$active == true)
        if let role { query = query.filter(\.$storedRoles, .custom("LIKE"), "%,\(role.rawValue),%") }
        return try await query.sort(\.$displayName).all()
    }

    /// "Name（username）" of each account among `ids` (the event log's actors and subjects).
    func labels(of ids: Set<UUID>) async throws -> [UUID: String] {
        var labels: [UUID: String] = [:]
        for user in try await UserModel.query(on: database).filter(\.$id ~~ ids).all() {
            labels[user.id!] = "\(user.displayName)（\(user.username)）"
        }
        return labels
    }

    private func query(_ search: Search) -> QueryBuilder<UserModel> {
        var query = UserModel.query(on: database).filter(\.$orgUnit.$id ~~ search.units)
        if let text = search.text, !text.isEmpty {
            query = query.group(.or) { $0.filter(\.$username ~~ text).filter(\.$displayName ~~ text) }
        }
        if let role = search.role { query = query.filter(\.$storedRoles ~~ ",\(role.rawValue),") }
        return query
    }
}
