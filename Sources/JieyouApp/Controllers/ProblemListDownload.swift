import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// The 问题清单 as an .xlsx download, for the web (`/problems/list.xlsx`) and the API
/// (`/api/v1/problems/list.xlsx`): the problems the ledger's query selects (the same filters, any
/// page size), under a title naming the unit, the campaign and the day unless `title=false`.
enum ProblemListDownload {
    static func response(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let tree = try await OrgDirectory.tree(on: req.db)
        let sql = req.db.sql
        let request = try req.ledgerRequest(for: actor, tree: tree)
        let today = LocalDate(req.now, in: .chinaStandard)
        let calendar = try await CalendarStore.calendar(on: req.db)
        let unitName = tree[request.filter.orgUnitID ?? actor.orgUnitID]?.name ?? ""
        var campaign = ""
        if let id = request.filter.campaignID {
            campaign =
                try await sql.raw("SELECT name FROM campaigns WHERE id = \(bind: id)").first()?
                .decode(column: "name", as: String.self) ?? ""
        }
        let withTitle = !["false", "0", "no"].contains(req.queryText("title") ?? "")
        let title = withTitle ? "\(unitName)\(campaign)问题清单（截至\(today.iso)）" : nil
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "problem-list-\(UUID().uuidString).xlsx")
        do {
            let condition = ProblemLedger.condition(
                request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
            try await ProblemListExport(sql: sql).write(condition: condition, title: title, to: url)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return try await OfficeDownload.stream(url, filename: "问题清单-\(unitName)-\(today.iso).xlsx", req)
    }
}

/// Sends a finished office file from its temporary file and removes the file once it is sent.
enum OfficeDownload {
    static let xlsx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    static let docx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")

    static func stream(_ url: URL, filename: String, mediaType: HTTPMediaType = xlsx, _ req: Request) async throws
        -> Response
    {
        let response = try await req.fileio.asyncStreamFile(at: url.path, mediaType: mediaType) { _ in
            try? FileManager.default.removeItem(at: url)
        }
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Writes `document` to a temporary file and streams it as `filename`.docx; the file goes once sent,
    /// or at once if writing fails.
    static func docx(_ document: DocxDocument, filename: String, _ req: Request) async throws -> Response {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).docx")
        do {
            try DocxWriter.write(document, to: url, created: req.now)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return try await stream(url, filename: "\(filename).docx", mediaType: docx, req)
    }
}
