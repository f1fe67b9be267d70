import Foundation

/// Reads a workstream's 专班 from its 推进机制 (or 攻坚机制) paragraph:
/// 成立内需扩量提效攻坚工作专班，由分管区领导担任召集人，区发改局主要负责人任副召集人，成员单位包括区办公室、
/// ……等，专班办公室设在区发改局，负责日常协调和调度工作。
public enum TaskForceParser {
    /// Whether `paragraph` sets up a 专班 at all.
    public static func describesTaskForce(_ paragraph: String) -> Bool {
        paragraph.has("专班")
            && (paragraph.has("召集人") || paragraph.has("成员单位")
                || paragraph.has("办公室设在"))
    }

    public static func parse(_ paragraph: String) -> TaskForceDraft {
        let text = PlanText.canonical(paragraph).removing(" ")
        var result = TaskForceDraft()
        for clause in PlanText.split(text, at: ["，", "。", "；"]) {
            if result.name == nil, let range = clause.find("成立"), let end = clause.find("专班") {
                if range.upperBound <= end.lowerBound {
                    result.name = String(clause[range.upperBound..<end.upperBound])
                }
            }
            if let range = clause.find("副召集人") {
                // 区科工局、区发改局主要负责人任副召集人
                var units = String(clause[..<range.lowerBound])
                for word in ["担任", "任", "为"] where units.hasSuffix(word) { units = String(units.dropLast(word.count)) }
                for word in ["主要负责人", "负责人", "主要领导", "分管负责人"] where units.hasSuffix(word) {
                    units = String(units.dropLast(word.count))
                }
                result.deputyUnits = UnitClause.names(units)
            } else if let range = clause.find("召集人") {
                // 由分管区领导担任召集人
                var convener = String(clause[..<range.lowerBound])
                if convener.hasPrefix("由") { convener.removeFirst() }
                for word in ["担任", "任", "为"] where convener.hasSuffix(word) {
                    convener = String(convener.dropLast(word.count))
                }
                if !convener.isEmpty { result.convener = convener }
            }
            if let range = clause.find("成员单位包括") ?? clause.find("成员单位为")
                ?? clause.find("成员单位：")
            {
                result.memberUnits = UnitClause.names(String(clause[range.upperBound...]))
            } else if clause.hasSuffix("为成员单位") {
                result.memberUnits = UnitClause.names(String(clause.dropLast("为成员单位".count)))
            }
            if let range = clause.find("办公室设在") {
                let unit = UnitClause.unitName(String(clause[range.upperBound...]))
                if !unit.isEmpty { result.officeUnit = unit }
            }
        }
        result.memberUnits.removeAll(where: UnitClause.isGroup)
        return result
    }
}
