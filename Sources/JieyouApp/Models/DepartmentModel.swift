import Fluent
import Foundation
import JieyouDomain

/// 部门/责任单位 of an org unit.
final class DepartmentModel: Model, @unchecked Sendable {
    static let schema = "departments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "org_unit_id") var orgUnit: OrgUnitModel
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, orgUnitID: UUID, name: String, kind: DepartmentKind, phone: String? = nil, active: Bool = true
    ) {
        self.id = id
        self.$orgUnit.id = orgUnitID
        self.name = name
        self.kind = kind.rawValue
        self.phone = phone
        self.active = active
    }

    var departmentKind: DepartmentKind { DepartmentKind(rawValue: kind) ?? .bureau }

    var auditValues: [String: String?] {
        ["orgUnitId": $orgUnit.id.uuidString, "name": name, "kind": kind, "phone": phone, "active": String(active)]
    }
}
