import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/campaigns`: 专项行动. Readers of enterprises see the campaigns of their subtree and of the
/// units above them; admins create and edit those of their subtree.
struct CampaignsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let campaigns = routes.grouped("campaigns")
        campaigns.get(use: list)
        campaigns.post(use: create)
        campaigns.get(":id", use: show)
        campaigns.patch(":id", use: update)
    }

    struct CampaignDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let name: String
        let startsOn: String
        let mobilisationEndsOn: String
        let actionEndsOn: String
        let endsOn: String
        /// Today's phase; absent before the start and after the end.
        let phase: String?
        let scope: String
        let scopeTag: String?
        let requiredVisits: Int
        let cadences: [String]
        /// For scope `list` only.
        let enterprises: [NamedRef]?

        init(_ c: CampaignRecord, today: LocalDate, enterprises: [NamedRef]?) {
            id = c.id
            orgUnitId = c.orgUnitId
            name = c.name
            startsOn = c.startsOn
            mobilisationEndsOn = c.mobilisationEndsOn
            actionEndsOn = c.actionEndsOn
            endsOn = c.endsOn
            phase = c.schedule.phase(on: today)?.rawValue
            scope = c.scope
            scopeTag = c.scopeTag
            requiredVisits = c.requiredVisits
            cadences = c.cadenceList.map(\.rawValue)
            self.enterprises = enterprises
        }
    }

    struct CampaignWrite: Content {
        let orgUnitId: UUID?
        let name: String?
        let startsOn: String?
        let mobilisationEndsOn: String?
        let actionEndsOn: String?
        let endsOn: String?
        let scope: String?
        let scopeTag: String?
        let requiredVisits: Int?
        let cadences: [String]?
        let enterpriseIds: [UUID]?
    }

    struct CampaignList: Content {
        let items: [CampaignDTO]
    }

    @Sendable func list(req: Request) async throws -> CampaignList {
        let desk = try await req.campaignDesk()
        return CampaignList(items: try await desk.list().map { CampaignDTO($0, today: desk.today, enterprises: nil) })
    }

    @Sendable func show(req: Request) async throws -> CampaignDTO {
        let desk = try await req.campaignDesk()
        let (record, listed) = try await desk.campaign(try req.idParameter("专项行动"))
        return CampaignDTO(record, today: desk.today, enterprises: listed)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(CampaignWrite.self)
        let draft = CampaignDraft(
            name: body.name, startsOn: body.startsOn, mobilisationEndsOn: body.mobilisationEndsOn,
            actionEndsOn: body.actionEndsOn, endsOn: body.endsOn, scope: body.scope, scopeTag: body.scopeTag,
            requiredVisits: body.requiredVisits, cadences: body.cadences ?? [], enterpriseIDs: body.enterpriseIds ?? [])
        let id = try await req.campaignDesk().create(draft, orgUnit: body.orgUnitId)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    /// Only the fields sent change.
    @Sendable func update(req: Request) async throws -> CampaignDTO {
        let desk = try await req.campaignDesk()
        let id = try req.idParameter("专项行动")
        let (c, stored) = try await desk.campaign(id)
        guard AccessPolicy.has(desk.actor, .manageCampaigns) else { throw AppError.forbidden() }
        let body = try req.content.decode(CampaignWrite.self)
        let listed = body.enterpriseIds ?? stored?.map(\.id) ?? []
        let draft = CampaignDraft(
            name: body.name ?? c.name, startsOn: body.startsOn ?? c.startsOn,
            mobilisationEndsOn: body.mobilisationEndsOn ?? c.mobilisationEndsOn,
            actionEndsOn: body.actionEndsOn ?? c.actionEndsOn, endsOn: body.endsOn ?? c.endsOn,
            scope: body.scope ?? c.scope, scopeTag: body.scopeTag ?? c.scopeTag,
            requiredVisits: body.requiredVisits ?? c.requiredVisits,
            cadences: body.cadences ?? c.cadenceList.map(\.rawValue), enterpriseIDs: listed)
        try await desk.update(id, draft)
        return try await show(req: req)
    }
}
