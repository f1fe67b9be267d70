import Foundation

/// Reads a sheet of 双公示 records in the standard's columns — the export's own (`/credit/export`), or
/// what a department's system or a 信用办 template writes: a header with the standard's Chinese names
/// in any order, possibly under a title, one decision per row. The header says the kind: a 行政处罚决定书
/// 文号 column makes it penalties, a 行政许可决定文书号 column licences. Each row is checked by the same
/// rules as the form (`CreditRecordDraft`), and every error is reported at its row and column.
public struct CreditSheet {
    public enum Column: String, CaseIterable, Sendable {
        case name, category, creditCode, representative, penaltyDocument, licenceDocument, licenceCategory,
            licenceNumber, licenceContent, violationType, violationFacts, penaltyBasis, penaltyCategories,
            penaltyContent, fine, confiscated, decidedOn, validFrom, validUntil, authority, authorityCode, department,
            severity, publishedOn

        /// The names the column goes by; the first is the standard's (and the export's).
        var aliases: [String] {
            switch self {
            case .name: ["行政相对人名称", "相对人名称", "企业名称"]
            case .category: ["行政相对人类别", "相对人类别"]
            case .creditCode: ["统一社会信用代码", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码"]
            case .representative: ["法定代表人", "法定代表人姓名"]
            case .penaltyDocument: ["行政处罚决定书文号", "处罚决定书文号"]
            case .licenceDocument: ["行政许可决定文书号", "许可决定文书号", "许可文书号"]
            case .licenceCategory: ["许可类别", "审批类别"]
            case .licenceNumber: ["许可编号", "许可证书编号"]
            case .licenceContent: ["许可内容"]
            case .violationType: ["违法行为类型"]
            case .violationFacts: ["违法事实", "主要违法事实"]
            case .penaltyBasis: ["处罚依据"]
            case .penaltyCategories: ["处罚类别"]
            case .penaltyContent: ["处罚内容", "处罚结果"]
            case .fine: ["罚款金额（万元）", "罚款金额(万元)", "罚款金额"]
            case .confiscated: ["没收违法所得、没收非法财物的金额（万元）", "没收违法所得、没收非法财物的金额(万元)", "没收金额（万元）"]
            case .decidedOn: ["处罚决定日期", "许可决定日期", "决定日期"]
            case .validFrom: ["有效期自"]
            case .validUntil: ["有效期至", "处罚有效期"]
            case .authority: ["处罚机关", "许可机关", "决定机关"]
            case .authorityCode: ["处罚机关统一社会信用代码", "许可机关统一社会信用代码", "决定机关统一社会信用代码"]
            case .department: ["数据来源单位", "录入部门"]
            case .severity: ["失信程度"]
            case .publishedOn: ["公示日期"]
            }
        }

        /// The draft field a form error names, as this column.
        static func of(field: String) -> Column? {
            switch field {
            case "counterpartyName": .name
            case "counterpartyCategory": .category
            case "creditCode": .creditCode
            case "legalRepresentative": .representative
            case "licenceCategory": .licenceCategory
            case "licenceContent": .licenceContent
            case "licenceNumber": .licenceNumber
            case "violationType": .violationType
            case "violationFacts": .violationFacts
            case "penaltyBasis": .penaltyBasis
            case "penaltyCategories": .penaltyCategories
            case "penaltyContent": .penaltyContent
            case "fineWan": .fine
            case "confiscatedWan": .confiscated
            case "severity": .severity
            case "decidedOn": .decidedOn
            case "validFrom": .validFrom
            case "validUntil": .validUntil
            case "authority": .authority
            case "authorityCode": .authorityCode
            default: nil
            }
        }
    }

    /// One good row: the checked record, the department the sheet names, and the day it went public
    /// when the sheet says so.
    public struct Entry: Sendable, Hashable {
        public let row: Int
        public let values: CreditRecordDraft.Values
        public let department: String?
        public let publishedOn: LocalDate?
    }

    private var layout = SheetLayout<Column>(errorLimit: 200)
    private var documents: [String: Int] = [:]
    public private(set) var kind: CreditDecisionKind?
    public let today: LocalDate

    public init(today: LocalDate) {
        self.today = today
    }

    public var headerRow: Int? { layout.headerRow }
    public var errors: [SheetError] { layout.errors }
    public var errorCount: Int { layout.errorCount }

    public mutating func read(row number: Int, cells: [String]) -> Entry? {
        if layout.headerRow == nil {
            let aliases = Column.allCases.map { ($0, $0.aliases) }
            for (candidate, document) in [
                (CreditDecisionKind.penalty, Column.penaltyDocument), (.licence, .licenceDocument),
            ]
            where layout.findHeader(row: number, cells: cells, aliases: aliases, required: [.name, document]) {
                kind = candidate
                break
            }
            return nil
        }
        guard let kind else { return nil }
        if cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return nil }
        if layout.reportControlCharacters(row: number, cells: cells) { return nil }
        let before = layout.errorCount
        func cell(_ column: Column) -> String? { layout.cell(column, in: cells) }
        func day(_ column: Column, _ label: String) -> String? {
            guard let text = cell(column) else { return nil }
            guard let day = WorkOrderSheet.day(in: text) else {
                layout.report(row: number, column, "\(label)“\(text)”无法识别，应如 2026-07-20")
                return nil
            }
            return day.iso
        }

