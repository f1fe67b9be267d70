import Foundation
import JieyouDomain
import JieyouOffice

/// Stored reports (报告草稿与印发): the drafts the drafting job or a dispatcher keeps, edited and then
/// issued. Readers of statistics read their subtree's; a unit's own dispatchers and admins keep, edit
/// and issue its reports (`ReportStore.mayWrite`).
extension ReportDesk {
    private func requireReader(_ actor: Actor) throws {
        guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看通报") }
    }

    /// Keeps the report named by `kind` (a period's kind, or `campaign`), `period` and `campaign` (as
    /// typed) as a draft of the actor's own unit: a period's 通报 (the last ended by default) or a
    /// campaign's 总结报告. An existing one is returned as it is (`created` false).
    func keepDraft(kind: String?, period: String?, campaign: String?, for actor: Actor) async throws
        -> (id: UUID, created: Bool)
    {
        try requireReader(actor)
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        let today = LocalDate(now, in: .chinaStandard)
        let unit = actor.orgUnitID
        guard ReportStore.mayWrite(actor, unit: unit) else {
            throw AppError.forbidden("只有本单位的调度员或管理员可以生成报告草稿")
        }
        let draft: ReportDraft
        if kind == StoredReport.campaignKind {
            guard let text = campaign, !text.isEmpty else { throw AppError.invalid("campaign", "请选择专项行动") }
            guard let id = UUID(uuidString: text), let campaign = try await CampaignQueries.load(id, on: sql),
                tree.isWithin(unit, subtreeOf: campaign.orgUnitId)
            else { throw AppError.notFound("专项行动") }
            draft = .campaignSummary(
                try await CampaignSummaryComposer(
                    actor: actor, tree: tree, sql: sql, calendar: calendar, today: today
                ).compose(campaign, unit: unit))
        } else {
            guard let kind = ReportPeriod.Kind(rawValue: kind ?? "") else {
                throw AppError.invalid(
                    "kind", "报告类型应为 week（周调度）、tenDay（旬通报）、month（月通报）、quarter（季讲评）或 campaign（总结报告）")
            }
            var chosen = ReportPeriod.lastEnded(on: today, kind: kind)
            if let key = period, !key.isEmpty {
                guard let parsed = ReportPeriod(key: key), parsed.kind == kind else {
                    throw AppError.invalid("period", "通报期次“\(key)”无效")
                }
                chosen = parsed
            }
            draft = .bulletin(
                try await BulletinComposer(actor: actor, tree: tree, sql: sql, calendar: calendar, today: today)
                    .compose(unit: unit, period: chosen))
        }
        let stored = try await ReportStore.draft(draft, unit: unit, actorID: actor.userID, now: now, on: database)
        return (stored.id, stored.created)
    }

    /// The stored reports of `orgUnit`'s subtree (default the reader's), in a `state` or all.
    func storedReports(state text: String?, orgUnit: String?, for actor: Actor) async throws -> [ReportStore.Entry] {
        try requireReader(actor)
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        var state: StoredReport.State?
        if let text {
            state = StoredReport.State(rawValue: text)
            if state == nil { v.fail("state", "状态应为 draft（草稿）或 issued（已印发）") }
        }
        let unit = v.optionalID(orgUnit, field: "orgUnit", label: "组织") ?? actor.orgUnitID
        try v.throwIfFailed()
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
        return try await ReportStore.list(under: unit, state: state, tree: tree, on: database.sql)
    }

    /// The name of the unit an issued report went to.
    func receiverName(of report: StoredReport) async throws -> String? {
        guard let receiver = report.submittedTo else { return nil }
        return try await OrgDirectory.tree(on: database)[receiver]?.name
    }

    /// The 报送收件箱 of the reader's unit.
    func inbox(for actor: Actor) async throws -> ReportInbox {
        try requireReader(actor)
        let tree = try await OrgDirectory.tree(on: database)
        return try await ReportInboxQuery(sql: database.sql, tree: tree, today: LocalDate(now, in: .chinaStandard))
            .inbox(of: actor.orgUnitID)
    }

    /// Marks a report submitted to the reader's unit 已阅.
    func markRead(_ id: UUID, for actor: Actor) async throws {
        try requireReader(actor)
        try await ReportStore.markRead(
            id, actor: actor, tree: try await OrgDirectory.tree(on: database), now: now, on: database)
    }

    /// The stored report as the reader may read it, with its unit's name; not found otherwise.
    func storedReport(_ id: UUID, for actor: Actor) async throws -> (report: StoredReport, unitName: String) {
        try requireReader(actor)
        let tree = try await OrgDirectory.tree(on: database)
        let report = try await ReportStore.readable(id, by: actor, tree: tree, on: database.sql)
        return (report, tree[report.orgUnitId]?.name ?? "—")
    }

    /// Rewrites a draft's 总体情况 and 下步工作 (nil leaves one as it is).
    func editStoredReport(_ id: UUID, summary: String?, nextSteps: String?, for actor: Actor) async throws {
        try requireReader(actor)
        try await ReportStore.edit(
            id, summary: summary, nextSteps: nextSteps, actor: actor, tree: try await OrgDirectory.tree(on: database),
            now: now, on: database)
    }

    func issueStoredReport(_ id: UUID, for actor: Actor) async throws {
        try requireReader(actor)
        try await ReportStore.issue(
            id, actor: actor, tree: try await OrgDirectory.tree(on: database), now: now, on: database)
    }

    /// The stored report as a .docx, dated the day it was issued (a draft: today, and so named).
    func storedReportFile(_ id: UUID, masthead: Bool, for actor: Actor) async throws -> OfficeFile {
        let (report, _) = try await storedReport(id, for: actor)
        let day = report.issuedAt.map { LocalDate($0, in: .chinaStandard) } ?? LocalDate(now, in: .chinaStandard)
        let name = report.state == .draft ? "\(report.title)（草稿）" : report.title
        let issuer = ReportIssuer(
            report.orgUnitId, sentTo: report.submittedTo, tree: try await OrgDirectory.tree(on: database))
        if let bulletin = report.bulletin {
            return try await document(
                BulletinDocument.make(bulletin, issuer: issuer, masthead: masthead, issuedOn: day), named: name)
        }
        guard let summary = report.campaignSummary else { throw AppError.notFound("报告") }
        return try await document(
            CampaignSummaryDocument.make(summary, issuer: issuer, masthead: masthead, issuedOn: day), named: name)
    }
}
