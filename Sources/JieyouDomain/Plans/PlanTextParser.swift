import Foundation

/// Turns a plan's pasted text into a `PlanDraft` for the dispatcher to review (PRODUCT.md §5, issue 7).
/// Seed 001 is the model: a 总体方案 whose 附件1…附件7 are the workstreams, each with 一、攻坚目标,
/// 二、攻坚任务 numbered （一） 1. （1） and ending in their unit clauses, and 三、推进机制 with the 专班.
/// A text without 附件 is one workstream. Nothing here fails: what cannot be read is left for the
/// dispatcher to add.
public enum PlanTextParser {
    public static func parse(_ text: String) -> PlanDraft {
        let lines = PlanText.lines(PlanText.canonical(text))
        let title = planTitle(lines)
        let annexes = annexSections(lines)
        var workstreams: [WorkstreamDraft]
        if annexes.isEmpty {
            let start = lines.firstIndex { !$0.isEmpty && $0 != title } ?? lines.count
            workstreams = [workstream(named: workstreamName(title), body: Array(lines[start...]))]
        } else {
            workstreams = annexes.map { workstream(named: workstreamName($0.title), body: $0.body) }
        }
        workstreams = unifyingUnitNames(workstreams)
        let year = issuedOn(lines).flatMap { Int($0.prefix(4)) }
        if let year {
            for w in workstreams.indices {
                for t in workstreams[w].tasks.indices where workstreams[w].tasks[t].dueOn == nil {
                    workstreams[w].tasks[t].dueOn = DueDateReader.due(in: workstreams[w].tasks[t].text, year: year)?.iso
                }
            }
        }
        return PlanDraft(
            title: title, documentNumber: documentNumber(lines), issuedOn: issuedOn(lines), workstreams: workstreams)
    }

    // MARK: The document

    /// The plan's title: what a 印发 notice names in 《…》, else the first line that ends in 方案, else
    /// the first line.
    static func planTitle(_ lines: [String]) -> String {
        for line in lines.prefix(20) {
            if let open = line.firstIndex(of: "《"), let close = line[open...].firstIndex(of: "》"), line.has("印发") {
                return String(line[line.index(after: open)..<close])
            }
        }
        if let line = lines.first(where: {
            ($0.hasSuffix("方案") || $0.hasSuffix("计划")) && $0.count <= 60 && !$0.hasPrefix("附件")
        }) {
            return line
        }
        return String(lines.first(where: { !$0.isEmpty })?.prefix(60) ?? "")
    }

    /// 西管办发〔2025〕5号
    static func documentNumber(_ lines: [String]) -> String? {
        for line in lines.prefix(30) where line.count <= 40 && line.hasSuffix("号") {
            if line.has("〔") || line.has("［") || line.has("[") { return line }
        }
        return nil
    }

    /// The first line that is only a date: 2025年4月27日.
    static func issuedOn(_ lines: [String]) -> String? {
        for line in lines where line.count <= 12 && line.hasSuffix("日") {
            let parts = line.dropLast().split(whereSeparator: { $0 == "年" || $0 == "月" })
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                let date = LocalDate(year: y, month: m, day: d)
            else { continue }
            return date.iso
        }
        return nil
    }

