import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// What a unit's admins set for the loop in their subtree (PRODUCT.md §3): the time limits, which
/// replace those of the units above, and sub-categories under the shipped ten. Each change is an event.
struct ProblemSettingsService {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }

    /// A unit's limits: what it sets itself, what it would have without that, and what is in force.
    struct Limits: Sendable {
        let own: ProblemTimeLimits.Overrides
        let inherited: ProblemTimeLimits
        let inForce: ProblemTimeLimits
    }

    func limits(of unit: UUID, by actor: Actor) async throws -> Limits {
        _ = try await requireManager(actor, of: unit)
        return try await Self.limits(of: unit, on: sql)
    }

    /// The sub-categories a unit's settings page lists: those it uses (its own and those of the units
    /// above) and those of the units below it, which it may read but not change.
    func subCategories(around unit: UUID, by actor: Actor) async throws -> [ProblemCategory] {
        let tree = try await requireManager(actor, of: unit)
        let units = tree.lineage(of: unit).map(\.id) + Array(tree.subtree(of: unit))
        return try await ProblemCategoryStore.subCategories(of: units, on: sql)
    }

    static func limits(of unit: UUID, on sql: any SQLDatabase) async throws -> Limits {
        let lineage = try await OrgDirectory.tree(on: sql).lineage(of: unit).map(\.id)
        let overrides = try await ProblemRules.overrides(of: lineage, on: sql)
        let above = lineage.dropFirst().reversed().map { overrides[$0] ?? .init() }
        let own = overrides[unit] ?? .init()
        return Limits(
            own: own, inherited: .inForce(lineage: Array(above), subCategories: []),
            inForce: .inForce(lineage: above + [own], subCategories: []))
    }

    /// Replaces what the unit sets: a limit left out follows the units above again.
    func setLimits(_ overrides: ProblemTimeLimits.Overrides, for unit: UUID, by actor: Actor) async throws -> Limits {
        _ = try await requireManager(actor, of: unit)
        let problems = overrides.problems()
        if !problems.isEmpty { throw AppError.validation(ValidationFailure(problems)) }
        let before = try await ProblemRules.overrides(of: [unit], on: sql)[unit] ?? .init()
        guard before != overrides else { return try await Self.limits(of: unit, on: sql) }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await sql.raw(
                """
                DELETE FROM org_settings WHERE org_unit_id = \(bind: unit)
                  AND name LIKE \(bind: ProblemTimeLimits.Overrides.settingPrefix + "%")
                """
            ).run()
            let settings = overrides.settings
            if !settings.isEmpty {
                var insert = sql.insert(into: "org_settings").columns("org_unit_id", "name", "value", "updated_at")
                for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
                    insert = insert.values(SQLBind(unit), SQLBind(name), SQLBind(value), SQLBind(now))
                }
                try await insert.run()
            }
            try await log.record(
                "orgSettings", id: unit.uuidString, "timeLimits.update",
                ChangeSet.diff(Self.auditValues(before), Self.auditValues(overrides)), orgUnit: unit)
        }
        return try await Self.limits(of: unit, on: sql)
    }

    /// A sub-category under a shipped category, for `unit` and the units below it. Its name is unique
    /// under its parent among the sub-categories any of those units uses.
    func addSubCategory(
        parentCode: String?, name: String?, resolveDays: String?, in unit: UUID, by actor: Actor
    ) async throws -> ProblemCategory {
        let tree = try await requireManager(actor, of: unit)
        var v = Validator()
        let parent = ProblemCategory.shipped.first { $0.code == parentCode }
        if parent == nil { v.fail("parentCode", "请选择所属的问题类别（十类之一）") }
        let name = v.requiredText(name, field: "name", label: "子类名称", maxLength: ProblemCategory.maxNameLength)
        let days = Self.days(resolveDays, &v)
        try v.throwIfFailed()
        if let name, let parent {
            try await requireFreeName(name, under: parent.code, for: unit, except: nil, tree: tree)
        }
        let limits = try await ProblemRules.limits(for: unit, on: sql)
        let category = ProblemCategory(
            code: ProblemCategory.subCode(under: parent!.code, suffix: Self.suffix()), name: name!,
            resolveDays: days ?? limits.resolveDays(for: parent!.code), parentCode: parent!.code, orgUnitID: unit)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.insert(into: "problem_categories")
                .columns("code", "name", "parent_code", "org_unit_id", "resolve_days", "created_at")
                .values(
                    SQLBind(category.code), SQLBind(category.name), SQLBind(category.parentCode), SQLBind(unit),
                    SQLBind(category.resolveDays), SQLBind(now)
                ).run()
            try await log.record(
                "problemCategory", id: category.code, "create", .created(Self.auditValues(category)), orgUnit: unit)
        }
        return category
    }

    /// Renames a sub-category or changes its limit (blank keeps it), by an admin of the unit that added it.
    func updateSubCategory(_ code: String, name: String?, resolveDays: String?, by actor: Actor) async throws
        -> ProblemCategory
    {
        guard let category = try await ProblemCategoryStore.find(code, on: sql), let unit = category.orgUnitID else {
            throw AppError.notFound("问题子类")
        }
        let tree = try await requireManager(actor, of: unit, what: "问题子类")
        var v = Validator()
        let newName =
            name == nil
            ? category.name
            : v.requiredText(name, field: "name", label: "子类名称", maxLength: ProblemCategory.maxNameLength)
        let days = Self.days(resolveDays, &v) ?? category.resolveDays
        try v.throwIfFailed()
        let updated = ProblemCategory(
            code: code, name: newName!, resolveDays: days, parentCode: category.parentCode, orgUnitID: unit)
        guard updated != category else { return category }
        if updated.name != category.name {
            try await requireFreeName(updated.name, under: category.parentCode!, for: unit, except: code, tree: tree)
        }
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.update("problem_categories")
                .set("name", to: SQLBind(updated.name)).set("resolve_days", to: SQLBind(updated.resolveDays))
                .where("code", .equal, SQLBind(code)).run()
            try await log.record(
                "problemCategory", id: code, "update",
                ChangeSet.diff(Self.auditValues(category), Self.auditValues(updated)), orgUnit: unit)
        }
        return updated
    }

    /// Deletes a sub-category that no problem is filed under; one in use stays (PRODUCT.md §3).
    func deleteSubCategory(_ code: String, by actor: Actor) async throws {
        guard let category = try await ProblemCategoryStore.find(code, on: sql), let unit = category.orgUnitID else {
            if ProblemCategory.shipped.contains(where: { $0.code == code }) {
                throw AppError.conflict(nil, "十类问题类别由系统提供，不能删除")
            }
            throw AppError.notFound("问题子类")
        }
        _ = try await requireManager(actor, of: unit, what: "问题子类")
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let used =
                try await sql.raw(
                    "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM problems WHERE category_code = \(bind: code)"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard used == 0 else {
                throw AppError.conflict(nil, "子类“\(category.name)”下已有\(used)个问题，不能删除（可改名）")
            }
            try await sql.delete(from: "problem_categories").where("code", .equal, SQLBind(code)).run()
            try await log.record(
                "problemCategory", id: code, "delete", ChangeSet.diff(Self.auditValues(category), [:]), orgUnit: unit)
        }
    }

    /// A category a unit files under, with its name as lists show it and its time limit there.
    struct CategoryInForce: Sendable {
        let category: ProblemCategory
        let displayName: String
        let resolveDays: Int
    }

    /// The categories problems of `unit` (default: the actor's) may be filed under; a unit outside
    /// the actor's reach is not found.
    func categories(in unit: UUID?, for actor: Actor) async throws -> [CategoryInForce] {
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let unit = unit ?? actor.orgUnitID
        guard tree[unit] != nil, tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
        let categories = try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql)
        let limits = try await ProblemRules.limits(for: unit, on: sql)
        let names = ProblemCategoryStore.displayNames(categories)
        return categories.map {
            CategoryInForce(
                category: $0, displayName: names[$0.code] ?? $0.name, resolveDays: limits.resolveDays(for: $0.code))
        }
    }

    // MARK: - Checks

    @discardableResult
    private func requireManager(_ actor: Actor, of unit: UUID, what: String = "组织") async throws -> OrgTree {
        try await OrgDirectory.tree(managing: unit, by: actor, what: what, on: database)
    }

    /// No unit may see two sub-categories of one name under one parent: the name is checked against
    /// the sub-categories of the unit's lineage and of the units below it.
    private func requireFreeName(
        _ name: String, under parent: String, for unit: UUID, except code: String?, tree: OrgTree
    ) async throws {
        let units = tree.lineage(of: unit).map(\.id) + Array(tree.subtree(of: unit))
        let clash = try await ProblemCategoryStore.subCategories(of: units, on: sql).first {
            $0.parentCode == parent && $0.name == name && $0.code != code
        }
        if let clash {
            let owner = clash.orgUnitID.flatMap { tree[$0]?.name } ?? ""
            throw AppError.conflict("name", "“\(name)”已是\(owner)的问题子类")
        }
    }

    private static func days(_ text: String?, _ v: inout Validator) -> Int? {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let range = ProblemTimeLimits.allowedDays
        guard let days = Int(text), range ~= days else {
            v.fail("resolveDays", "办理时限应为\(range.lowerBound)至\(range.upperBound)之间的整数（工作日）")
            return nil
        }
        return days
    }

    /// Six hex digits: short enough to read in an export, and checked against the table's key.
    private static func suffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(6)).lowercased()
    }

    static func auditValues(_ overrides: ProblemTimeLimits.Overrides) -> [String: String?] {
        var values: [String: String?] = [:]
        for (field, _) in ProblemTimeLimits.Overrides.fields {
            values[field] = overrides.settings[ProblemTimeLimits.Overrides.settingPrefix + field]
        }
        for category in ProblemCategory.shipped {
            values["resolveDays." + category.code] = overrides.resolveDays[category.code].map { "\($0)" }
        }
        for kind in ProblemKind.requesterKinds {
            values["kindResolveDays." + kind.rawValue] = overrides.kindResolveDays[kind.rawValue].map { "\($0)" }
        }
        return values
    }

    static func auditValues(_ category: ProblemCategory) -> [String: String?] {
        ["name": category.name, "parentCode": category.parentCode, "resolveDays": "\(category.resolveDays)"]
    }
}
