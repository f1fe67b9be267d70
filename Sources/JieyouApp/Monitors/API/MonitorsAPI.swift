import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/monitors`: the roster of 营商环境监督员 and 清廉园区监测点 (`GET ?orgUnit=`, `POST`, `GET`/`PATCH
/// /{id}`), the roster as a sheet (`GET export`) and one monitor's reports (`GET /{id}/reports.xlsx`).
struct MonitorsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let monitors = routes.grouped("monitors")
        monitors.get(use: list)
        monitors.post(use: create)
        monitors.get("export", use: MonitorDownloads.roster)
        monitors.get(":id", use: show)
        monitors.patch(":id", use: update)
        monitors.get(":id", "reports.xlsx", use: MonitorDownloads.reports)
    }

    struct MonitorWrite: Content {
        let name: String?
        let kind: String?
        let form: String?
        let organisation: String?
        let phone: String?
        let termStartsOn: String?
        let termEndsOn: String?
        let active: Bool?
        let orgUnitId: UUID?
        let userId: UUID?

        var input: MonitorDesk.Input {
            MonitorDesk.Input(
                draft: MonitorDraft(
                    name: name, kind: kind, form: form, organisation: organisation, phone: phone,
                    termStartsOn: termStartsOn, termEndsOn: termEndsOn, active: active),
                orgUnitID: orgUnitId, userID: userId)
        }
    }

    struct MonitorDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let kind: String
        let kindName: String
        let form: String
        let name: String
        let organisation: String?
        let phone: String?
        let termStartsOn: String
        let termEndsOn: String
        let active: Bool
        /// Appointed and in its term today.
        let serving: Bool
        let userId: UUID?
        let username: String?
        let reports: Int
        let openReports: Int
        let incognito: Int

        init(_ row: MonitorStore.Row, today: LocalDate) {
            (id, orgUnitId, kind, form, name) = (row.id, row.orgUnitId, row.kind, row.form, row.name)
            kindName = MonitorKind(rawValue: row.kind)?.chineseName ?? row.kind
            (organisation, phone, termStartsOn, termEndsOn) = (
                row.organisation, row.phone, row.termStartsOn, row.termEndsOn
            )
            (active, userId, username) = (row.active, row.userId, row.username)
            serving = row.values?.isServing(on: today) == true
            (reports, openReports, incognito) = (row.reports, row.openReports, row.incognito)
        }
    }

    struct ListDTO: Content {
        let items: [MonitorDTO]
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let actor = try req.requireSignedIn().actor
        var v = Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        try v.throwIfFailed()
        let today = LocalDate(req.now, in: .chinaStandard)
        return ListDTO(
            items: try await req.monitorDesk.roster(in: unit, for: actor).map { MonitorDTO($0, today: today) })
    }

    @Sendable func create(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(MonitorWrite.self)
        let row = try await req.monitorDesk.create(body.input, by: actor)
        return try await MonitorDTO(row, today: LocalDate(req.now, in: .chinaStandard))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> MonitorDTO {
        let actor = try req.requireSignedIn().actor
        let row = try await req.monitorDesk.monitor(try req.idParameter("监测员"), for: actor)
        return MonitorDTO(row, today: LocalDate(req.now, in: .chinaStandard))
    }

    @Sendable func update(req: Request) async throws -> MonitorDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(MonitorWrite.self)
        let row = try await req.monitorDesk.update(try req.idParameter("监测员"), body.input, by: actor)
        return MonitorDTO(row, today: LocalDate(req.now, in: .chinaStandard))
    }
}

/// The roster and a monitor's reports as downloads, for the pages and the API.
enum MonitorDownloads {
    static func roster(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        var v = Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        try v.throwIfFailed()
        let file = try await req.monitorDesk.rosterFile(
            in: unit, for: actor, format: try ExportFormat(query: req.queryText("format")))
        return try await OfficeDownload.stream(file, req)
    }

    static func reports(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let file = try await req.monitorDesk.reportsFile(
            of: try req.idParameter("监测员"), for: actor, format: try ExportFormat(query: req.queryText("format")))
        return try await OfficeDownload.stream(file, req)
    }
}

extension Request {
    var monitorDesk: MonitorDesk { MonitorDesk(database: db, now: now) }
}
