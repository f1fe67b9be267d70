import Foundation
import JieyouDomain
import Vapor

/// One task of a plan: what it asks, who leads and helps, its milestones and every 旬's reports; the
/// lead unit's 旬调度 form; the office's 挂牌督办 and milestone forms.
struct PlanTaskWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planTask(.key), use: show)
        routes.post(SiteURL.planTaskProgress(.key), use: report)
        routes.post(SiteURL.planTaskSupervision(.key), use: supervise)
        routes.post(SiteURL.planTaskMilestones(.key), use: addMilestone)
    }

    struct ReportForm: Content {
        var progress: String?
        var percent: String?
        var difficulties: String?
        var period: String?
        var department: String?
        var milestone: String?
    }

    struct SuperviseForm: Content {
        var note: String?
        var lift: String?
    }

    struct MilestoneForm: Content {
        var title: String?
        var dueOn: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, errors: [], status: .ok)
    }

    private func page(
        _ req: Request, report: ReportForm = ReportForm(), errors: [FieldError], status: HTTPResponseStatus
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let (plan, task, reports) = try await req.planDesk().task(try req.idParameter("任务"), for: signedIn.actor)
        let mayManage = AccessPolicy.has(signedIn.actor, .managePlans) && plan.orgUnitId == signedIn.orgUnitID
        let view = PlanTaskPageView(
            plan: plan, task: task, reports: reports, today: LocalDate(req.now, in: .chinaStandard),
            ownLead: signedIn.actor.has(.handler) ? task.leads.first { $0.id == signedIn.actor.departmentID } : nil,
            mayManage: mayManage, report: report, errors: errors, csrf: FormFields.csrf(signedIn))
        return try await req.page(task.title, view.html, flash: req.flash, status: status)
    }

    @Sendable func report(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("任务")
        let form = try req.content.decode(ReportForm.self)
        do {
            try await req.planDesk().report(
                task: id,
                ProgressDraft(progress: form.progress, percent: form.percent, difficulties: form.difficulties),
                period: form.period, department: form.department.flatMap(UUID.init(uuidString:)),
                milestone: form.milestone.flatMap(UUID.init(uuidString:)), by: signedIn.actor)
            return req.redirect(to: "\(WebPath.planTask(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, report: form, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func supervise(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("任务")
        let form = try req.content.decode(SuperviseForm.self)
        do {
            try await req.planDesk().supervise(
                task: id, note: form.lift == nil ? (form.note ?? "") : nil, by: signedIn.actor)
            return req.redirect(to: "\(WebPath.planTask(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(
                req, errors: error.fieldErrors.map { FieldError(field: "s-\($0.field)", message: $0.message) },
                status: error.status)
        }
    }

    @Sendable func addMilestone(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("任务")
        let form = try req.content.decode(MilestoneForm.self)
        do {
            _ = try await req.planDesk().addMilestone(
                task: id, title: form.title, dueOn: form.dueOn, by: signedIn.actor)
            return req.redirect(to: "\(WebPath.planTask(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(
                req, errors: error.fieldErrors.map { FieldError(field: "m-\($0.field)", message: $0.message) },
                status: error.status)
        }
    }
}
