import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/work-orders`: `POST import?orgUnit=&platform=` takes the hotline's or the platform's
/// work-order sheet (multipart field `file`) into the unit's ledger, all or nothing; `GET
/// replies.xlsx?orgUnit=&from=&to=&format=` is the reply sheet that goes back.
struct WorkOrdersAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orders = routes.grouped("work-orders")
        orders.on(.POST, "import", body: .collect(maxSize: UploadedFile.maxSize), use: importSheet)
        orders.get("replies.xlsx", use: WorkOrderDownloads.replies)
    }

    @Sendable func importSheet(req: Request) async throws -> WorkOrderImportReport {
        let actor = try req.requireSignedIn().actor
        let upload = try UploadedFile(req)
        defer { upload.remove() }
        var v = Validator()
        let target = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
        let platform = v.optionalText(req.queryText("platform"), field: "platform", label: "工单来源", maxLength: 40)
        try v.throwIfFailed()
        return try await req.workOrderImport(by: actor).run(file: upload.url, into: target, platform: platform)
    }
}

/// The reply sheet as a download, for the page and the API.
enum WorkOrderDownloads {
    static func replies(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        var v = Validator()
        let unit = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
        let from = v.optionalDay(req.queryText("from"), field: "from", label: "起始日期")
        let to = v.optionalDay(req.queryText("to"), field: "to", label: "截止日期")
        if let from, let to, from > to { v.fail("to", "截止日期不能早于起始日期") }
        try v.throwIfFailed()
        let format = try ExportFormat(query: req.queryText("format"))
        let sheet = WorkOrderReplySheet(sql: req.db.sql, tree: try await req.orgTree())
        let file = try await sheet.write(
            of: unit, by: actor, from: from, to: to, today: LocalDate(req.now, in: .chinaStandard), format: format)
        return try await OfficeDownload.stream(file, req)
    }
}

extension Request {
    func workOrderImport(by actor: Actor) async throws -> WorkOrderImport {
        WorkOrderImport(database: db, actor: actor, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}

extension WorkOrderImportReport: Content {}