        var d = CreditRecordDraft()
        d.kind = kind.rawValue
        d.counterpartyName = cell(.name)
        d.counterpartyCategory = named(cell(.category), CounterpartyCategory.allCases, \.chineseName) ?? "organisation"
        if let text = cell(.category), CounterpartyCategory.allCases.first(where: { $0.chineseName == text }) == nil {
            layout.report(
                row: number, .category,
                "行政相对人类别“\(text)”无法识别，应为\(CounterpartyCategory.allCases.map(\.chineseName).joined(separator: "、"))之一")
        }
        d.creditCode = cell(.creditCode)
        d.legalRepresentative = cell(.representative)
        let documentColumn: Column = kind == .penalty ? .penaltyDocument : .licenceDocument
        d.documentNumber = cell(documentColumn)
        if let document = d.documentNumber {
            if let first = documents[document] {
                layout.report(row: number, documentColumn, "决定文书号“\(document)”与第\(first)行重复")
            } else {
                documents[document] = number
            }
        } else {
            layout.report(row: number, documentColumn, "决定文书号不能为空")
        }
        d.licenceCategory =
            named(cell(.licenceCategory), LicenceCategory.allCases, \.chineseName) ?? cell(.licenceCategory)
        (d.licenceNumber, d.licenceContent) = (cell(.licenceNumber), cell(.licenceContent))
        (d.violationType, d.violationFacts, d.penaltyBasis) = (
            cell(.violationType), cell(.violationFacts), cell(.penaltyBasis)
        )
        d.penaltyContent = cell(.penaltyContent)
        if let text = cell(.penaltyCategories) {
            let names = text.split(whereSeparator: { "、，,;；/ ".contains($0) }).map(String.init)
            d.penaltyCategories = names.map { name in
                PenaltyCategory.allCases.first { $0.chineseName == name }?.rawValue ?? name
            }
        }
        (d.fineWan, d.confiscatedWan) = (cell(.fine), cell(.confiscated))
        d.severity =
            kind == .penalty
            ? named(cell(.severity), CreditSeverity.allCases, \.chineseName) ?? cell(.severity)
                ?? CreditSeverity.general.rawValue
            : nil
        d.decidedOn = day(.decidedOn, "决定日期")
        if cell(.decidedOn) == nil { layout.report(row: number, .decidedOn, "决定日期不能为空") }
        d.validFrom = day(.validFrom, "有效期自")
        d.validUntil = day(.validUntil, "有效期至")
        (d.authority, d.authorityCode) = (cell(.authority), cell(.authorityCode))
        let published = day(.publishedOn, "公示日期").flatMap(LocalDate.init(iso:))
        if let published, published > today { layout.report(row: number, .publishedOn, "公示日期不能晚于今天") }
        let dayErrors = layout.errorCount - before

        switch d.validated(today: today) {
        case .failure(let failure):
            for error in failure.errors {
                // A day the sheet wrote unreadably was reported already; so was a missing document.
                if dayErrors > 0, ["decidedOn", "validFrom", "validUntil"].contains(error.field) { continue }
                if error.field == "documentNumber" && d.documentNumber == nil { continue }
                layout.report(row: number, Column.of(field: error.field), error.message)
            }
            return nil
        case .success(let values):
            if let published, published < values.decidedOn {
                layout.report(row: number, .publishedOn, "公示日期不能早于决定日期")
            }
            guard layout.errorCount == before else { return nil }
            return Entry(row: number, values: values, department: cell(.department), publishedOn: published)
        }
    }

    /// Call after the last row: reports a sheet without a header or without any record.
    public mutating func finish(entriesRead: Int) {
        if layout.headerRow == nil {
            layout.report(
                row: 1, nil, "没有找到表头：前5行中应有“行政相对人名称”和“行政处罚决定书文号”（或“行政许可决定文书号”）两列（可先导出一份对照）")
        } else if entriesRead == 0 && layout.errorCount == 0 {
            layout.report(row: layout.headerRow! + 1, nil, "表头下没有记录")
        }
    }

    /// Reports an error the caller found (an unknown department, a document already entered).
    public mutating func report(row: Int, _ column: Column, _ message: String) {
        layout.report(row: row, column, message)
    }

    /// The raw value of the case whose Chinese name is `text`, if any.
    private func named<T: RawRepresentable<String>>(_ text: String?, _ cases: [T], _ name: KeyPath<T, String>)
        -> String?
    {
        guard let text else { return nil }
        return cases.first { $0[keyPath: name] == text }?.rawValue
    }
}
