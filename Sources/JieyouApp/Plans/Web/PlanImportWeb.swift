import Foundation
import JieyouDomain
import SQLKit
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
        guard AccessPolicy.has(signedIn.actor, .managePlans) else { throw AppError.forbidden("只有专班办公室（调度、管理员）可以导入方案") }
        let f = FormFields(errors: errors)
        let content: HTML = """
            <h1>导入攻坚方案</h1>
            <p>把方案全文（含附件）从 Word、WPS 或网页复制后粘贴到下面。系统识别各攻坚（附件）、攻坚目标、编号任务及其牵头和配合单位、工作专班，保存前可逐项核对修改。</p>
            <form method="post" action="\(WebPath.planImport)" class="card">\(FormFields.csrf(signedIn))\(f.summary)
            <div class="field"><label for="text">方案全文<span class="req">*</span></label>
            <textarea id="text" name="text" rows="18" required\(errors.isEmpty ? .empty : HTML(" aria-invalid=\"true\" aria-describedby=\"text-error\""))>\(text ?? "")</textarea>
            <p class="hint">任务以（一）、1.、（1）等编号开头，单位写在句末括号中，如“（区人社局牵头负责，区科工局等按职责分工负责）”。</p>\(f.error(for: "text"))</div>
            <div class="actions"><button type="submit">识别</button></div></form>
            """
        return try await req.page("导入攻坚方案", content, status: status)
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
        let departments = try await req.planDesk().departments(of: signedIn.orgUnitID)
        let content: HTML = """
            <h1>核对方案</h1>
            <p>请逐项核对识别结果：可修改名称、目标、任务、牵头和配合单位（以顿号分隔）、完成时限，不需要的勾选“删除”。</p>
            \(PlanPreviewForm.render(draft, units: units, departments: departments, errors: errors, signedIn: signedIn))
            """
        return try await req.page("核对方案", content, status: status)
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
            // The units as the corrected draft names them, matched again.
            let departments = try await req.planDesk().departments(of: signedIn.orgUnitID)
            var units = PlanUnits.match(draft.unitNames, against: departments)
            units = units.map { unit in
                guard let mapped = mapping[unit.name], let d = departments.first(where: { $0.id == mapped }) else {
                    return unit
                }
                return PlanUnitMatch(name: unit.name, departmentId: d.id, departmentName: d.name, kind: .similar)
            }
            return try await previewPage(req, draft: draft, units: units, errors: errors, status: error.status)
        }
    }
}
