import Foundation
import JieyouDomain
import Vapor

/// 导入方案: the 专班办公室 pastes a plan's text, reviews what was read (workstreams, targets, tasks,
/// units) in one form, corrects it and saves it.
struct PlanImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planImport, use: pasteForm)
        routes.on(
            .POST, SiteURL.planImport.pathComponents, body: .collect(maxSize: PlanDownloads.textBodyLimit), use: preview
        )
        routes.on(.POST, SiteURL.plans.pathComponents, body: .collect(maxSize: PlanDownloads.textBodyLimit), use: save)
    }

    struct PasteForm: Content {
        var text: String?
    }

    @Sendable func pasteForm(req: Request) async throws -> Response {
        try await pastePage(req, text: nil, errors: [], status: .ok)
    }

    private func pastePage(_ req: Request, text: String?, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let signedIn = try req.requireSignedIn()
        try PlanStore.requireManager(signedIn.actor, doing: "导入")
        let view = PlanPasteView(text: text, errors: errors, csrf: FormFields.csrf(signedIn))
        return try await req.page("导入攻坚方案", view.html, status: status)
    }

    @Sendable func preview(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(PasteForm.self)
        do {
            let (draft, units) = try await req.planDesk().preview(
                form.text ?? "", by: signedIn.actor)
            return try await previewPage(req, draft: draft, units: units, errors: [], status: .ok)
        } catch {
            let error = try AppError.forForm(error)
            return try await pastePage(req, text: form.text, errors: error.fieldErrors, status: error.status)
        }
    }

    private func previewPage(
        _ req: Request, draft: PlanDraft, units: [PlanUnitMatch], errors: [FieldError], status: HTTPResponseStatus
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let view = PlanReviewView(
            draft: draft, units: units, departments: try await req.planDesk().departments(of: signedIn.orgUnitID),
            errors: errors, csrf: FormFields.csrf(signedIn))
        return try await req.page("核对方案", view.html, status: status)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let fields = try req.content.decode([String: String].self)
        let (draft, places) = PlanPreviewForm.draft(from: fields)
        let mapping = PlanPreviewForm.mapping(from: fields)
        do {
            let id = try await req.planDesk().save(
                draft, mapping: mapping, by: signedIn.actor)
            return req.redirect(to: "\(WebPath.plan(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            let errors = error.fieldErrors.map {
                FieldError(field: PlanPreviewForm.formField($0.field, places: places), message: $0.message)
            }
            let units = try await req.planDesk().rematch(draft, mapping: mapping, of: signedIn.orgUnitID)
            return try await previewPage(req, draft: draft, units: units, errors: errors, status: error.status)
        }
    }
}
