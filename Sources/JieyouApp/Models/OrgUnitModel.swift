import Fluent
import Foundation
import JieyouDomain

/// 组织: a province, city, county or park.
final class OrgUnitModel: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "parent_id") var parent: OrgUnitModel?
    @Field(key: "level") var level: String
    @Field(key: "name") var name: String
    /// GB/T 2260 division code, or a local code for parks.
    @OptionalField(key: "code") var code: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, parentID: UUID?, level: OrgLevel, name: String, code: String?) {
        self.id = id
        self.$parent.id = parentID
        self.level = level.rawValue
        self.name = name
        self.code = code
    }

    var orgLevel: OrgLevel { OrgLevel(rawValue: level) ?? .park }

    var node: OrgTree.Node {
        OrgTree.Node(id: id!, parentID: $parent.id, level: orgLevel, name: name)
    }

    /// The values recorded in the event log.
    var auditValues: [String: String?] {
        ["parentId": $parent.id?.uuidString, "level": level, "name": name, "code": code]
    }
}
