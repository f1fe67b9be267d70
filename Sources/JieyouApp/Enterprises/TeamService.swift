import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// A team as a form or the API sends it.
struct TeamInput: Sendable {
    var orgUnitID: UUID?
    var kind: String?
    var name: String?
    var project: String?
    var leaderID: UUID?
    var memberIDs: [UUID] = []
    var enterpriseIDs: [UUID] = []
}

/// A team as read back, with names.
struct TeamSummary: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let kind: String
    let name: String
    let project: String?
    let leader: NamedRef
    var members: [NamedRef]
    var enterprises: [NamedRef]

    /// The fields the event log compares, as `TeamService.CheckedTeam` writes them.
    var auditValues: [String: String?] {
        [
            "kind": kind, "name": name, "project": project, "leaderId": leader.id.uuidString,
            "memberIds": members.map(\.id.uuidString).sorted().joined(separator: ","),
            "enterpriseIds": enterprises.map(\.id.uuidString).sorted().joined(separator: ","),
        ]
    }
}

/// 一对一专班 (key-enterprise and key-project teams): a leader (联点领导) and cadres serving named
/// enterprises. Managed by those who manage enterprises; read by everyone who reads them.
struct TeamService {
    let database: any Database
    let now: Date

    static let maxMembers = 30
    static let maxEnterprises = 50

    /// Creates a team (`existing` nil) or replaces one's fields, members and enterprises; a save that
    /// changes nothing writes nothing.
    func save(_ input: TeamInput, id existing: UUID?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        guard AccessPolicy.has(actor, .manageEnterprises) else { throw AppError.forbidden() }
        var before: TeamSummary?
        if let existing {
            guard let found = try await Self.list(where: "t.id = \(bind: existing)", on: database.sql).first,
                AccessPolicy.may(actor, .manageEnterprises, at: found.orgUnitId, in: tree)
            else { throw AppError.notFound("专班") }
            before = found
        }
        let unit = before?.orgUnitId ?? input.orgUnitID ?? actor.orgUnitID
        guard AccessPolicy.may(actor, .manageEnterprises, at: unit, in: tree) else { throw AppError.notFound("组织") }
        let team = try await check(input, unit: unit, tree: tree)
        let id = existing ?? UUID()
        let changes = ChangeSet.diff(before?.auditValues ?? [:], team.auditValues)
        return try await database.writing(actorID: actor.userID, now: now) { [now] tx, log in
            guard !changes.isEmpty else { return id }
            try await Self.write(team, id: id, unit: unit, isNew: existing == nil, now: now, on: tx.sql)
            try await log.record(
                "team", id: id.uuidString, existing == nil ? "create" : "update", changes, orgUnit: unit)
            return id
        }
    }

    /// A team whose fields passed their checks.
    struct CheckedTeam: Sendable {
        let kind: TeamKind
        let name: String
        let project: String?
        let leader: UUID
        let members: [UUID]
        let enterprises: [UUID]

        var auditValues: [String: String?] {
            [
                "kind": kind.rawValue, "name": name, "project": project, "leaderId": leader.uuidString,
                "memberIds": members.map(\.uuidString).sorted().joined(separator: ","),
                "enterpriseIds": enterprises.map(\.uuidString).sorted().joined(separator: ","),
            ]
        }
    }

    /// Every check of `input`, collected into one refusal: the leader a 联点领导 and the members cadres
    /// of the unit or above, the enterprises the unit's own.
    private func check(_ input: TeamInput, unit: UUID, tree: OrgTree) async throws -> CheckedTeam {
        var v = Validator()
        let kindText = (input.kind ?? "").trimmingCharacters(in: .whitespaces)
        let kind = TeamKind(rawValue: kindText)
        if kind == nil { v.fail("kind", kindText.isEmpty ? "请选择专班类型" : "专班类型“\(kindText)”无效") }
        let name = v.requiredText(input.name, field: "name", label: "专班名称", maxLength: 60)
        let project = v.optionalText(input.project, field: "project", label: "服务项目", maxLength: 100)
        if kind == .keyProject && project == nil && v.errors.allSatisfy({ $0.field != "project" }) {
            v.fail("project", "重点项目专班请填写服务的项目")
        }
        let members = try await checkPeople(input, unit: unit, tree: tree, &v)
        var enterprises: [UUID] = []
        for id in input.enterpriseIDs where !enterprises.contains(id) { enterprises.append(id) }
        if enterprises.count > Self.maxEnterprises { v.fail("enterpriseIds", "一个专班最多服务\(Self.maxEnterprises)家企业") }
        if kind == .keyEnterprise && enterprises.isEmpty { v.fail("enterpriseIds", "重点企业专班请选择服务的企业") }
        let owners = try await EnterpriseOwners.load(enterprises, on: database.sql)
        if let index = EnterpriseOwners.outside(enterprises, owners: owners, unit: unit, tree: tree).first {
            v.fail("enterpriseIds[\(index)]", "服务企业不存在，或不属于本单位")
        }
        try v.throwIfFailed()
        return CheckedTeam(
            kind: kind!, name: name!, project: project, leader: input.leaderID!, members: members,
            enterprises: enterprises)
    }

