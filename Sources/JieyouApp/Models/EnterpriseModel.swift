import Fluent
import Foundation

/// 企业: the registry entry an enterprise contact belongs to.
final class EnterpriseModel: Model, @unchecked Sendable {
    static let schema = "enterprises"

    @ID(key: .id) var id: UUID?
    @Parent(key: "org_unit_id") var orgUnit: OrgUnitModel
    /// 统一社会信用代码 (GB 32100-2015), upper case.
    @Field(key: "credit_code") var creditCode: String
    /// 企业全称
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, orgUnitID: UUID, creditCode: String, name: String) {
        self.id = id
        self.$orgUnit.id = orgUnitID
        self.creditCode = creditCode
        self.name = name
    }

    var auditValues: [String: String?] {
        ["orgUnitId": $orgUnit.id.uuidString, "creditCode": creditCode, "name": name]
    }
}
