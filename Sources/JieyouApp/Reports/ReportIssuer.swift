import Foundation
import JieyouDomain
import JieyouOffice

/// Who a unit's reports come from and who receives copies, as the official file names them (GB/T
/// 9704): the unit's 专班 in the 版头's 发文机关标志, in the 落款 and as 印发机关 in the 版记, and as
/// 抄送 the 专班 of the unit the report goes up to (the one it was 报送 to, else the unit above) and
/// the unit's own 责任单位, who act on it.
struct ReportIssuer: Sendable {
    let taskForce: String
    let copiesTo: [String]

    static func taskForce(of unitName: String) -> String { "\(unitName)“送解优”专项行动工作专班" }

    init(unitName: String, upperName: String?) {
        taskForce = Self.taskForce(of: unitName)
        copiesTo = (upperName.map { [Self.taskForce(of: $0)] } ?? []) + ["\(unitName)各责任单位"]
    }

    /// `unit`'s, its reports going to `sentTo` or, without one, to the unit above.
    init(_ unit: UUID, sentTo: UUID? = nil, tree: OrgTree) {
        let upper = sentTo ?? tree.lineage(of: unit).dropFirst().first?.id
        self.init(unitName: tree[unit]?.name ?? "", upperName: upper.flatMap { tree[$0]?.name })
    }

    /// The document's 版头 (when `masthead`, with `issueLine` as its 发文字号), 落款 and 版记, dated
    /// `issuedOn`.
    func frame(_ document: inout DocxDocument, masthead: Bool, issueLine: String?, issuedOn: LocalDate) {
        if masthead {
            document.masthead = taskForce
            document.issueLine = issueLine
        }
        document.append(.signature(issuer: taskForce, date: issuedOn.chinese))
        document.recordSheet = DocxDocument.RecordSheet(
            copiesTo: copiesTo, printedBy: taskForce, printedOn: issuedOn.chinese)
    }
}
