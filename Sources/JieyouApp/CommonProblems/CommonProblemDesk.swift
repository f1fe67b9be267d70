import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// What the 共性问题 pages and the API do: propose groups among a unit's open problems, let its service
/// group confirm, split, merge or dismiss them, send a confirmed group up as one policy question, let
/// the unit above answer it, and resolve the members by that answer (`CommonProblemDesk+Answer`).
struct CommonProblemDesk {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    var sql: any SQLDatabase { database.sql }
    var store: CommonProblemStore { CommonProblemStore(sql: sql) }
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// A group the grouping proposes: its members, what they share, and a first title.
    struct Proposal: Sendable {
        let members: [CommonProblemStore.Problem]
        let keywords: [String]
        let cohesion: Double
        let enterprises: Int
        let suggestedTitle: String
    }

    /// The unit the actor reads, `requested` or its own; not found outside its subtree.
    func readableUnit(_ requested: UUID?, for actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let unit = requested ?? actor.orgUnitID
        guard tree[unit] != nil, CommonProblemRules.mayRead(actor, groupUnit: unit, in: tree) else {
            if actor.roles.isDisjoint(with: CommonProblemRules.readers) { throw AppError.forbidden() }
            throw AppError.notFound("单位")
        }
        return unit
    }

    /// The groups proposed among `unit`'s open problems, largest first; a proposal the service group
    /// dismissed stays away until a problem it did not hold joins it.
    func proposals(in requested: UUID?, for actor: Actor) async throws -> (unit: UUID, proposals: [Proposal]) {
        let unit = try await readableUnit(requested, for: actor)
        let candidates = try await store.candidates(in: unit)
        let dismissed = try await store.dismissals(in: unit)
        let groups = CommonProblemGrouping.groups(
            of: candidates.map {
                CommonProblemGrouping.Item(text: $0.description, category: $0.categoryCode, enterprise: $0.enterpriseId)
            })
        let proposals = groups.compactMap { group -> Proposal? in
            let members = group.members.map { candidates[$0] }
            let ids = Set(members.map(\.id))
            guard !dismissed.contains(where: { ids.isSubset(of: $0) }) else { return nil }
            return Proposal(
                members: members, keywords: group.keywords, cohesion: group.cohesion,
                enterprises: Set(members.map { $0.enterpriseId ?? $0.id }).count,
                suggestedTitle: Self.title(from: candidates[group.representative].description))
        }
        return (unit, proposals)
    }

    /// The representative member's text, cut at its first clause and to the title's length.
    static func title(from text: String) -> String {
        let clause = text.split(whereSeparator: { "，。；,;".contains($0) }).first.map(String.init) ?? text
        return String(clause.prefix(CommonProblemRules.maxTitle))
    }

    /// The groups of `unit`'s subtree the actor reads, latest first.
    func list(in requested: UUID?, states: [CommonProblemState], for actor: Actor) async throws
        -> [CommonProblemStore.Row]
    {
        let unit = try await readableUnit(requested, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        return try await store.list(units: Array(tree.subtree(of: unit)), states: states)
    }

    /// The groups sent up to the actor's unit or a unit below it that wait for an answer the actor may give.
    func awaitingAnswer(for actor: Actor) async throws -> [CommonProblemStore.Row] {
        guard actor.has(.dispatcher) || actor.has(.upper) else { return [] }
        let tree = try await OrgDirectory.tree(on: database)
        return try await store.awaitingAnswer(from: Array(tree.subtree(of: actor.orgUnitID)))
    }

    /// One group the actor reads, with its members.
    func group(_ id: UUID, for actor: Actor) async throws -> (
        row: CommonProblemStore.Row, members: [CommonProblemStore.Problem]
    ) {
        guard let row = try await store.load(id) else { throw AppError.notFound("共性问题") }
        let tree = try await OrgDirectory.tree(on: database)
        guard CommonProblemRules.mayRead(actor, groupUnit: row.orgUnitId, in: tree) else {
            throw AppError.notFound("共性问题")
        }
        return (row, try await store.members(of: id))
    }

    /// Confirms the problems as one 共性问题 of the actor's unit (all of a proposal, or the part kept:
    /// the rest stays proposed).
    func confirm(_ problemIDs: [UUID], title: String?, by actor: Actor) async throws -> UUID {
        guard actor.has(.dispatcher) else { throw AppError.forbidden("共性问题由服务小组确认") }
        let title = try CommonProblemRules.title(title)
        let problems = try await shapeable(problemIDs, by: actor)
        try CommonProblemRules.checkMembers(enterprises: problems.map(\.enterpriseId))
        let keywords =
            CommonProblemGrouping.describe(
                problems.map {
                    CommonProblemGrouping.Item(
                        text: $0.description, category: $0.categoryCode, enterprise: $0.enterpriseId)
                })?.keywords ?? []
        let id = UUID()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await CommonProblemStore(sql: tx.sql).insert(
                id: id, unit: actor.orgUnitID, title: title, keywords: keywords, members: problems.map(\.id),
                by: actor.userID, now: now)
            try await log.record(
                "commonProblem", id: id.uuidString, "confirm",
                .created(["title": title, "problems": problems.map(\.number).joined(separator: ",")]),
                orgUnit: actor.orgUnitID)
        }
        return id
    }

