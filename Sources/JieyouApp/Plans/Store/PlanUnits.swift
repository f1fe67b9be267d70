import Foundation
import JieyouDomain
import SQLKit

/// A unit a plan names, matched to the departments of the plan's org unit: the same name, the same
/// name once parentheses are dropped (区住建局 for 区住建局（交通局））, or none, in which case saving
/// the plan creates it.
struct PlanUnitMatch: Sendable, Hashable {
    enum Kind: String, Sendable { case exact, similar, new }
    let name: String
    let departmentId: UUID?
    let departmentName: String?
    let kind: Kind
}

enum PlanUnits {
    struct Department: Sendable, Hashable {
        let id: UUID
        let name: String
    }

    static func departments(of orgUnit: UUID, on sql: any SQLDatabase) async throws -> [Department] {
        try await sql.raw(
            "SELECT id, name FROM departments WHERE org_unit_id = \(bind: orgUnit) AND active = \(bind: true) ORDER BY name"
        ).all().map {
            Department(
                id: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self))
        }
    }

    static func match(_ names: [String], against departments: [Department]) -> [PlanUnitMatch] {
        let byName = Dictionary(departments.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(departments.map { (UnitNames.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        return names.map { name in
            if let department = byName[name] {
                return PlanUnitMatch(
                    name: name, departmentId: department.id, departmentName: department.name, kind: .exact)
            }
            if let department = byKey[UnitNames.key(name)] {
                return PlanUnitMatch(
                    name: name, departmentId: department.id, departmentName: department.name, kind: .similar)
            }
            return PlanUnitMatch(name: name, departmentId: nil, departmentName: nil, kind: .new)
        }
    }

    /// What kind of department a new unit is, from its name.
    static func kind(of name: String) -> DepartmentKind {
        if name.hasSuffix("街道") || name.hasSuffix("镇") || name.hasSuffix("乡") { return .streetTown }
        if name.contains("专班") { return .taskForce }
        if name.contains("税务") || name.contains("电力") || name.contains("银行") || name.contains("法庭")
            || name.contains("法院")
            || name.contains("分行") || name.contains("中心西洞庭") || name.hasSuffix("管理部")
        {
            return .external
        }
        if name.hasSuffix("公司") || name.hasSuffix("市政") { return .company }
        return .bureau
    }
}
