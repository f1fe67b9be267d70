import JieyouDomain
import Vapor

/// 活动 pages: the list, the form, one meeting. The form takes its lists as lines, the way officials
/// already keep them in Excel: paste the column of attending enterprises, paste the financing table.
struct MeetingsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.meetings, use: index)
        routes.get(SiteURL.newMeeting, use: new)
        routes.post(SiteURL.meetings, use: create)
        routes.get(SiteURL.meeting(.key), use: show)
    }

    struct Form: Content {
        var kind: String?
        var title: String?
        var heldOn: String?
        var place: String?
        var departmentId: String?
        var notes: String?
        var enterpriseList: String?
        var problemList: String?
        var suggestionList: String?
        var financingList: String?
        var dealList: String?
        var policyIds: [String]?

        var pasted: PastedMeeting {
            PastedMeeting(
                kind: kind, title: title, heldOn: heldOn, place: place, departmentID: formUUID(departmentId),
                notes: notes, enterpriseList: enterpriseList ?? "", problemList: problemList ?? "",
                suggestionList: suggestionList ?? "", financingList: financingList ?? "", dealList: dealList ?? "",
                policyIDs: (policyIds ?? []).compactMap(formUUID))
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.fieldWorkDesk()
        let view = MeetingListView(
            meetings: try await desk.meetings(FieldWorkFilter(reach: .units(try desk.units())), limit: 200),
            mayRecord: AccessPolicy.has(desk.actor, .recordFieldWork))
        return try await req.page("活动", view.html, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, attachmentErrors: [], status: .ok)
    }

    /// The meeting's page; `attachmentErrors` are a refused upload's (`AttachmentsWeb`).
    static func page(_ req: Request, attachmentErrors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let id = try req.idParameter("活动")
        let detail = try await req.fieldWorkDesk().meeting(id)
        let attachments = AttachmentSectionView(
            section: try await req.attachmentDesk().section(.meeting, id),
            csrf: FormFields.csrf(try req.requireSignedIn()),
            errors: attachmentErrors)
        return try await req.page(
            detail.summary.title, MeetingPageView(detail: detail, attachments: attachments).html, flash: req.flash,
            status: status)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let form = Form(kind: MeetingKind.symposium.rawValue, heldOn: LocalDate(req.now, in: .chinaStandard).iso)
        return try await req.page("记录活动", try await self.form(req, signedIn, form, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(Form.self)
        do {
            let id = try await req.fieldWorkDesk().recordMeeting(pasted: form.pasted)
            return req.redirect(to: WebPath.meeting(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "记录活动", try await self.form(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ req: Request, _ signedIn: SignedIn, _ form: Form, errors: [FieldError]) async throws -> HTML {
        let (departments, policies) = try await req.fieldWorkDesk().meetingChoices()
        return MeetingFormView(
            form: form, errors: errors, csrf: FormFields.csrf(signedIn), departments: departments.map { ($0, $1) },
            policies: policies.map { ($0, $1) }
        ).html
    }
}