    /// Checks the leader and the members; returns the members, each once.
    private func checkPeople(_ input: TeamInput, unit: UUID, tree: OrgTree, _ v: inout Validator) async throws
        -> [UUID]
    {
        let line = tree.lineage(of: unit).map(\.id)
        let people = try await UserModel.query(on: database)
            .filter(\.$id ~~ ([input.leaderID].compactMap { $0 } + input.memberIDs)).all()
        func person(_ id: UUID, _ role: Role) -> Bool {
            guard let user = people.first(where: { $0.id == id }) else { return false }
            return user.active && line.contains(user.$orgUnit.id) && user.roles.contains(role)
        }
        if let leader = input.leaderID {
            if !person(leader, .leader) { v.fail("leaderId", "专班组长应为本单位或上级单位的联点领导") }
        } else {
            v.fail("leaderId", "请选择专班组长")
        }
        var members: [UUID] = []
        for (index, id) in input.memberIDs.enumerated() where !members.contains(id) {
            if person(id, .cadre) { members.append(id) } else { v.fail("memberIds[\(index)]", "专班成员应为本单位或上级单位的干部") }
        }
        if members.isEmpty && v.errors.allSatisfy({ !$0.field.hasPrefix("memberIds") }) {
            v.fail("memberIds", "请至少选择一名专班成员")
        }
        if members.count > Self.maxMembers { v.fail("memberIds", "专班成员不能超过\(Self.maxMembers)人") }
        return members
    }

    /// The team's row, then its members and enterprises replaced whole.
    private static func write(
        _ team: CheckedTeam, id: UUID, unit: UUID, isNew: Bool, now: Date, on sql: any SQLDatabase
    ) async throws {
        if isNew {
            try await sql.insert(into: "teams")
                .columns("id", "org_unit_id", "kind", "name", "project", "leader_id", "created_at")
                .values(
                    SQLBind(id), SQLBind(unit), SQLBind(team.kind.rawValue), SQLBind(team.name),
                    SQLBind(team.project), SQLBind(team.leader), SQLBind(now)
                ).run()
        } else {
            try await sql.update("teams").set("kind", to: team.kind.rawValue).set("name", to: team.name)
                .set("project", to: team.project).set("leader_id", to: team.leader).where("id", .equal, id).run()
            try await sql.delete(from: "team_members").where("team_id", .equal, id).run()
            try await sql.delete(from: "team_enterprises").where("team_id", .equal, id).run()
        }
        if !team.members.isEmpty {
            var insert = sql.insert(into: "team_members").columns("id", "team_id", "user_id")
            for user in team.members { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(user)) }
            try await insert.run()
        }
        if !team.enterprises.isEmpty {
            var insert = sql.insert(into: "team_enterprises").columns("id", "team_id", "enterprise_id")
            for e in team.enterprises { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(e)) }
            try await insert.run()
        }
    }

    /// The teams of `units`, by name.
    static func list(units: [UUID], on sql: any SQLDatabase) async throws -> [TeamSummary] {
        try await list(where: "t.org_unit_id IN (\(binds: units))", on: sql)
    }

    /// One team.
    static func team(_ id: UUID, on sql: any SQLDatabase) async throws -> TeamSummary? {
        try await list(where: "t.id = \(bind: id)", on: sql).first
    }

    /// The teams that serve `enterprise`.
    static func teams(serving enterprise: UUID, on sql: any SQLDatabase) async throws -> [TeamSummary] {
        try await list(
            where: "t.id IN (SELECT te.team_id FROM team_enterprises te WHERE te.enterprise_id = \(bind: enterprise))",
            on: sql)
    }

    /// Teams matching `condition` (on `t`), by name, with members and enterprises.
    private static func list(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [TeamSummary] {
        struct Row: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let kind: String
            let name: String
            let project: String?
            let leaderId: UUID
            let leaderName: String
        }
        let rows = try await sql.raw(
            """
            SELECT t.id, t.org_unit_id, t.kind, t.name, t.project, t.leader_id, u.display_name AS leader_name
            FROM teams t JOIN users u ON u.id = t.leader_id WHERE \(condition) ORDER BY t.name LIMIT 500
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var members: [UUID: [NamedRef]] = [:]
        for row in try await sql.raw(
            """
            SELECT tm.team_id, u.id, u.display_name AS name FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE tm.team_id IN (\(binds: ids)) ORDER BY u.display_name
            """
        ).all() {
            members[try row.decode(column: "team_id", as: UUID.self), default: []].append(
                try row.decode(model: NamedRef.self))
        }
        var enterprises: [UUID: [NamedRef]] = [:]
        for row in try await sql.raw(
            """
            SELECT te.team_id, e.id, e.name FROM team_enterprises te JOIN enterprises e ON e.id = te.enterprise_id
            WHERE te.team_id IN (\(binds: ids)) ORDER BY e.name
            """
        ).all() {
            enterprises[try row.decode(column: "team_id", as: UUID.self), default: []].append(
                try row.decode(model: NamedRef.self))
        }
        return rows.map {
            TeamSummary(
                id: $0.id, orgUnitId: $0.orgUnitId, kind: $0.kind, name: $0.name, project: $0.project,
                leader: NamedRef(id: $0.leaderId, name: $0.leaderName), members: members[$0.id] ?? [],
                enterprises: enterprises[$0.id] ?? [])
        }
    }
}
