import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// The reports' use cases (PRODUCT.md §4): a unit's 通报 for a period and a campaign's 总结报告, read
/// as values and written as .docx in official style. For the staff who read statistics. The API, the
/// pages and the download adapter call it; it takes plain inputs (the query as typed, the actor).
struct ReportDesk {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    private var sql: any SQLDatabase { database.sql }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// What a 通报 request names: the kind (default 旬通报), the period (default the last one ended),
    /// the unit (default the reader's).
    struct BulletinQuery: Sendable {
        let actor: Actor
        let tree: OrgTree
        let unit: UUID
        let period: ReportPeriod
        let today: LocalDate

        /// The parameters that name this 通报 again (for its links and its file).
        var query: [(key: String, value: String)] {
            [("kind", period.kind.rawValue), ("period", period.key), ("orgUnit", unit.uuidString.lowercased())]
        }
    }

    /// The 通报 `text` (`kind`, `period`, `orgUnit`, as typed) asks `actor` for; a bad parameter is
    /// named, a unit outside the reader's subtree is not found.
    func bulletinQuery(query text: (String) -> String?, for actor: Actor) async throws -> BulletinQuery {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看通报") }
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        var kind = ReportPeriod.Kind.tenDay
        if let text = text("kind") {
            if let parsed = ReportPeriod.Kind(rawValue: text) {
                kind = parsed
            } else {
                v.fail("kind", "通报类型应为 week（周调度）、tenDay（旬通报）、month（月通报）或 quarter（季讲评）")
            }
        }
        var period = ReportPeriod.lastEnded(on: today, kind: kind)
        if let key = text("period") {
            if let parsed = ReportPeriod(key: key), parsed.kind == kind {
                period = parsed
            } else {
                v.fail("period", "通报期次“\(key)”无效")
            }
        }
        let unit = v.optionalID(text("orgUnit"), field: "orgUnit", label: "组织") ?? actor.orgUnitID
        try v.throwIfFailed()
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
        return BulletinQuery(actor: actor, tree: tree, unit: unit, period: period, today: today)
    }

    func bulletin(_ q: BulletinQuery) async throws -> Bulletin {
        try await BulletinComposer(actor: q.actor, tree: q.tree, sql: sql, calendar: calendar, today: q.today)
            .compose(unit: q.unit, period: q.period)
    }

    /// The 通报 as a .docx, with the 红头 when `masthead`.
    func bulletinFile(_ q: BulletinQuery, masthead: Bool) async throws -> OfficeFile {
        let bulletin = try await bulletin(q)
        return try await document(
            BulletinDocument.make(
                bulletin, issuer: ReportIssuer(q.unit, tree: q.tree), masthead: masthead, issuedOn: q.today),
            named: bulletin.title)
    }

    /// A campaign's 总结报告 as its figures stand today, for a unit inside both the reader's and the
    /// campaign's subtrees.
    struct CampaignSummaryQuery: Sendable {
        let actor: Actor
        let campaign: CampaignRecord
        let unit: UUID
        let summary: CampaignSummary
        let today: LocalDate

        var query: [(key: String, value: String)] {
            [("campaign", campaign.id.uuidString.lowercased()), ("orgUnit", unit.uuidString.lowercased())]
        }
    }

    /// The campaign (`campaign`) and unit (`orgUnit`) asked for: by default the campaign's own unit
    /// when it is within the reader's subtree, else the reader's.
    func campaignSummary(query text: (String) -> String?, for actor: Actor) async throws -> CampaignSummaryQuery {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看总结报告") }
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        let campaignID = v.optionalID(text("campaign"), field: "campaign", label: "专项行动")
        let asked = v.optionalID(text("orgUnit"), field: "orgUnit", label: "组织")
        if campaignID == nil && v.errors.isEmpty { v.fail("campaign", "请选择专项行动") }
        try v.throwIfFailed()
        guard let campaignID, let campaign = try await CampaignQueries.load(campaignID, on: sql) else {
            throw AppError.notFound("专项行动")
        }
        let unit =
            asked
            ?? (tree.isWithin(campaign.orgUnitId, subtreeOf: actor.orgUnitID) ? campaign.orgUnitId : actor.orgUnitID)
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID), tree.isWithin(unit, subtreeOf: campaign.orgUnitId)
        else { throw AppError.notFound("专项行动") }
        let summary = try await CampaignSummaryComposer(
            actor: actor, tree: tree, sql: sql, calendar: calendar, today: today
        ).compose(campaign, unit: unit)
        return CampaignSummaryQuery(actor: actor, campaign: campaign, unit: unit, summary: summary, today: today)
    }

    func campaignSummaryFile(_ q: CampaignSummaryQuery, masthead: Bool) async throws -> OfficeFile {
        let tree = try await OrgDirectory.tree(on: database)
        return try await document(
            CampaignSummaryDocument.make(
                q.summary, issuer: ReportIssuer(q.unit, tree: tree), masthead: masthead, issuedOn: q.today),
            named: q.summary.title)
    }

    /// Writes `document` to a temporary .docx named `name`.
    func document(_ document: DocxDocument, named name: String) async throws -> OfficeFile {
        let created = now
        return try await OfficeFile.write(.docx, named: name) { url in
            try DocxWriter.write(document, to: url, created: created)
        }
    }
}
