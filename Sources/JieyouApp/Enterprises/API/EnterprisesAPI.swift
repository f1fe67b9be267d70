import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/enterprises`: the registry, scoped to the caller (an enterprise account sees itself).
struct EnterprisesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let enterprises = routes.grouped("enterprises")
        enterprises.get(use: list)
        enterprises.post(use: create)
        enterprises.on(.POST, "import", body: .collect(maxSize: UploadedFile.maxSize), use: importSheet)
        enterprises.get(":id", use: show)
        enterprises.patch(":id", use: update)
        enterprises.put(":id", "liaison", use: setLiaison)
    }

    @Sendable func list(req: Request) async throws -> API.EnterpriseListDTO {
        let desk = try await req.enterpriseDesk()
        let filter = try EnterpriseFilter(query: req, access: try desk.access())
        let limit = try req.pageLimit(maximum: 200)
        let page = try await desk.search(filter, limit: limit, cursor: req.queryText("cursor"))
        return API.EnterpriseListDTO(
            items: page.items, total: page.total, totalCapped: page.totalCapped, nextCursor: page.nextCursor)
    }

    @Sendable func show(req: Request) async throws -> API.EnterpriseDTO {
        let desk = try await req.enterpriseDesk()
        let (stored, liaison) = try await desk.enterprise(try req.idParameter("企业"))
        return API.EnterpriseDTO(stored, liaison: liaison, access: try desk.access())
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageEnterprises) else { throw AppError.forbidden() }
        let body = try req.content.decode(API.EnterpriseWrite.self)
        let id = try await req.enterpriseDesk().register(body.draft, orgUnit: body.orgUnitId ?? signedIn.orgUnitID)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> API.EnterpriseDTO {
        let desk = try await req.enterpriseDesk()
        guard try desk.access().mayManage else { throw AppError.forbidden() }
        let stored = try await desk.enterprise(try req.idParameter("企业")).enterprise
        let body = try req.content.decode(API.EnterpriseWrite.self)
        let draft = EnterpriseService.merged(
            body.draft, over: stored, whitelisted: body.whitelisted, tagsGiven: body.tags != nil,
            contactsGiven: body.contacts != nil)
        try await desk.update(stored.row.id, orgUnit: body.orgUnitId, draft)
        return try await show(req: req)
    }

    @Sendable func setLiaison(req: Request) async throws -> API.EnterpriseDTO {
        let desk = try await req.enterpriseDesk()
        guard try desk.access().mayManage else { throw AppError.forbidden() }
        let body = try req.content.decode(API.LiaisonWrite.self)
        try await desk.setLiaison(try req.idParameter("企业"), body.assignment)
        return try await show(req: req)
    }

    @Sendable func importSheet(req: Request) async throws -> EnterpriseImportReport {
        let desk = try await req.enterpriseDesk()
        guard try desk.access().mayManage else { throw AppError.forbidden() }
        let upload = try UploadedFile(req)
        defer { upload.remove() }
        return try await desk.importList(
            upload.url, narrowing: req.queryText("orgUnit"), logger: req.logger)
    }
}

extension EnterpriseFilter {
    /// The filters of the list page and the API, from the query string; a bad value is a 400 naming it.
    init(query req: Request, access: EnterpriseAccess) throws {
        try self.init(query: req.queryText, access: access)
    }

    /// The same from any source of named values (the command line's `--where`).
    init(query text: (String) -> String?, access: EnterpriseAccess) throws {
        self.init()
        q = text("q")
        industry = text("industry")
        region = text("region")
        if let scale = text("scale") {
            guard let parsed = EnterpriseScale(rawValue: scale) else {
                throw AppError.invalid("scale", "企业规模应为 above（规上）或 below（规下）")
            }
            self.scale = parsed
        }
        tag = text("tag")
        if let cadre = text("cadre") {
            guard let id = UUID(uuidString: cadre) else { throw AppError.invalid("cadre", "驻企干部参数无效") }
            cadreID = id
        }
        neverVisited = try QueryFlag.parse(text("neverVisited"), field: "neverVisited") ?? false
        orgUnitID = try access.narrowing(text("orgUnit"))
    }
}
