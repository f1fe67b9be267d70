import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// The 攻坚方案's reading use cases shared by the API, the pages and the downloads: a plan with its
/// tasks, a 旬, its 月通报/季讲评, and its 三张清单 and 通报 as files. Plain inputs (ids, the query's
/// text) in, values and written files out.
struct PlanDesk {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// The plan with its workstreams, targets and tasks, as `actor` may read it.
    func detail(_ id: UUID, for actor: Actor) async throws -> PlanDetail {
        let tree = try await OrgDirectory.tree(on: database)
        let plan = try await PlanStore.readable(id, by: actor, in: tree, on: sql)
        return try await PlanStore.detail(plan, on: sql)
    }

    /// The 旬 `code` names (`2025-05-2`), or the current one.
    func period(_ code: String?) throws -> TenDayPeriod {
        guard let code else { return TenDayPeriod(containing: today) }
        guard let period = TenDayPeriod(code: code) else {
            throw AppError.invalid("period", "旬的格式应为 2025-05-2（2025年5月中旬）")
        }
        return period
    }

    /// The 月通报 (`kind` month, the default) or 季讲评 (`quarter`) of the period containing `date`;
    /// without a date, of the last period that has ended.
    func bulletin(_ id: UUID, kind kindText: String?, date dateText: String?, for actor: Actor) async throws
        -> PlanBulletin
    {
        let detail = try await detail(id, for: actor)
        var v = Validator()
        let kindText = kindText ?? "month"
        let kind: ReportPeriod.Kind? = kindText == "month" ? .month : kindText == "quarter" ? .quarter : nil
        v.check(kind != nil, "kind", "kind 应为 month（月通报）或 quarter（季讲评）")
        let date = dateText.map { LocalDate(iso: $0) }
        if let date { v.check(date != nil, "date", "日期格式应为 2026-10-31") }
        try v.throwIfFailed()
        let period =
            date.flatMap { $0 }.map { ReportPeriod.containing($0, kind: kind!) }
            ?? ReportPeriod.lastEnded(on: today, kind: kind!)
        return try await PlanBulletin.make(detail, period: period, on: sql)
    }

    /// The 三张清单 (目标 / 任务 / 责任) as one .xlsx.
    func listsFile(_ id: UUID, for actor: Actor) async throws -> OfficeFile {
        let detail = try await detail(id, for: actor)
        let today = today
        return try await OfficeFile.write(.xlsx, named: "三张清单-\(detail.plan.title)-\(today.iso)") { url in
            try PlanSheets.write(detail, today: today, to: url)
        }
    }

    /// The 通报 as a .docx, with the 红头 when `masthead`.
    func bulletinFile(_ id: UUID, kind: String?, date: String?, masthead: Bool, for actor: Actor) async throws
        -> OfficeFile
    {
        let bulletin = try await bulletin(id, kind: kind, date: date, for: actor)
        let created = now
        let today = today
        return try await OfficeFile.write(.docx, named: bulletin.title) { url in
            try DocxWriter.write(bulletin.document(masthead: masthead, issuedOn: today), to: url, created: created)
        }
    }
}
