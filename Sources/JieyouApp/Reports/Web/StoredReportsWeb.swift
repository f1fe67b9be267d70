import Foundation
import JieyouDomain
import Vapor

/// 报告草稿与印发 on the web (`/reports/records`) over `ReportDesk`: the list, a report with its
/// editor while it is a draft of the reader's own unit, keeping a draft from a report page, and
/// issuing it.
struct StoredReportsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.storedReports, use: keep)
        routes.get(.storedReports, use: listPage)
        routes.get(.storedReport(.key), use: showPage)
        routes.get(.storedReportFile(.key), use: ReportDownloads.storedReport)
        routes.post(.storedReport(.key), use: editPage)
        routes.post(.storedReportIssue(.key), use: issuePage)
        routes.get(.reportInbox, use: inboxPage)
        routes.post(.storedReportRead(.key), use: readPage)
    }

    struct EditBody: Content {
        var summary: String?
        var nextSteps: String?
    }

    /// The hidden fields of a report page's 生成草稿 button.
    struct KeepForm: Content {
        var kind: String?
        var period: String?
        var campaign: String?
    }

    @Sendable func keep(req: Request) async throws -> Response {
        let body = try req.content.decode(KeepForm.self)
        let (id, created) = try await req.reportDesk().keepDraft(
            kind: body.kind, period: body.period, campaign: body.campaign, for: try req.requireSignedIn().actor)
        return req.redirect(to: WebPath.storedReport(id) + (created ? "?done=created" : ""))
    }

    @Sendable func editPage(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        let body = try req.content.decode(EditBody.self)
        let desk = try await req.reportDesk()
        do {
            try await desk.editStoredReport(
                id, summary: body.summary ?? "", nextSteps: body.nextSteps ?? "", for: actor)
            return req.redirect(to: WebPath.storedReport(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, id, typed: body, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func issuePage(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("报告")
        struct Confirm: Content { var confirm: String? }
        do {
            guard try req.content.decode(Confirm.self).confirm == "on" else {
                throw AppError.invalid("confirm", "请勾选“已核对”后再印发")
            }
            try await req.reportDesk().issueStoredReport(id, for: actor)
            return req.redirect(to: WebPath.storedReport(id) + "?done=issued")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, id, typed: nil, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func readPage(req: Request) async throws -> Response {
        let id = try req.idParameter("报告")
        try await req.reportDesk().markRead(id, for: try req.requireSignedIn().actor)
        let back = req.query[String.self, at: "back"] == "inbox" ? SiteURL.reportInbox.path : WebPath.storedReport(id)
        return req.redirect(to: back + "?done=read")
    }

    // MARK: Pages

    @Sendable func inboxPage(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let inbox = try await req.reportDesk().inbox(for: signedIn.actor)
        let view = ReportInboxView(
            inbox: inbox, mayMarkRead: ReportStore.mayReceive(signedIn.actor, unit: inbox.orgUnitId),
            csrf: FormFields.csrf(signedIn))
        return try await req.page("报送收件箱", view.html, flash: req.flash)
    }

    @Sendable func listPage(req: Request) async throws -> Response {
        let entries = try await req.reportDesk().storedReports(
            state: req.queryText("state"), orgUnit: req.queryText("orgUnit"), for: try req.requireSignedIn().actor)
        let view = StoredReportListView(entries: entries, state: req.queryText("state") ?? "")
        return try await req.page("报告草稿与印发", view.html, flash: req.flash)
    }

    @Sendable func showPage(req: Request) async throws -> Response {
        try await render(req, try req.idParameter("报告"), typed: nil, errors: [], status: .ok)
    }

    private func render(
        _ req: Request, _ id: UUID, typed: EditBody?, errors: [FieldError], status: HTTPResponseStatus
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let desk = try await req.reportDesk()
        let (report, unitName) = try await desk.storedReport(id, for: signedIn.actor)
        let view = StoredReportPageView(
            report: report, unitName: unitName, mayEdit: ReportStore.mayWrite(signedIn.actor, unit: report.orgUnitId),
            typed: typed, errors: errors, csrf: FormFields.csrf(signedIn),
            receiverName: try await desk.receiverName(of: report),
            mayMarkRead: report.submittedTo.map { ReportStore.mayReceive(signedIn.actor, unit: $0) } ?? false)
        return try await req.page(report.title, view.html, flash: req.flash, status: status)
    }
}
