import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// 政策汇编: selected policies bound into one .docx for a briefing or a visit (seed 004: 6 policy
/// documents compiled, 600+ booklets handed out). A contents list, then each policy with its facts,
/// its 要点, who qualifies in words, how it pays, and its source text.
enum PolicyCompilation {
    /// The most policies one booklet holds; a selection beyond that is refused with its count.
    static let maxPolicies = 200

    /// The policies a request selects and reads: `ids` (checked on the list) or, when none are
    /// checked, the list's own filter (`q`, `theme`, `column`, `automatic` as typed).
    static func selected(
        query text: (String) -> String?, ids texts: [String], for actor: Actor, on database: any Database
    ) async throws -> (title: String, policies: [PolicyRecord]) {
        guard AccessPolicy.has(actor, .readPolicies) else { throw AppError.forbidden() }
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let units = PolicyService.visibleUnits(of: actor, in: tree)
        let filter = PolicyFilter(
            q: text("q"), theme: text("theme"), column: text("column"), automaticOnly: text("automatic") == "true")
        var policies = try await PolicyQueries.list(units: units, filter: filter, on: sql)
        if !texts.isEmpty {
            var ids: [UUID] = []
            for (index, text) in texts.enumerated() {
                guard let id = UUID(uuidString: text) else {
                    throw AppError.invalid("ids", "第\(index + 1)项政策编号“\(text)”格式不正确")
                }
                ids.append(id)
            }
            let order = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
            policies = policies.filter { order[$0.id] != nil }.sorted { order[$0.id]! < order[$1.id]! }
            guard policies.count == Set(ids).count else { throw AppError.notFound("政策") }
        }
        guard !policies.isEmpty else { throw AppError.invalid("ids", "请至少选择一项政策") }
        guard policies.count <= maxPolicies else {
            throw AppError.invalid("ids", "一本汇编最多\(maxPolicies)项政策，当前选择了\(policies.count)项，请缩小范围")
        }
        let theme = filter.column ?? filter.theme
        return (theme.map { "“\($0)”政策汇编" } ?? "惠企政策汇编", policies)
    }

    static func make(
        title: String, policies: [PolicyRecord], unitName: String, departments: [UUID: String], tags: Set<String>,
        tree: OrgTree, compiledOn: LocalDate
    ) -> DocxDocument {
        var document = DocxDocument(documentTitle: title)
        document.append(.title(title))
        document.append(
            .subtitle("\(unitName)编印　\(compiledOn.year)年\(compiledOn.month)月　共\(policies.count)项"))
        document.append(.heading1("目　录"))
        for (index, policy) in policies.enumerated() {
            document.append(.paragraph("\(index + 1). \(policy.title)\(policy.documentNumber.map { "（\($0)）" } ?? "")"))
        }
        for (index, policy) in policies.enumerated() {
            document.append(.pageBreak)
            document.append(.heading1("\(BulletinDocument.chineseOrdinal(index + 1))、\(policy.title)"))
            var facts = ["发文单位：\(policy.issuer)（\(policy.levelName)）"]
            if let number = policy.documentNumber { facts.insert("文号：\(number)", at: 0) }
            facts.append("有效期：\(policy.validityText.isEmpty ? "长期有效" : policy.validityText)")
            if let department = policy.departmentId.flatMap({ departments[$0] }) { facts.append("责任部门：\(department)") }
            if !policy.themeList.isEmpty { facts.append("主题：\(policy.themeList.joined(separator: "、"))") }
            document.append(.paragraph(facts.joined(separator: "\n")))
            document.append(.heading2("（一）政策要点"))
            document.append(.paragraph(policy.summary ?? "见政策原文。"))
            document.append(.heading2("（二）适用对象"))
            document.append(
                .paragraph(
                    EligibilityDescription.rule(
                        policy.eligibility(tags: tags, tree: tree), unitName: { tree[$0]?.name })))
            document.append(.heading2("（三）兑现方式"))
            document.append(
                .paragraph(
                    policy.automatic
                        ? "\(policy.benefitKindName)。免申即享：符合条件的企业无需申请，经审核后直接兑现。"
                        : "\(policy.benefitKindName)。符合条件的企业按政策要求申报，可联系责任部门或联络干部咨询。"))
            if policy.sourceText != nil || policy.sourceUrl != nil {
                document.append(.heading2("（四）政策原文"))
                for line in (policy.sourceText ?? "").split(whereSeparator: \.isNewline) {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty { document.append(.paragraph(text)) }
                }
                if let url = policy.sourceUrl { document.append(.paragraph("原文链接：\(url)")) }
            }
        }
        return document
    }

    /// The selected policies as one .docx, compiled for `actor`'s unit on `now`'s day.
    static func file(
        query text: (String) -> String?, ids: [String], for actor: Actor, on database: any Database, now: Date
    ) async throws -> OfficeFile {
        let (title, policies) = try await selected(query: text, ids: ids, for: actor, on: database)
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let ids = Array(Set(policies.compactMap(\.departmentId)))
        var departments: [UUID: String] = [:]
        if !ids.isEmpty {
            for row in try await sql.raw("SELECT id, name FROM departments WHERE id IN (\(binds: ids))").all() {
                departments[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "name", as: String.self)
            }
        }
        let document = make(
            title: title, policies: policies, unitName: tree[actor.orgUnitID]?.name ?? "", departments: departments,
            tags: Set(try await TagStore.names(on: sql)), tree: tree, compiledOn: LocalDate(now, in: .chinaStandard))
        return try await OfficeFile.write(.docx, named: title) { url in
            try DocxWriter.write(document, to: url, created: now)
        }
    }
}
