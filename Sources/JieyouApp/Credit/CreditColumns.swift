import Foundation
import JieyouDomain
import JieyouOffice

/// The standard's data items of each kind, in its column order, with how a record fills them: one
/// list for the export (`CreditDownloads`) and the record's page, so that the two cannot disagree.
/// 数据来源单位 is the department that entered the record. After the standard's items the export adds
/// what a park tracks of its own: the publication deadline, the day published and the status.
enum CreditColumns {
    struct Column {
        let header: String
        let width: Double
        let value: (CreditStore.Row) -> XlsxValue
    }

    static func columns(_ kind: CreditDecisionKind) -> [Column] {
        let counterparty: [Column] = [
            Column(header: "行政相对人名称", width: 28) { .text($0.counterpartyName) },
            Column(header: "行政相对人类别", width: 14) { .text($0.category.chineseName) },
            Column(header: "统一社会信用代码", width: 21) { .orEmpty($0.creditCode) },
            Column(header: "法定代表人", width: 10) { .orEmpty($0.legalRepresentative) },
        ]
        let decision: [Column]
        switch kind {
        case .licence:
            decision = [
                Column(header: "行政许可决定文书号", width: 24) { .text($0.documentNumber) },
                Column(header: "许可类别", width: 8) {
                    .orEmpty($0.licenceCategory.flatMap(LicenceCategory.init(rawValue:))?.chineseName)
                },
                Column(header: "许可编号", width: 18) { .orEmpty($0.licenceNumber) },
                Column(header: "许可内容", width: 36) { .orEmpty($0.licenceContent) },
                Column(header: "许可决定日期", width: 12) { .day(iso: $0.decidedOn) },
                Column(header: "有效期自", width: 12) { .day(iso: $0.validFrom ?? $0.decidedOn) },
                Column(header: "有效期至", width: 12) { .day(iso: $0.validUntil) },
                Column(header: "许可机关", width: 22) { .text($0.authority) },
                Column(header: "许可机关统一社会信用代码", width: 21) { .orEmpty($0.authorityCode) },
            ]
        case .penalty:
            decision = [
                Column(header: "行政处罚决定书文号", width: 24) { .text($0.documentNumber) },
                Column(header: "违法行为类型", width: 20) { .orEmpty($0.violationType) },
                Column(header: "违法事实", width: 28) { .orEmpty($0.violationFacts) },
                Column(header: "处罚依据", width: 24) { .orEmpty($0.penaltyBasis) },
                Column(header: "处罚类别", width: 14) { .text($0.penaltyKinds.map(\.chineseName).joined(separator: "、")) },
                Column(header: "处罚内容", width: 22) { .orEmpty($0.penaltyContent) },
                Column(header: "罚款金额（万元）", width: 10) { row in
                    row.fineYuan.map { .number(Double($0) / 10_000) } ?? .empty
                },
                Column(header: "没收违法所得、没收非法财物的金额（万元）", width: 12) { row in
                    row.confiscatedYuan.map { .number(Double($0) / 10_000) } ?? .empty
                },
                Column(header: "处罚决定日期", width: 12) { .day(iso: $0.decidedOn) },
                Column(header: "处罚有效期", width: 12) { .day(iso: $0.validUntil) },
                Column(header: "公示截止期", width: 12) { .day(iso: $0.publicUntil) },
                Column(header: "处罚机关", width: 22) { .text($0.authority) },
                Column(header: "处罚机关统一社会信用代码", width: 21) { .orEmpty($0.authorityCode) },
            ]
        }
        return counterparty + decision + [Column(header: "数据来源单位", width: 16) { .text($0.departmentName) }]
    }

    /// What the park tracks after the standard's items.
    static func tracking(_ kind: CreditDecisionKind, today: LocalDate) -> [Column] {
        [
            Column(header: "应公示日期", width: 12) { .day(iso: $0.publicationDeadline) },
            Column(header: "公示日期", width: 12) { .day(iso: $0.publishedOn) },
        ]
            + (kind == .penalty ? [Column(header: "失信程度", width: 9) { .orEmpty($0.severityValue?.chineseName) }] : [])
            + [Column(header: "状态", width: 10) { .text($0.timeline.status(on: today).chineseName) }]
    }

    /// The record's items as label and text, for its page.
    static func facts(_ row: CreditStore.Row) -> [(label: String, value: String)] {
        columns(row.kindValue).compactMap { column in
            switch column.value(row) {
            case .text(let text): return text.isEmpty ? nil : (column.header, text)
            case .number(let number): return (column.header, Money.wan(Int64((number * 10_000).rounded())))
            case .date(let day): return (column.header, day.iso)
            default: return nil
            }
        }
    }
}
