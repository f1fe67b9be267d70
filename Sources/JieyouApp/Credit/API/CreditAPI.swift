import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/credit-records`: 双公示 records (`GET` with the list's filters, `POST`, `GET`/`PATCH /{id}`),
/// publication (`POST /{id}/publish`), the counts per department (`GET tally`), the export in the
/// standard's columns (`GET export`), 信用修复 applications (`GET`/`POST /{id}/repairs`) and their
/// decisions (`POST /api/v1/credit-repairs/{id}/decision`).
struct CreditAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped("credit-records")
        records.get(use: list)
        records.post(use: create)
        records.get("export", use: CreditDownloads.records)
        records.get("tally", use: tally)
        records.on(.POST, "import", body: .collect(maxSize: UploadedFile.maxSize), use: importSheet)
        records.get(":id", use: show)
        records.patch(":id", use: update)
        records.post(":id", "publish", use: publish)
        records.get(":id", "repairs", use: repairs)
        records.post(":id", "repairs", use: apply)
        routes.post("credit-repairs", ":id", "decision", use: decide)
    }

    struct RecordWrite: Content {
        let kind: String?
        let orgUnitId: UUID?
        let departmentId: UUID?
        let counterpartyName: String?
        let counterpartyCategory: String?
        let creditCode: String?
        let legalRepresentative: String?
        let documentNumber: String?
        let licenceCategory: String?
        let licenceContent: String?
        let licenceNumber: String?
        let violationType: String?
        let violationFacts: String?
        let penaltyBasis: String?
        let penaltyCategories: [String]?
        let penaltyContent: String?
        let fineWan: String?
        let confiscatedWan: String?
        let severity: String?
        let decidedOn: String?
        let validFrom: String?
        let validUntil: String?
        let authority: String?
        let authorityCode: String?
        let publish: Bool?

        var draft: CreditRecordDraft {
            var d = CreditRecordDraft()
            (d.kind, d.counterpartyName, d.counterpartyCategory) = (kind, counterpartyName, counterpartyCategory)
            (d.creditCode, d.legalRepresentative, d.documentNumber) = (creditCode, legalRepresentative, documentNumber)
            (d.licenceCategory, d.licenceContent, d.licenceNumber) = (licenceCategory, licenceContent, licenceNumber)
            (d.violationType, d.violationFacts, d.penaltyBasis) = (violationType, violationFacts, penaltyBasis)
            (d.penaltyCategories, d.penaltyContent, d.fineWan) = (penaltyCategories, penaltyContent, fineWan)
            (d.confiscatedWan, d.severity, d.decidedOn, d.validFrom) = (confiscatedWan, severity, decidedOn, validFrom)
            (d.validUntil, d.authority, d.authorityCode) = (validUntil, authority, authorityCode)
            return d
        }
    }

    /// A record as staff read it.
    struct RecordDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let departmentId: UUID
        let departmentName: String
        let enterpriseId: UUID?
        let kind: String
        let counterpartyName: String
        let counterpartyCategory: String
        let creditCode: String?
        let legalRepresentative: String?
        let documentNumber: String
        let licenceCategory: String?
        let licenceContent: String?
        let licenceNumber: String?
        let violationType: String?
        let violationFacts: String?
        let penaltyBasis: String?
        let penaltyCategories: [String]
        let penaltyContent: String?
        let fineWan: String?
        let confiscatedWan: String?
        let severity: String?
        let decidedOn: String
        let validFrom: String?
        let validUntil: String?
        let authority: String
        let authorityCode: String?
        let publicationDeadline: String
        let publicUntil: String
        let publishedOn: String?
        let repairedOn: String?
        /// awaiting, overdue, published, expired or repaired, on the day asked.
        let status: String
        let statusName: String
        let publishedLate: Bool
        let repairableFrom: String?
        let repairState: String?

        init(_ row: CreditStore.Row, today: LocalDate) {
            (id, orgUnitId, departmentId, departmentName) = (
                row.id, row.orgUnitId, row.departmentId, row.departmentName
            )
            (enterpriseId, kind, counterpartyName) = (row.enterpriseId, row.kind, row.counterpartyName)
            (counterpartyCategory, creditCode, legalRepresentative) = (
                row.counterpartyCategory, row.creditCode, row.legalRepresentative
            )
            (documentNumber, licenceCategory, licenceContent) = (
                row.documentNumber, row.licenceCategory, row.licenceContent
            )
            (licenceNumber, violationType, violationFacts) = (row.licenceNumber, row.violationType, row.violationFacts)
            (penaltyBasis, penaltyCategories, penaltyContent) = (
                row.penaltyBasis, row.penaltyKinds.map(\.rawValue), row.penaltyContent
            )
            (fineWan, confiscatedWan) = (row.fineYuan.map(Money.wan), row.confiscatedYuan.map(Money.wan))
            (severity, decidedOn, validFrom, validUntil) = (row.severity, row.decidedOn, row.validFrom, row.validUntil)
            (authority, authorityCode, publicationDeadline) = (
                row.authority, row.authorityCode, row.publicationDeadline
            )
            (publicUntil, publishedOn, repairedOn) = (row.publicUntil, row.publishedOn, row.repairedOn)
            let timeline = row.timeline
            let status = timeline.status(on: today)
            (self.status, statusName, publishedLate) = (status.rawValue, status.chineseName, timeline.publishedLate)
            repairableFrom = timeline.repairableFrom?.iso
            repairState = row.repairState
        }
    }

    struct ListDTO: Content {
        let items: [RecordDTO]
        let total: Int
    }

    struct RepairDTO: Content {
        let id: UUID
        let recordId: UUID
        let state: String
        let stateName: String
        let statement: String
        let contact: String?
        let phone: String?
        let appliedBy: String
        let appliedOn: String
        let decidedBy: String?
        let decidedOn: String?
        let reason: String?

        init(_ row: CreditRepairStore.Row) {
            (id, recordId, state, stateName) = (row.id, row.recordId, row.state, row.stateValue.chineseName)
            (statement, contact, phone, appliedBy) = (row.statement, row.contact, row.phone, row.applicantName)
            (appliedOn, decidedBy, decidedOn, reason) = (row.appliedOn, row.deciderName, row.decidedOn, row.reason)
        }
    }

    struct RepairWrite: Content {
        let statement: String?
        let fulfilled: Bool?
        let contact: String?
        let phone: String?
    }

    struct DecisionWrite: Content {
        let decision: String?
        let reason: String?
    }

    struct TallyDTO: Content {
        struct Line: Content {
            let departmentId: UUID
            let departmentName: String
            let licences: Int
            let penalties: Int
            let total: Int
            let publishedOnTime: Int
            let publishedLate: Int
            let unpublished: Int
            let repaired: Int
        }
        let from: String
        let to: String
        let items: [Line]
        let total: Int
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let actor = try req.requireSignedIn().actor
        let query = try CreditQuery(req)
        let limit = try req.pageLimit(maximum: 500)
        let desk = try await req.creditDesk()
        let (rows, total) = try await desk.list(query.filter, for: actor, limit: limit, offset: query.offset)
        return ListDTO(items: rows.map { RecordDTO($0, today: desk.today) }, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(RecordWrite.self)
        let desk = try await req.creditDesk()
        let row = try await desk.create(
            CreditDesk.Input(
                draft: body.draft, orgUnitID: body.orgUnitId, departmentID: body.departmentId,
                publish: body.publish ?? false), by: actor)
        return try await RecordDTO(row, today: desk.today).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> RecordDTO {
        let actor = try req.requireSignedIn().actor
        let desk = try await req.creditDesk()
        return RecordDTO(try await desk.record(try req.idParameter("双公示信息"), for: actor), today: desk.today)
    }

    @Sendable func update(req: Request) async throws -> RecordDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(RecordWrite.self)
        let desk = try await req.creditDesk()
        let row = try await desk.update(try req.idParameter("双公示信息"), body.draft, by: actor)
        return RecordDTO(row, today: desk.today)
    }

    @Sendable func publish(req: Request) async throws -> RecordDTO {
        let actor = try req.requireSignedIn().actor
        let desk = try await req.creditDesk()
        return RecordDTO(try await desk.publish(try req.idParameter("双公示信息"), by: actor), today: desk.today)
    }

    @Sendable func tally(req: Request) async throws -> TallyDTO {
        let actor = try req.requireSignedIn().actor
        let query = try CreditQuery(req)
        let lines = try await req.creditDesk().tally(
            from: query.period.lowerBound, through: query.period.upperBound, for: actor)
        return TallyDTO(
            from: query.period.lowerBound.iso, to: query.period.upperBound.iso,
            items: lines.map {
                TallyDTO.Line(
                    departmentId: $0.departmentId, departmentName: $0.departmentName, licences: $0.licences,
                    penalties: $0.penalties, total: $0.total, publishedOnTime: $0.publishedOnTime,
                    publishedLate: $0.publishedLate, unpublished: $0.unpublished, repaired: $0.repaired)
            }, total: lines.reduce(0) { $0 + $1.total })
    }

    /// `POST import?orgUnit=&department=&publish=`: a sheet in the standard's columns (multipart field
    /// `file`), all or nothing.
    @Sendable func importSheet(req: Request) async throws -> CreditImportReport {
        let actor = try req.requireSignedIn().actor
        let upload = try UploadedFile(req)
        defer { upload.remove() }
        var v = Validator()
        let unit = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
        let department = req.queryID("department", "部门", &v)
        let publish: Bool?
        do { publish = try req.queryFlag("publish") } catch {
            v.fail("publish", "“publish”应为 true 或 false")
            publish = nil
        }
        try v.throwIfFailed()
        return try await req.creditImport(by: actor).run(
            file: upload.url, into: unit, department: department, publish: publish ?? false)
    }

    @Sendable func repairs(req: Request) async throws -> [RepairDTO] {
        let actor = try req.requireSignedIn().actor
        return try await req.creditDesk().repairs(of: try req.idParameter("双公示信息"), for: actor).map(RepairDTO.init)
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(RepairWrite.self)
        let id = try req.idParameter("双公示信息")
        let application = try CreditRepairApplication.parse(
            statement: body.statement, fulfilled: body.fulfilled ?? false, contact: body.contact, phone: body.phone
        ).get()
        let repair = try await req.creditDesk().apply(to: id, application, by: actor)
        return try await RepairDTO(repair).encodeResponse(status: .created, for: req)
    }

    @Sendable func decide(req: Request) async throws -> RepairDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(DecisionWrite.self)
        let id = try req.idParameter("信用修复申请")
        let decision = try CreditRepairDecision.parse(decision: body.decision, reason: body.reason).get()
        return RepairDTO(try await req.creditDesk().decide(id, decision, by: actor))
    }
}

extension CreditImportReport: Content {}

extension Request {
    func creditImport(by actor: Actor) async throws -> CreditImport {
        CreditImport(database: db, actor: actor, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}
