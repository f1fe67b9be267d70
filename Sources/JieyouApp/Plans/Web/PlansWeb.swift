import Foundation
import JieyouDomain
import Vapor

/// 攻坚方案 pages: the plans of a scope; one plan's 三张清单 (目标 / 任务 / 责任) and its 旬调度; a
/// unit's tasks across plans with what it owes this 旬.
struct PlansWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.plans, use: index)
        routes.get(SiteURL.plan(.key), use: show)
        routes.get(SiteURL.planLists(.key), use: PlanDownloads.lists)
        routes.get(SiteURL.planBulletin(.key), use: bulletin)
        routes.get(SiteURL.planBulletinFile(.key), use: PlanDownloads.bulletin)
        routes.post(SiteURL.planTargetActuals(.key), use: recordActual)
        routes.get(SiteURL.planUnit(.key), use: unit)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let view = PlanListView(
            plans: try await req.planDesk().plans(for: signedIn.actor),
            mayImport: AccessPolicy.has(signedIn.actor, .managePlans))
        return try await req.page("攻坚方案", view.html, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let desk = req.planDesk()
        let detail = try await desk.detail(try req.idParameter("方案"), for: signedIn.actor)
        let tab = PlanPageView.Tab(rawValue: req.queryText("view") ?? "") ?? .tasks
        let progress =
            tab == .progress ? try await desk.progress(detail, period: try desk.period(req.queryText("period"))) : nil
        let view = PlanPageView(
            detail: detail, tab: tab, workstream: req.queryText("workstream").flatMap(UUID.init(uuidString:)),
            today: LocalDate(req.now, in: .chinaStandard),
            mayManage: AccessPolicy.has(signedIn.actor, .managePlans) && detail.plan.orgUnitId == signedIn.orgUnitID,
            progress: progress, csrf: FormFields.csrf(signedIn))
        return try await req.page(detail.plan.title, view.html, flash: req.flash)
    }

    /// The 月通报 or 季讲评 as a page.
    @Sendable func bulletin(req: Request) async throws -> Response {
        let b = try await req.planDesk().bulletin(
            try req.idParameter("方案"), kind: req.queryText("kind"), date: req.queryText("date"),
            for: try req.requireSignedIn().actor)
        return try await req.page(b.title, PlanBulletinView(bulletin: b).html)
    }

    struct ActualForm: Content {
        var month: String?
        var value: String?
    }

    @Sendable func recordActual(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("目标")
        let form = try req.content.decode(ActualForm.self)
        let plan = try await req.planDesk().recordActual(
            target: id, month: form.month, value: form.value, note: nil, by: signedIn.actor)
        return req.redirect(to: "\(WebPath.plan(plan))?view=targets&done=saved")
    }

    /// A unit's tasks across the plans the reader reads, with what it owes this 旬.
    @Sendable func unit(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("单位")
        let today = LocalDate(req.now, in: .chinaStandard)
        let (name, visible, plans, reported) = try await req.planDesk().unitTasks(
            id, period: TenDayPeriod(containing: today), for: signedIn.actor)
        let view = PlanUnitView(unit: id, name: name, tasks: visible, plans: plans, reported: reported, today: today)
        return try await req.page("\(name)的攻坚任务", view.html)
    }
}
