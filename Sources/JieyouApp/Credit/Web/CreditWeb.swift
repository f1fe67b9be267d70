import Fluent
import Foundation
import JieyouDomain
import Vapor

/// 双公示 pages: the list with its counts per department, the entry form, a record's page (publication,
/// 信用修复, 材料), the review queue of a department, and the public page anyone may open.
struct CreditWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.credit, use: index)
        routes.get(.newCreditRecord, use: new)
        routes.post(.credit, use: create)
        routes.get(.creditExport, use: CreditDownloads.records)
        routes.get(.creditReviews, use: reviews)
        routes.get(.creditImport, use: importForm)
        routes.on(
            .POST, SiteURL.creditImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: importSheet)
        routes.get(.creditRecord(.key), use: show)
        routes.get(.editCreditRecord(.key), use: edit)
        routes.post(.creditRecord(.key), use: update)
        routes.post(.creditPublish(.key), use: publish)
        routes.post(.creditRepairs(.key), use: apply)
        routes.post(.creditRepairDecision(.key), use: decide)
    }

    /// The entry form as posted.
    struct Form: Content {
        var kind: String?
        var orgUnitId: String?
        var departmentId: String?
        var counterpartyName: String?
        var counterpartyCategory: String?
        var creditCode: String?
        var legalRepresentative: String?
        var documentNumber: String?
        var licenceCategory: String?
        var licenceContent: String?
        var licenceNumber: String?
        var violationType: String?
        var violationFacts: String?
        var penaltyBasis: String?
        var penaltyCategories: [String]?
        var penaltyContent: String?
        var fineWan: String?
        var confiscatedWan: String?
        var severity: String?
        var decidedOn: String?
        var validFrom: String?
        var validUntil: String?
        var authority: String?
        var authorityCode: String?
        var publish: String?

        var draft: CreditRecordDraft {
            var d = CreditRecordDraft()
            (d.kind, d.counterpartyName, d.counterpartyCategory) = (kind, counterpartyName, counterpartyCategory)
            (d.creditCode, d.legalRepresentative, d.documentNumber) = (
                creditCode ?? "", legalRepresentative ?? "", documentNumber
            )
            (d.licenceCategory, d.licenceContent, d.licenceNumber) = (
                licenceCategory, licenceContent, licenceNumber ?? ""
            )
            (d.violationType, d.violationFacts, d.penaltyBasis) = (violationType, violationFacts, penaltyBasis)
            d.penaltyCategories = penaltyCategories ?? []
            (d.penaltyContent, d.fineWan, d.confiscatedWan, d.severity) = (
                penaltyContent, fineWan ?? "", confiscatedWan ?? "", severity
            )
            (d.decidedOn, d.validFrom, d.validUntil) = (decidedOn, validFrom ?? "", validUntil ?? "")
            (d.authority, d.authorityCode) = (authority, authorityCode ?? "")
            return d
        }

        init(kind: CreditDecisionKind) { self.kind = kind.rawValue }

        init(_ row: CreditStore.Row) {
            let d = row.draft
            (kind, orgUnitId, departmentId) = (row.kind, row.orgUnitId.uuidString, row.departmentId.uuidString)
            (counterpartyName, counterpartyCategory, creditCode) = (
                d.counterpartyName, d.counterpartyCategory, d.creditCode
            )
            (legalRepresentative, documentNumber, licenceCategory) = (
                d.legalRepresentative, d.documentNumber, d.licenceCategory
            )
            (licenceContent, licenceNumber, violationType) = (d.licenceContent, d.licenceNumber, d.violationType)
            (violationFacts, penaltyBasis, penaltyCategories) = (d.violationFacts, d.penaltyBasis, d.penaltyCategories)
            (penaltyContent, fineWan, confiscatedWan, severity) = (
                d.penaltyContent, d.fineWan, d.confiscatedWan, d.severity
            )
            (decidedOn, validFrom, validUntil, authority, authorityCode) = (
                d.decidedOn, d.validFrom, d.validUntil, d.authority, d.authorityCode
            )
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let query = try CreditQuery(req)
        let desk = try await req.creditDesk()
        let (rows, total) = try await desk.list(query.filter, for: signedIn.actor, limit: 50, offset: query.offset)
        let tally = try await desk.tally(
            from: query.period.lowerBound, through: query.period.upperBound, for: signedIn.actor)
        let view = CreditListView(
            actor: signedIn.actor, rows: rows, total: total, query: query, tally: tally,
            departments: try await departmentOptions(req, signedIn.actor), today: desk.today,
            queryString: req.url.query ?? "")
        return try await req.page("双公示", view.html, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard CreditAccess.entersRecords(signedIn.actor) else { throw AppError.forbidden() }
        let kind = req.queryText("kind").flatMap(CreditDecisionKind.init(rawValue:)) ?? .penalty
        var form = Form(kind: kind)
        form.departmentId = signedIn.actor.departmentID?.uuidString
        form.counterpartyCategory = CounterpartyCategory.organisation.rawValue
        form.publish = "true"
        if kind == .penalty { form.severity = CreditSeverity.general.rawValue }
        let tree = try await OrgDirectory.tree(on: req.db)
        form.authority = tree[signedIn.orgUnitID].map { "\($0.name)" }
        return try await formPage(req, form, row: nil, errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(Form.self)
        do {
            let row = try await req.creditDesk().create(
                CreditDesk.Input(
                    draft: form.draft, orgUnitID: formUUID(form.orgUnitId), departmentID: formUUID(form.departmentId),
                    publish: form.publish == "true"), by: signedIn.actor)
            return req.redirect(to: SiteURL.creditRecord(.value(row.id)).path + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await formPage(req, form, row: nil, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.recordPage(req, try req.idParameter("双公示信息"))
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let desk = try await req.creditDesk()
        let row = try await desk.record(try req.idParameter("双公示信息"), for: signedIn.actor)
        let tree = try await OrgDirectory.tree(on: req.db)
        guard CreditAccess.mayEnter(signedIn.actor, department: row.departmentId, at: row.orgUnitId, in: tree) else {
            throw AppError.forbidden("只能修改本部门登记的双公示信息")
        }
        return try await formPage(req, Form(row), row: row, errors: [])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("双公示信息")
        let desk = try await req.creditDesk()
        let row = try await desk.record(id, for: signedIn.actor)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await desk.update(id, form.draft, by: signedIn.actor)
            return req.redirect(to: SiteURL.creditRecord(.value(id)).path + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            var typed = form
            typed.kind = row.kind
            return try await formPage(req, typed, row: row, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("双公示信息")
        do {
            _ = try await req.creditDesk().publish(id, by: signedIn.actor)
            return req.redirect(to: SiteURL.creditRecord(.value(id)).path + "?done=published")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.recordPage(req, id, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("双公示信息")
        let form = try req.content.decode(ApplicationForm.self)
        do {
            let application = try CreditRepairApplication.parse(
                statement: form.statement, fulfilled: form.fulfilled == "true", contact: form.contact, phone: form.phone
            ).get()
            _ = try await req.creditDesk().apply(to: id, application, by: signedIn.actor)
            return req.redirect(to: SiteURL.creditRecord(.value(id)).path + "?done=applied")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.recordPage(req, id, errors: error.fieldErrors, typed: form, status: error.status)
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let repairID = try req.idParameter("信用修复申请")
        let form = try req.content.decode(DecisionForm.self)
        let desk = try await req.creditDesk()
        guard let repair = try await desk.repairStore.load(repairID) else { throw AppError.notFound("信用修复申请") }
        do {
            let decision = try CreditRepairDecision.parse(decision: form.decision, reason: form.reason).get()
            _ = try await desk.decide(repairID, decision, by: signedIn.actor)
            return req.redirect(to: SiteURL.creditRecord(.value(repair.recordId)).path + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.recordPage(
                req, repair.recordId, errors: error.fieldErrors, decision: form, status: error.status)
        }
    }

    @Sendable func reviews(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard signedIn.actor.has(.handler), signedIn.actor.departmentID != nil else { throw AppError.forbidden() }
        let queue = try await req.creditDesk().reviewQueue(for: signedIn.actor)
        return try await req.page("信用修复审核", CreditReviewQueueView(queue: queue).html)
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard CreditAccess.entersRecords(signedIn.actor) else { throw AppError.forbidden() }
        return try await req.page(
            "导入双公示信息", try await importPage(req, signedIn, errors: [], count: 0))
    }

    @Sendable func importSheet(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard CreditAccess.entersRecords(signedIn.actor) else { throw AppError.forbidden() }
        let departments = try await departmentOptions(req, signedIn.actor, entering: true)
        return try await req.sheetImport(
            "导入双公示信息", done: "导入完成",
            form: { CreditImportFormView(signedIn: signedIn, departments: departments, errors: $0, count: $1).html }
        ) { upload in
            let department = (try? req.content.get(String.self, at: "departmentId")).flatMap(formUUID)
            let publish = (try? req.content.get(String.self, at: "publish")) == "true"
            let report = try await req.creditImport(by: signedIn.actor).run(
                file: upload.url, into: signedIn.actor.orgUnitID, department: department, publish: publish)
            return CreditImportResultView(report: report).html
        }
    }

    private func importPage(_ req: Request, _ signedIn: SignedIn, errors: [String], count: Int) async throws -> HTML {
        CreditImportFormView(
            signedIn: signedIn, departments: try await departmentOptions(req, signedIn.actor, entering: true),
            errors: errors, count: count
        ).html
    }

    struct ApplicationForm: Content {
        var statement: String?
        var fulfilled: String?
        var contact: String?
        var phone: String?
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    /// A record's page, with the errors of the form that failed on it.
    static func recordPage(
        _ req: Request, _ id: UUID, errors: [FieldError] = [], typed: ApplicationForm? = nil,
        decision: DecisionForm? = nil, attachmentErrors: [FieldError] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let desk = try await req.creditDesk()
        let row = try await desk.record(id, for: signedIn.actor)
        let tree = try await OrgDirectory.tree(on: req.db)
        let view = CreditRecordView(
            row: row, repairs: try await desk.repairStore.list(of: id), actor: signedIn.actor, tree: tree,
            today: desk.today, csrf: FormFields.csrf(signedIn), errors: errors, typed: typed, decision: decision,
            files: AttachmentSectionView(
                section: try await req.attachmentDesk().section(.creditRecord, id), csrf: FormFields.csrf(signedIn),
                errors: attachmentErrors, likely: .repairMaterial))
        return try await req.page(row.counterpartyName, view.html, flash: req.flash, status: status)
    }

    private func formPage(
        _ req: Request, _ form: Form, row: CreditStore.Row?, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let view = CreditFormView(
            form: form, row: row, errors: errors, csrf: FormFields.csrf(signedIn),
            departments: try await departmentOptions(req, signedIn.actor, entering: true))
        return try await req.page(row == nil ? "登记双公示信息" : "修改双公示信息", view.html, status: status)
    }

    /// The departments the actor files records under (entering) or reads (the list's filter).
    private func departmentOptions(_ req: Request, _ actor: Actor, entering: Bool = false) async throws -> [(
        value: String, label: String
    )] {
        if actor.roles.isDisjoint(with: [.admin, .dispatcher] + (entering ? [] : Array(CreditAccess.readers))) {
            guard let own = actor.departmentID else { return [] }
            let name = try await DepartmentModel.find(own, on: req.db)?.name ?? ""
            return [(own.uuidString, name)]
        }
        let tree = try await OrgDirectory.tree(on: req.db)
        let units = entering ? [actor.orgUnitID] : Array(tree.subtree(of: actor.orgUnitID))
        return try await DepartmentModel.query(on: req.db).filter(\.$orgUnit.$id ~~ units).filter(\.$active == true)
            .sort(\.$name).all().map { department in
                let unit =
                    department.$orgUnit.id == actor.orgUnitID ? "" : "（\(tree[department.$orgUnit.id]?.name ?? "")）"
                return (department.id!.uuidString, department.name + unit)
            }
    }
}

/// The public page: records in their publication period, for anyone, without signing in. It shows
/// the standard's public items only: no 法定代表人, and a 自然人 by surname.
struct CreditPublicWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.creditPublic, use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        var v = Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        let kind = CreditQuery.kind(req, &v)
        let offset = max(0, req.queryText("offset").flatMap(Int.init) ?? 0)
        let text = req.queryText("q")
        if let text, text.count > 100 { v.fail("q", "查询内容不能超过100个字") }
        try v.throwIfFailed()
        let desk = try await req.creditDesk()
        let (rows, total) = try await desk.publicRecords(unit: unit, kind: kind, text: text, limit: 50, offset: offset)
        let tree = try await OrgDirectory.tree(on: req.db)
        let view = CreditPublicView(
            rows: rows, total: total, offset: offset, unit: unit.flatMap { tree[$0] }, kind: kind, text: text,
            today: desk.today)
        return try await req.page("信用信息公示", view.html)
    }
}

extension Request {
    func creditDesk() async throws -> CreditDesk {
        CreditDesk(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}