    /// Adds problems to a confirmed group (a proposal merged into it).
    func add(_ problemIDs: [UUID], to id: UUID, by actor: Actor) async throws {
        let (row, _) = try await shapeableGroup(id, by: actor)
        let problems = try await shapeable(problemIDs, by: actor)
        guard !problems.isEmpty else { throw AppError.invalid("problemIds", "请选择要并入的问题") }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let store = CommonProblemStore(sql: tx.sql)
            guard try await store.touch(id, from: row.version, now: now) else { throw Self.raced }
            try await store.add(problems.map(\.id), to: id, now: now)
            try await log.record(
                "commonProblem", id: id.uuidString, "members.add",
                .created(["problems": problems.map(\.number).joined(separator: ",")]), orgUnit: row.orgUnitId)
        }
    }

    /// Takes one problem out of a confirmed group (a split); a group left with fewer than two
    /// enterprises is dissolved, its last member proposed again with the others.
    func remove(_ problemID: UUID, from id: UUID, by actor: Actor) async throws -> Bool {
        let (row, members) = try await shapeableGroup(id, by: actor)
        guard let member = members.first(where: { $0.id == problemID }) else {
            throw AppError.notFound("共性问题中的该问题")
        }
        let rest = members.filter { $0.id != problemID }
        let dissolves = (try? CommonProblemRules.checkMembers(enterprises: rest.map(\.enterpriseId))) == nil
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let store = CommonProblemStore(sql: tx.sql)
            guard try await store.touch(id, from: row.version, now: now) else { throw Self.raced }
            if dissolves { try await store.delete(id) } else { try await store.remove(problemID, from: id) }
            try await log.record(
                "commonProblem", id: id.uuidString, dissolves ? "delete" : "members.remove",
                .created(["problem": member.number]), orgUnit: row.orgUnitId)
        }
        return dissolves
    }

    /// Merges another confirmed group of the unit into this one.
    func merge(_ otherID: UUID, into id: UUID, by actor: Actor) async throws {
        guard otherID != id else { throw AppError.invalid("groupId", "不能与自身合并") }
        let (row, _) = try await shapeableGroup(id, by: actor)
        let (other, _) = try await shapeableGroup(otherID, by: actor, field: "groupId")
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let store = CommonProblemStore(sql: tx.sql)
            guard try await store.touch(id, from: row.version, now: now),
                try await store.touch(otherID, from: other.version, now: now)
            else { throw Self.raced }
            try await store.merge(otherID, into: id)
            try await log.record(
                "commonProblem", id: id.uuidString, "merge", .created(["merged": other.title]), orgUnit: row.orgUnitId)
            try await log.record(
                "commonProblem", id: otherID.uuidString, "delete", .created(["mergedInto": row.title]),
                orgUnit: row.orgUnitId)
        }
    }

    /// Dismisses a proposal: these problems are not proposed together again.
    func dismiss(_ problemIDs: [UUID], by actor: Actor) async throws {
        guard actor.has(.dispatcher) else { throw AppError.forbidden("共性问题由服务小组确认或排除") }
        let problems = try await shapeable(problemIDs, by: actor)
        guard problems.count >= 2 else { throw AppError.invalid("problemIds", "请选择建议中的问题") }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let dismissal = try await CommonProblemStore(sql: tx.sql).dismiss(
                problems.map(\.id), in: actor.orgUnitID, by: actor.userID, now: now)
            try await log.record(
                "commonProblem", id: dismissal.uuidString, "dismiss",
                .created(["problems": problems.map(\.number).joined(separator: ",")]), orgUnit: actor.orgUnitID)
        }
    }

    static let raced = AppError.conflict(nil, "共性问题已被他人修改，请刷新后再试")

    /// The problems, each the actor's unit's own, open, of a grouped kind and in no group yet; the
    /// first that is not is named.
    func shapeable(_ ids: [UUID], by actor: Actor) async throws -> [CommonProblemStore.Problem] {
        let unique = Array(Set(ids))
        guard unique.count <= 500 else { throw AppError.invalid("problemIds", "一次最多选择500个问题") }
        let found = try await store.problems(unique)
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        for id in unique {
            guard let problem = byID[id], problem.orgUnitId == actor.orgUnitID else {
                throw AppError.invalid("problemIds", "问题不存在或不在本单位的台账中")
            }
            guard problem.stateValue.isOpen else {
                throw AppError.invalid("problemIds", "问题\(problem.number)已\(problem.stateValue.chineseName)，不能归入共性问题")
            }
            guard CommonProblemRules.groupedKinds.map(\.rawValue).contains(problem.kind) else {
                throw AppError.invalid("problemIds", "\(problem.number)不是企业问题，不能归入共性问题")
            }
            guard problem.groupId == nil else {
                throw AppError.invalid("problemIds", "问题\(problem.number)已在另一个共性问题中")
            }
        }
        return found
    }

    /// A group the actor's service group shapes, still only confirmed (its members are fixed once sent up).
    func shapeableGroup(_ id: UUID, by actor: Actor, field: String? = nil) async throws -> (
        row: CommonProblemStore.Row, members: [CommonProblemStore.Problem]
    ) {
        let (row, members) = try await group(id, for: actor)
        guard CommonProblemRules.mayShape(actor, unit: row.orgUnitId) else {
            throw AppError.forbidden("共性问题由\(row.unitName)服务小组调整")
        }
        guard row.stateValue == .confirmed else {
            throw AppError.conflict(field, "共性问题“\(row.title)”已\(row.stateValue.chineseName)，成员不能再调整")
        }
        return (row, members)
    }
}
