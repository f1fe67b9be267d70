import Foundation
import JieyouDomain
import Vapor

extension API {
    struct ContactDTO: Content {
        let name: String
        let post: String?
        let phone: String?
    }

    struct RefDTO: Content {
        let id: UUID
        let name: String
    }

    struct LiaisonDTO: Content {
        let leader: RefDTO?
        let department: RefDTO?
        let cadres: [RefDTO]

        init(_ liaison: Liaison) {
            leader = liaison.leader.map { RefDTO(id: $0.id, name: $0.name) }
            department = liaison.department.map { RefDTO(id: $0.id, name: $0.name) }
            cadres = liaison.cadres.map { RefDTO(id: $0.id, name: $0.name) }
        }
    }

    struct EnterpriseDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let creditCode: String
        let name: String
        let industry: String?
        let industryName: String?
        let region: String?
        let regionName: String?
        let scale: String?
        let tags: [String]
        let relatedInfo: String?
        let whitelisted: Bool
        /// 成立日期, 营业收入 (万元, exact text) and 从业人员: what policies' rules ask about.
        let registeredOn: String?
        let revenue: String?
        let employees: Int?
        let contacts: [ContactDTO]
        let liaison: LiaisonDTO

        init(_ e: StoredEnterprise, liaison: Liaison, access: EnterpriseAccess) {
            id = e.row.id
            orgUnitId = e.row.orgUnitId
            creditCode = e.row.creditCode
            name = e.row.name
            industry = e.row.industryCode
            industryName = e.row.industryCode.flatMap { Industry.byCode[$0]?.name }
            region = e.row.regionCode
            regionName = e.row.regionCode.flatMap { Region.byCode[$0]?.fullName }
            scale = e.row.scale
            tags = e.tags
            relatedInfo = e.row.relatedInfo
            whitelisted = e.row.whitelisted
            registeredOn = e.row.registeredOn
            revenue = e.row.revenueFen.map { Amount(fen: $0).wan }
            employees = e.row.employees
            contacts = e.contacts.map { ContactDTO(name: $0.name, post: $0.post, phone: access.phone($0.phone)) }
            self.liaison = LiaisonDTO(liaison)
        }
    }

    struct EnterpriseListDTO: Content {
        let items: [EnterpriseListItem]
        let total: Int
        /// True when a name search matched more than `total` (the count stops there).
        let totalCapped: Bool
        let nextCursor: String?
    }

    struct ContactWrite: Content {
        let name: String?
        let post: String?
        let phone: String?
    }

    /// Create (every field it needs) or PATCH (only the fields sent change).
    struct EnterpriseWrite: Content {
        let orgUnitId: UUID?
        let creditCode: String?
        let name: String?
        let industry: String?
        let region: String?
        let scale: String?
        let tags: [String]?
        let relatedInfo: String?
        let whitelisted: Bool?
        let contacts: [ContactWrite]?
        let registeredOn: String?
        /// 万元, as text or a number.
        let revenue: FlexibleText?
        let employees: FlexibleText?

        var draft: EnterpriseDraft {
            EnterpriseDraft(
                creditCode: creditCode, name: name, industry: industry, region: region, scale: scale, tags: tags ?? [],
                relatedInfo: relatedInfo, whitelisted: whitelisted ?? false,
                contacts: (contacts ?? []).map { ($0.name, $0.post, $0.phone) }, registeredOn: registeredOn,
                revenue: revenue?.text, employees: employees?.text)
        }
    }

    struct LiaisonWrite: Content {
        let leaderId: UUID?
        let departmentId: UUID?
        let cadreIds: [UUID]?

        var assignment: LiaisonAssignment {
            LiaisonAssignment(leaderID: leaderId, departmentID: departmentId, cadreIDs: cadreIds ?? [])
        }
    }
}
