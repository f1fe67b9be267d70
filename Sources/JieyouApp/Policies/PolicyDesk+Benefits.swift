import Foundation
import JieyouDomain
import JieyouOffice

extension PolicyDesk {
    // MARK: 惠企台账

    /// The benefits the query asks for (`enterprise`, `policy`, `kind`, `from`, `to`) in the actor's
    /// reach, with their totals, and the filter as read from the query.
    func benefits(_ query: (String) -> String?) async throws -> (summary: BenefitSummary, filter: BenefitFilter) {
        let (reach, filter) = try await BenefitLedger.query(query, for: actor, on: database)
        return (try await BenefitLedger.summary(reach: reach, filter: filter, on: sql), filter)
    }

    /// An enterprise account's own benefits.
    func ownBenefits() async throws -> BenefitSummary {
        try await BenefitLedger.summary(reach: try ownReach(), filter: BenefitFilter(), on: sql)
    }

    func addBenefit(_ draft: BenefitDraft, enterprise: UUID, policy: UUID?) async throws -> UUID {
        try await BenefitLedger(database: database, now: now).add(
            draft, enterprise: enterprise, policy: policy, by: actor)
    }

    /// The policies a benefit or an application may name: those the actor reads.
    func policyChoices() async throws -> [PolicyRecord] {
        try await PolicyQueries.list(
            units: PolicyService.visibleUnits(of: actor, in: tree), filter: PolicyFilter(), on: sql)
    }

    /// The enterprise of the actor's subtree named by `key` (name or credit code), or nil when blank;
    /// an unknown name is refused on `field`.
    func enterprise(named key: String, field: String = "enterprise") async throws -> UUID? {
        try await EnterpriseLookup.typed(key, units: Array(tree.subtree(of: actor.orgUnitID)), field: field, on: sql)
    }

    /// An enterprise account's reach: its own enterprise.
    func ownReach() throws -> EnterpriseReach {
        guard actor.has(.enterprise), let enterprise = actor.enterpriseID else { throw AppError.forbidden() }
        return .enterprise(enterprise)
    }

    // MARK: 项目申报

    /// The applications the query asks for in the actor's reach, with their totals, and the filter as
    /// read from the query.
    func projects(_ query: (String) -> String?) async throws
        -> (totals: ProjectTotals, items: [ProjectRecord], filter: ProjectFilter)
    {
        let (reach, filter) = try await ProjectApplications.query(query, for: actor, on: database)
        let (totals, items) = try await ProjectApplications.list(reach: reach, filter: filter, on: sql)
        return (totals, items, filter)
    }

    /// An enterprise account's own applications.
    func ownProjects() async throws -> (totals: ProjectTotals, items: [ProjectRecord]) {
        try await ProjectApplications.list(reach: try ownReach(), filter: ProjectFilter(), on: sql)
    }

    func project(_ id: UUID) async throws -> ProjectRecord {
        try await ProjectApplications.readable(id, by: actor, in: tree, on: sql)
    }

    /// Whether the actor may move the application on: it is open, and of the actor's subtree.
    func mayAdvance(_ project: ProjectRecord) -> Bool {
        !project.stage.isFinal && !actor.has(.enterprise)
            && AccessPolicy.may(actor, .managePolicies, at: project.orgUnitId, in: tree)
    }

    func apply(_ draft: ProjectApplicationDraft, enterprise: UUID?, policy: UUID?) async throws -> UUID {
        try await ProjectApplications(database: database, now: now).create(
            draft, enterprise: enterprise, policy: policy, by: actor)
    }

    func advance(_ id: UUID, _ draft: ProjectStepDraft) async throws -> UUID? {
        try await ProjectApplications(database: database, now: now).advance(id, draft, by: actor)
    }

    /// The deliveries of a policy or to an enterprise that the actor reads.
    func deliveries(policy: UUID?, enterprise: UUID?) async throws -> [PolicyDeliveryService.Delivery] {
        try await PolicyDeliveryService.list(policy: policy, enterprise: enterprise, for: actor, on: database)
    }
}