    /// The annexes: a line that is only 附件N (附件 1, 附件1：) starts one; its next line is its title.
    static func annexSections(_ lines: [String]) -> [(title: String, body: [String])] {
        var starts: [Int] = []
        for (index, line) in lines.enumerated() {
            var rest = line.removing(" ")
            guard rest.hasPrefix("附件") else { continue }
            rest = String(rest.dropFirst(2))
            if rest.hasSuffix("：") { rest.removeLast() }
            if !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit) { starts.append(index) }
        }
        return starts.enumerated().compactMap { position, start in
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            guard let titleIndex = lines[(start + 1)..<end].firstIndex(where: { !$0.isEmpty }) else { return nil }
            return (lines[titleIndex], Array(lines[(titleIndex + 1)..<end]))
        }
    }

    /// 内需扩量提效攻坚实施方案 → 内需扩量提效攻坚.
    static func workstreamName(_ title: String) -> String {
        for suffix in ["实施方案", "工作方案", "行动方案", "方案"] where title.hasSuffix(suffix) && title.count > suffix.count {
            return String(title.dropLast(suffix.count))
        }
        return title
    }

    // MARK: A workstream

    static func workstream(named name: String, body: [String]) -> WorkstreamDraft {
        var result = WorkstreamDraft(name: name)
        let sections = topSections(body)
        if sections.isEmpty {
            result.tasks = TaskListReader.tasks(in: body)
        }
        for section in sections {
            let heading = section.heading
            if heading.has("目标") {
                result.targets += TargetParser.parse(section.lines.joined(separator: "\n"))
            } else if heading.has("机制") || heading.has("组织") || heading.has("保障") {
                continue
            } else {
                result.tasks += TaskListReader.tasks(in: section.lines)
            }
        }
        if let paragraph = body.first(where: TaskForceParser.describesTaskForce) {
            result.taskForce = TaskForceParser.parse(paragraph)
        }
        return result
    }

    /// The 一、二、三、 sections of an annex when it has them (一、攻坚目标 / 二、攻坚任务 / 三、推进机制);
    /// empty when the annex numbers its tasks from 一、 itself.
    static func topSections(_ body: [String]) -> [(heading: String, lines: [String])] {
        var sections: [(heading: String, lines: [String])] = []
        for line in body {
            if let (number, rest) = TaskNumber.leading(line), number.style == .chineseComma, rest.count <= 12,
                !rest.has("。")
            {
                sections.append((rest, []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        let known = sections.contains { s in ["目标", "任务", "机制", "重点"].contains { s.heading.has($0) } }
        return known ? sections : []
    }

    /// One spelling per unit across the plan (区住建（交通）局 → 区住建局（交通局））.
    static func unifyingUnitNames(_ workstreams: [WorkstreamDraft]) -> [WorkstreamDraft] {
        var all: [String] = []
        for workstream in workstreams {
            for task in workstream.tasks { all += task.leadUnits + task.coUnits }
            all += workstream.taskForce.memberUnits + workstream.taskForce.deputyUnits
            all += [workstream.taskForce.officeUnit].compactMap { $0 }
        }
        let spelling = UnitNames.canonicalSpellings(all)
        func unify(_ names: [String]) -> [String] {
            var seen: Set<String> = []
            return names.map { spelling[$0] ?? $0 }.filter { seen.insert($0).inserted }
        }
        return workstreams.map { workstream in
            var workstream = workstream
            for index in workstream.tasks.indices {
                workstream.tasks[index].leadUnits = unify(workstream.tasks[index].leadUnits)
                workstream.tasks[index].coUnits = unify(workstream.tasks[index].coUnits)
                    .filter { !workstream.tasks[index].leadUnits.contains($0) }
            }
            workstream.taskForce.memberUnits = unify(workstream.taskForce.memberUnits)
            workstream.taskForce.deputyUnits = unify(workstream.taskForce.deputyUnits)
            workstream.taskForce.officeUnit = workstream.taskForce.officeUnit.map { spelling[$0] ?? $0 }
            return workstream
        }
    }
}

/// The numbered items of a task section, each with the unnumbered paragraphs after it.
enum TaskListReader {
    static func tasks(in lines: [String]) -> [TaskDraft] {
        var items: [(number: TaskNumber, text: String)] = []
        for line in lines where !line.isEmpty {
            if let (number, rest) = TaskNumber.leading(line) {
                items.append((number, rest))
            } else if !items.isEmpty {
                // A paragraph without a number goes on with the item above it (附件4（八）).
                items[items.count - 1].text += "\n" + line
            }
        }
        return items.map { task($0.number, $0.text) }
    }

    static func task(_ number: TaskNumber, _ raw: String) -> TaskDraft {
        var text = raw
        var units = UnitClause()
        if let (body, clause) = PlanText.trailingClause(raw), let parsed = UnitClause.parse(clause) {
            text = body
            units = parsed
        }
        return TaskDraft(
            number: number, title: title(of: text), text: text, leadUnits: units.leadUnits, coUnits: units.coUnits,
            leadInferred: units.leadInferred, groups: units.groups)
    }

    /// 推动增收减负 of "推动增收减负。线下开展……"; a heading line is its own title; else the first words.
    static func title(of text: String) -> String {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        if let stop = firstLine.firstIndex(of: "。") {
            let head = String(firstLine[..<stop])
            if head.count <= 40 { return head }
        }
        if firstLine.count <= 40 {
            return firstLine.hasSuffix("。") || firstLine.hasSuffix(".") ? String(firstLine.dropLast()) : firstLine
        }
        return String(firstLine.prefix(30)) + "…"
    }
}
