import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// 三联机制 of one enterprise: 领导联点 (a leader), 部门对口 (a department) and 干部驻企 (cadres).
struct LiaisonAssignment: Sendable, Equatable {
    var leaderID: UUID?
    var departmentID: UUID?
    var cadreIDs: [UUID]
}

/// A person or department named in a liaison, with the name to show.
struct NamedRef: Sendable, Hashable, Codable {
    let id: UUID
    let name: String
}

struct Liaison: Sendable {
    var leader: NamedRef?
    var department: NamedRef?
    var cadres: [NamedRef] = []
}

/// Sets and reads liaison. People and departments must sit on the enterprise's line of the org tree
/// (its park or a unit above it): a county leader may 联点 a park enterprise, another park's cadre may not.
struct LiaisonService {
    let database: any Database
    let now: Date

    func set(enterpriseID: UUID, _ assignment: LiaisonAssignment, by actor: Actor) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        guard let stored = try await StoredEnterprise.load(enterpriseID, on: sql),
            AccessPolicy.may(actor, .manageEnterprises, at: stored.row.orgUnitId, in: tree)
        else { throw AppError.notFound("企业") }
        try await check(assignment, orgUnit: stored.row.orgUnitId, tree: tree)
        let before = try await Self.load([enterpriseID], on: sql)[enterpriseID] ?? Liaison()
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await sql.delete(from: "enterprise_liaisons").where("enterprise_id", .equal, SQLBind(enterpriseID))
                .run()
            var rows: [(String, UUID?, UUID?)] = []
            if let leader = assignment.leaderID { rows.append(("leader", leader, nil)) }
            if let department = assignment.departmentID { rows.append(("department", nil, department)) }
            rows += assignment.cadreIDs.map { ("cadre", $0, nil) }
            if !rows.isEmpty {
                var insert = sql.insert(into: "enterprise_liaisons").columns(
                    "id", "enterprise_id", "kind", "user_id", "department_id")
                for (kind, user, department) in rows {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(enterpriseID), SQLBind(kind), SQLBind(user), SQLBind(department))
                }
                try await insert.run()
            }
            var changes = ChangeSet()
            changes.record(
                "leaderId", before: before.leader?.id.uuidString, after: assignment.leaderID?.uuidString)
            changes.record(
                "departmentId", before: before.department?.id.uuidString, after: assignment.departmentID?.uuidString)
            changes.record(
                "cadreIds", before: Self.joined(before.cadres.map(\.id)), after: Self.joined(assignment.cadreIDs))
            if !changes.isEmpty {
                try await log.record(
                    "enterprise", id: enterpriseID.uuidString, "liaison.set", changes, orgUnit: stored.row.orgUnitId)
            }
        }
    }

    /// Checks an assignment for an enterprise of `orgUnit` without writing, so a form that saves the
    /// enterprise and its liaison together can refuse both before either is written.
    func check(_ assignment: LiaisonAssignment, orgUnit: UUID, tree: OrgTree) async throws {
        let line = Set(tree.lineage(of: orgUnit).map(\.id))
        var v = Validator()
        let people = try await UserModel.query(on: database)
            .filter(\.$id ~~ ([assignment.leaderID].compactMap { $0 } + assignment.cadreIDs)).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        if let leaderID = assignment.leaderID {
            let leader = byID[leaderID]
            if leader == nil || !line.contains(leader!.$orgUnit.id) || !leader!.active {
                v.fail("leaderId", "联点领导不存在或不在本企业所属园区及上级单位")
            } else if !leader!.roles.contains(.leader) {
                v.fail("leaderId", "联点领导应为具有“领导”角色的用户")
            }
        }
        for (index, cadreID) in assignment.cadreIDs.enumerated() {
            let cadre = byID[cadreID]
            if cadre == nil || !line.contains(cadre!.$orgUnit.id) || !cadre!.active {
                v.fail("cadreIds[\(index)]", "驻企干部不存在或不在本企业所属园区及上级单位")
            } else if !cadre!.roles.contains(.cadre) {
                v.fail("cadreIds[\(index)]", "驻企干部“\(cadre!.displayName)”没有“联点干部”角色")
            }
        }
        if let departmentID = assignment.departmentID {
            let department = try await DepartmentModel.find(departmentID, on: database)
            if department == nil || !line.contains(department!.$orgUnit.id) {
                v.fail("departmentId", "对口部门不存在或不在本企业所属园区及上级单位")
            }
        }
        if Set(assignment.cadreIDs).count != assignment.cadreIDs.count {
            v.fail("cadreIds", "驻企干部有重复")
        }
        try v.throwIfFailed()
    }

    static func joined(_ ids: [UUID]) -> String? {
        ids.isEmpty ? nil : ids.map(\.uuidString).sorted().joined(separator: ",")
    }

    /// The liaison of each enterprise, with names.
    static func load(_ enterpriseIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: Liaison] {
        guard !enterpriseIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let enterpriseId: UUID
            let kind: String
            let userId: UUID?
            let departmentId: UUID?
            let userName: String?
            let departmentName: String?
        }
        var result: [UUID: Liaison] = [:]
        for batch in enterpriseIDs.chunked(into: 500) {
            let rows = try await sql.raw(
                """
                SELECT l.enterprise_id, l.kind, l.user_id, l.department_id, u.display_name AS user_name,
                d.name AS department_name FROM enterprise_liaisons l
                LEFT JOIN users u ON u.id = l.user_id LEFT JOIN departments d ON d.id = l.department_id
                WHERE l.enterprise_id IN (\(binds: Array(batch))) ORDER BY u.display_name
                """
            ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            for row in rows {
                var liaison = result[row.enterpriseId] ?? Liaison()
                switch row.kind {
                case "leader": liaison.leader = row.userId.map { NamedRef(id: $0, name: row.userName ?? "") }
                case "department":
                    liaison.department = row.departmentId.map { NamedRef(id: $0, name: row.departmentName ?? "") }
                default: if let id = row.userId { liaison.cadres.append(NamedRef(id: id, name: row.userName ?? "")) }
                }
                result[row.enterpriseId] = liaison
            }
        }
        return result
    }
}

extension LiaisonService {
    /// An enterprise a cadre is stationed at (驻企), with its last visit and its problems and
    /// suggestions not closed yet.
    struct StationedEnterprise: Decodable, Sendable {
        let id: UUID
        let name: String
        let lastVisitedOn: String?
        let openProblems: Int
    }

    static func stationedEnterprises(of cadre: UUID, on sql: any SQLDatabase) async throws -> [StationedEnterprise] {
        try await sql.raw(
            """
            SELECT e.id, e.name,
            (SELECT MAX(v.visited_on) FROM visits v WHERE v.enterprise_id = e.id) AS last_visited_on,
            (SELECT COUNT(*) FROM problems p WHERE p.enterprise_id = e.id
              AND p.state NOT IN ('closed', 'rejected', 'merged', 'escalated')) AS open_problems
            FROM enterprises e JOIN enterprise_liaisons l ON l.enterprise_id = e.id
            WHERE l.user_id = \(bind: cadre) AND l.kind = 'cadre'
            """
        ).all(decoding: StationedEnterprise.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