extension PolicyDesk {
    /// 兑现台账 of the page's filters as a file (`LedgerExport`): every entry, oldest first, and in the
    /// workbook a 合计 row whose amount is the ledger's exact total.
    func exportBenefits(_ query: (String) -> String?, format: ExportFormat) async throws -> OfficeFile {
        let (reach, filter) = try await BenefitLedger.query(query, for: actor, on: database)
        let period = [filter.from?.iso, filter.to?.iso].compactMap { $0 }.joined(separator: "至")
        let export = LedgerExport(
            title: "兑现台账",
            subtitle: [tree[actor.orgUnitID]?.name ?? "", period.isEmpty ? today.iso : period].joined(separator: " "),
            columns: [
                .init(header: "兑现日期", width: 12), .init(header: "企业全称", width: 34),
                .init(header: "统一社会信用代码", width: 22), .init(header: "所属单位", width: 16),
                .init(header: "政策", width: 36), .init(header: "兑现类别", width: 12),
                .init(header: "金额（万元）", width: 14), .init(header: "备注", width: 30),
            ])
        var total = Amount.zero
        var count = 0
        return try await export.write(format) { page in
            try await BenefitExportRows.forEachPage(reach: reach, filter: filter, on: sql) { rows in
                try await page(
                    rows.map { row in
                        total += Amount(fen: row.amountFen)
                        count += 1
                        return [
                            .day(iso: row.grantedOn),
                            .text(row.enterpriseName), .text(row.creditCode), .text(tree[row.orgUnitId]?.name ?? ""),
                            row.policyTitle.map { .text($0) } ?? .text("未关联政策"),
                            .text(BenefitKind(rawValue: row.kind)?.chineseName ?? row.kind),
                            .text(Amount(fen: row.amountFen).wan), .orEmpty(row.note),
                        ]
                    })
            }
            // The workbook ends with the total; a CSV stays one record per line for machines.
            if format == .xlsx && count > 0 {
                try await page([
                    [.text("合计"), .text("\(count)笔"), .empty, .empty, .empty, .empty, .text(total.wan), .empty]
                ])
            }
        }
    }
}

extension PolicyDesk {
    /// 项目申报 of the page's filters as a file (`LedgerExport`): every application, oldest first, with
    /// each step's day, and in the workbook a 合计 row of the amounts asked and granted.
    func exportProjects(_ query: (String) -> String?, format: ExportFormat) async throws -> OfficeFile {
        let (reach, filter) = try await ProjectApplications.query(query, for: actor, on: database)
        let period = [filter.from?.iso, filter.to?.iso].compactMap { $0 }.joined(separator: "至")
        let export = LedgerExport(
            title: "项目申报",
            subtitle: [tree[actor.orgUnitID]?.name ?? "", period.isEmpty ? today.iso : period].joined(separator: " "),
            columns: [
                .init(header: "申报日期", width: 12), .init(header: "企业全称", width: 32),
                .init(header: "所属单位", width: 14), .init(header: "项目名称", width: 36),
                .init(header: "资金渠道", width: 18), .init(header: "政策", width: 30),
                .init(header: "申报金额（万元）", width: 14), .init(header: "兑现金额（万元）", width: 14),
                .init(header: "进度", width: 10), .init(header: "审核日期", width: 12), .init(header: "入库日期", width: 12),
                .init(header: "兑现日期", width: 12), .init(header: "未通过日期", width: 12),
                .init(header: "未通过原因", width: 24), .init(header: "备注", width: 24),
            ])
        var asked = Amount.zero
        var granted = Amount.zero
        var count = 0
        return try await export.write(format) { page in
            try await ProjectApplications.forEachPage(reach: reach, filter: filter, on: sql) { records in
                try await page(
                    records.map { project in
                        asked += project.amountAsked
                        granted += project.amountGranted ?? .zero
                        count += 1
                        return [
                            .day(iso: project.appliedOn), .text(project.enterpriseName),
                            .orEmpty(tree[project.orgUnitId]?.name),
                            .text(project.name), .text(project.fund.chineseName), .orEmpty(project.policyTitle),
                            .text(project.amountAsked.wan), .orEmpty(project.amountGranted?.wan),
                            .text(project.stage.chineseName), .day(iso: project.reviewedOn),
                            .day(iso: project.listedOn),
                            .day(iso: project.disbursedOn), .day(iso: project.rejectedOn), .orEmpty(project.reason),
                            .orEmpty(project.note),
                        ]
                    })
            }
            if format == .xlsx && count > 0 {
                let blank = Array(repeating: XlsxValue.empty, count: 7)
                try await page([
                    [
                        .text("合计"), .text("\(count)个项目"), .empty, .empty, .empty, .empty, .text(asked.wan),
                        .text(granted.wan),
                    ]
                        + blank
                ])
            }
        }
    }
}
