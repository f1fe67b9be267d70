import Foundation
import JieyouDomain
import Vapor

/// 走访台账, and 记录走访: the phone-first form a cadre fills in standing in a workshop. No script, large targets,
/// few fields: pick the enterprise, tick the purposes, write what was found (one problem per line).
struct VisitsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.visits, use: index)
        routes.get(SiteURL.newVisit, use: new)
        routes.on(.POST, SiteURL.visits.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: create)
    }

    struct Form: Content {
        var enterpriseId: String?
        var visitedOn: String?
        var purposes: [String]?
        var notes: String?
        var problems: String?
        var suggestions: String?
        var companions: [String]?
        /// Policies brought on this visit (上门送达).
        var policyIds: [String]?
        /// 现场照片, taken with the phone's camera.
        var files: [File]?

        /// Each non-empty line of the two boxes is one finding.
        var input: VisitInput {
            func lines(_ text: String?, _ kind: FindingKind) -> [(kind: String?, text: String?)] {
                (text ?? "").split(whereSeparator: \.isNewline).map { (kind.rawValue, String($0)) }
            }
            return VisitInput(
                enterpriseID: formUUID(enterpriseId), visitedOn: visitedOn, purposes: purposes ?? [], notes: notes,
                cadreIDs: (companions ?? []).compactMap(formUUID),
                findings: lines(problems, .problem) + lines(suggestions, .suggestion))
        }
    }

    /// 走访台账 of a period (`from`, `to`); a bad day is named above an empty list.
    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.fieldWorkDesk()
        let limit = 200
        var visits: [VisitSummary] = []
        var errors: [FieldError] = []
        do {
            let filter = try FieldWorkFilter(query: req.queryText, reach: .units(try desk.units()))
            visits = try await desk.visits(filter, limit: limit)
        } catch {
            errors = try AppError.forForm(error).fieldErrors
        }
        let view = VisitListView(
            from: req.queryText("from"), to: req.queryText("to"), visits: visits, limit: limit,
            query: req.url.query ?? "", errors: errors, mayRecord: AccessPolicy.has(desk.actor, .recordFieldWork))
        return try await req.page("走访台账", view.html, status: errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        guard let enterpriseID = formUUID(req.query[String.self, at: "enterprise"]) else {
            return try await req.page("记录走访", try await picker(req, signedIn))
        }
        let today = LocalDate(req.now, in: .chinaStandard)
        let form = Form(
            enterpriseId: enterpriseID.uuidString, visitedOn: today.iso,
            purposes: [VisitPurpose.problemFinding.rawValue])
        return try await req.page("记录走访", try await self.form(req, signedIn, form, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(Form.self)
        do {
            guard let id = formUUID(form.enterpriseId) else { throw AppError.notFound("企业") }
            // The photos are checked before the visit is saved: a refused photo saves nothing.
            let attachments = try await req.attachmentDesk()
            let photos = try attachments.check(
                (form.files ?? []).map { SentFile(name: $0.filename, data: Data(buffer: $0.data)) }, for: .visit,
                purpose: AttachmentPurpose.photo.rawValue)
            let visit = try await req.fieldWorkDesk().recordVisit(
                form.input, bringing: (form.policyIds ?? []).compactMap(formUUID))
            if !photos.isEmpty { _ = try await attachments.add(photos, to: .visit, visit) }
            return req.redirect(to: WebPath.enterprise(id) + "?done=visitRecorded")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "记录走访", try await self.form(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    /// Step one: choose the enterprise.
    private func picker(_ req: Request, _ signedIn: SignedIn) async throws -> HTML {
        let q = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return VisitPickerView(query: q, picks: try await req.fieldWorkDesk().visitPicks(matching: q)).html
    }

    private func form(_ req: Request, _ signedIn: SignedIn, _ form: Form, errors: [FieldError]) async throws -> HTML {
        guard let id = formUUID(form.enterpriseId) else { throw AppError.notFound("企业") }
        let (enterprise, cadres, policies) = try await req.fieldWorkDesk().visitChoices(id)
        return VisitFormView(
            form: form, enterpriseID: id, enterpriseName: enterprise.row.name, errors: errors,
            csrf: FormFields.csrf(signedIn), policies: policies, companions: cadres,
            maxMegabytes: req.application.appConfiguration.attachmentMaxMegabytes
        ).html
    }
}
