import Foundation

/// Reads the targets out of a plan's 攻坚目标 paragraph: every clause that sets a number.
/// "实现社会消费品零售总额增长6%以上" → 社会消费品零售总额增长 ≥ 6 %; "新增高新技术企业2家" → ≥ 2 家;
/// "下降至13.8%以下" → ≤ 13.8 %; "技术合同认定登记额度超过5亿元" → > 5 亿元. A clause that only goes on
/// from the one before ("达1.1亿元以上，增长8%") borrows its subject: 外贸进出口总额增长 ≥ 8 %.
public enum TargetParser {
    /// Words that open a clause and say nothing about what is measured.
    static let openers = [
        "力争", "实现", "确保", "推动", "全年", "年内", "其中", "并", "且", "到年底", "全区", "我区", "同时", "努力",
    ]
    /// Words before the number that fix the comparison, longest first, with what they mean.
    static let leadWords: [(String, TargetComparison)] = [
        ("下降至", .atMost), ("下降到", .atMost), ("降低至", .atMost), ("降低到", .atMost), ("控制在", .atMost),
        ("不超过", .atMost), ("压缩至", .atMost), ("压缩到", .atMost), ("缩短至", .atMost), ("缩短到", .atMost), ("不高于", .atMost),
        ("降至", .atMost), ("降到", .atMost), ("低于", .below),
        ("不低于", .atLeast), ("不少于", .atLeast), ("提高到", .atLeast), ("提升到", .atLeast), ("提高至", .atLeast),
        ("提升至", .atLeast), ("保持在", .atLeast), ("达到", .atLeast), ("超过", .above), ("高于", .above),
        ("突破", .above), ("分别达", .atLeast), ("达", .atLeast), ("过", .above),
    ]
    /// Words after the number (and its unit) that fix the comparison.
    static let trailWords: [(String, TargetComparison)] = [
        ("以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("左右", .about),
    ]
    /// Units a plan's figures use, longest first, for a number followed by more words than a unit.
    static let knownUnits = [
        "个百分点", "万美元", "亿美元", "万千瓦", "亿元", "万元", "万人", "人次", "公里", "千米", "%", "元", "家", "个", "人",
        "项", "套", "台", "户", "吨", "亩", "件", "次", "所", "座", "条", "栋", "辆", "批",
    ]

    public static func parse(_ paragraph: String) -> [TargetDraft] {
        var targets: [TargetDraft] = []
        for sentence in PlanText.split(PlanText.canonical(paragraph), at: ["。", "；"]) {
            for clause in PlanText.split(sentence, at: ["，"]) {
                // A list of figures: 新增高新技术企业2家、科技型中小企业3家以上.
                let parts = PlanText.split(clause, at: ["、"])
                let pieces =
                    parts.count > 1 && parts.allSatisfy({ $0.contains(where: \.isASCIIDigit) }) ? parts : [clause]
                var found: [TargetDraft] = []
                for piece in pieces {
                    if let target = target(in: piece, after: found.last ?? targets.last) { found.append(target) }
                }
                // 以上 at the end of a list holds for each figure of it.
                if found.count > 1, let last = found.last, last.comparison != .atLeast {
                    for index in found.indices.dropLast() where found[index].comparison == .atLeast {
                        found[index].comparison = last.comparison
                    }
                }
                targets += found
            }
        }
        return targets
    }

    /// The target one clause sets, or nil when it sets no figure.
    static func target(in clause: String, after previous: TargetDraft?) -> TargetDraft? {
        let source = clause
        var text = PlanText.dropping(prefixes: openers, from: clause)
        text = dropYear(text)
        text = PlanText.dropping(prefixes: openers, from: text)
        // The figure is the last number: in 过10亿元项目2个 the first one belongs to what is counted.
        guard let numberRange = numbers(in: text).last else { return qualitative(text, source: source) }
        var before = String(text[..<numberRange.lowerBound]).trimmingSpaces
        let value = String(text[numberRange]).removing(",")
        var after = String(text[numberRange.upperBound...]).trimmingSpaces
        var comparison: TargetComparison?
        for (word, meaning) in leadWords where before.hasSuffix(word) {
            comparison = meaning
            before = String(before.dropLast(word.count))
            break
        }
        for (word, meaning) in trailWords {
            if let range = after.find(word) {
                if comparison == nil || meaning != .atLeast { comparison = meaning }
                after = String(after[..<range.lowerBound])
                break
            }
        }
        let unit = unitPrefix(after)
        var indicator = before.trimmingSpaces
        if indicator.hasSuffix("的") { indicator.removeLast() }
        if let previous {
            let subject = subject(of: previous.indicator)
            if indicator.isEmpty || ["增长", "增加", "下降", "提高", "提升", "降低"].contains(indicator) {
                indicator = subject + indicator
            } else if previous.indicator.hasPrefix("新增"), !indicator.hasPrefix("新增"), previous.unit == unit,
                !indicator.has("增")
            {
                indicator = "新增" + indicator
            }
        }
        guard !indicator.isEmpty else { return nil }
        return TargetDraft(
            indicator: indicator, comparison: comparison ?? .atLeast, value: value, unit: unit, source: source)
    }

    /// 外资破零 → 外资 ≥ 1; 实现全覆盖 → ≥ 100 %.
    private static func qualitative(_ text: String, source: String) -> TargetDraft? {
        if text.hasSuffix("破零"), text.count > 2 {
            var indicator = String(text.dropLast(2))
            for word in ["实现", "力争"] where indicator.hasSuffix(word) {
                indicator = String(indicator.dropLast(word.count))
            }
            guard !indicator.isEmpty else { return nil }
            return TargetDraft(indicator: indicator, comparison: .atLeast, value: "1", unit: "", source: source)
        }
        if text.hasSuffix("全覆盖"), text.count > 3 {
            var indicator = String(text.dropLast(3))
            for word in ["实现", "达到"] where indicator.hasSuffix(word) {
                indicator = String(indicator.dropLast(word.count))
            }
            guard !indicator.isEmpty else { return nil }
            return TargetDraft(
                indicator: indicator + "覆盖率", comparison: .atLeast, value: "100", unit: "%", source: source)
        }
        return nil
    }

    /// The subject of an indicator that ends in a verb of change: 外贸进出口总额 of 外贸进出口总额达.
    private static func subject(of indicator: String) -> String {
        for verb in ["增长", "增加", "下降", "提高", "提升", "降低"] where indicator.hasSuffix(verb) {
            return String(indicator.dropLast(verb.count))
        }
        return indicator
    }

    /// 2025年，… and 到2025年底 say when, not what.
    private static func dropYear(_ text: String) -> String {
        let characters = Array(text)
        var index = 0
        if text.hasPrefix("到") { index = 1 }
        let digits = characters[index...].prefix(while: \.isASCIIDigit).count
        guard digits == 4, index + 4 < characters.count, characters[index + 4] == "年" else { return text }
        var end = index + 5
        if end < characters.count, characters[end] == "底" { end += 1 }
        return String(characters[end...]).trimmingSpaces
    }

    /// The numbers of `text` (6, 5.5, 1,000), in order. A trailing dot or comma is punctuation.
    private static func numbers(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            guard let from = start else { return }
            var end = end
            while end > from, let last = text[from..<end].last, last == "." || last == "," {
                end = text.index(before: end)
            }
            if from < end { ranges.append(from..<end) }
            start = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if start == nil {
                if character.isASCIIDigit { start = index }
            } else if !(character.isASCIIDigit || character == "." || character == ",") {
                close(at: index)
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return ranges
    }

    /// The unit after a number: the whole rest when it is short (家, 亿元), else the known unit it starts
    /// with.
    private static func unitPrefix(_ text: String) -> String {
        let text = text.trimmingSpaces
        if text.count <= 4, !text.contains(where: { "，。、”“".contains($0) }) { return text }
        return knownUnits.first(where: { text.hasPrefix($0) }) ?? ""
    }
}
