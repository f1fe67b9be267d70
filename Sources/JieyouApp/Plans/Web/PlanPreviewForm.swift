import Foundation
import JieyouDomain

/// The review form of an imported plan: every workstream, target and task of the draft as fields the
/// dispatcher corrects, with the units matched to the park's departments. It works without script:
/// the draft goes back and forth as the form's fields (w0.t3.leads …), not as hidden JSON.
enum PlanPreviewForm {
    /// Names of a list: 区科工局、区商务局（招商促进事务中心）, typed with 、 or commas.
    static func names(_ text: String?) -> [String] {
        PlanText.split(PlanText.canonical(text ?? ""), at: ["、", "，", "；"]).map { name in
            var name = name
            while name.hasSuffix("等") { name.removeLast() }
            return name
        }.filter { !$0.isEmpty }
    }

    static func list(_ names: [String]) -> String { names.joined(separator: "、") }

    /// The draft the fields describe; rows ticked 删除 are left out. `places` maps each kept row's place
    /// in the draft back to its fields, so an error on the draft is shown next to the right field.
    static func draft(from fields: [String: String]) -> (PlanDraft, [String: String]) {
        func value(_ key: String) -> String? { fields[key] }
        func count(_ key: String) -> Int { min(Int(fields[key] ?? "") ?? 0, 2_000) }
        var places: [String: String] = [:]
        var streams: [WorkstreamDraft] = []
        for w in 0..<count("w.count") where value("w\(w).remove") == nil {
            let p = "w\(w)"
            let draftIndex = streams.count
            places["workstreams[\(draftIndex)]"] = p
            var stream = WorkstreamDraft(
                name: value("\(p).name") ?? "",
                taskForce: TaskForceDraft(
                    name: nonEmpty(value("\(p).taskForce")), convener: nonEmpty(value("\(p).convener")),
                    deputyUnits: names(value("\(p).deputies")), memberUnits: names(value("\(p).members")),
                    officeUnit: names(value("\(p).office")).first))
            for g in 0..<count("\(p).g.count") where value("\(p).g\(g).remove") == nil {
                places["workstreams[\(draftIndex)].targets[\(stream.targets.count)]"] = "\(p).g\(g)"
                stream.targets.append(
                    TargetDraft(
                        indicator: value("\(p).g\(g).indicator") ?? "",
                        comparison: TargetComparison(rawValue: value("\(p).g\(g).comparison") ?? "") ?? .atLeast,
                        value: value("\(p).g\(g).value") ?? "", unit: value("\(p).g\(g).unit") ?? "",
                        source: value("\(p).g\(g).source") ?? "", baseline: value("\(p).g\(g).baseline")))
            }
            for t in 0..<count("\(p).t.count") where value("\(p).t\(t).remove") == nil {
                let q = "\(p).t\(t)"
                places["workstreams[\(draftIndex)].tasks[\(stream.tasks.count)]"] = q
                let style = TaskNumber.Style(rawValue: Int(value("\(q).style") ?? "") ?? 0) ?? .arabicDot
                let ordinal = String((value("\(q).ordinal") ?? "").prefix(6))
                stream.tasks.append(
                    TaskDraft(
                        number: TaskNumber(style: style, ordinal: ordinal.isEmpty ? "\(t + 1)" : ordinal),
                        title: value("\(q).title") ?? "", text: value("\(q).text") ?? "",
                        leadUnits: names(value("\(q).leads")), coUnits: names(value("\(q).cos")),
                        groups: names(value("\(q).groups")), dueOn: nonEmpty(value("\(q).dueOn"))))
            }
            streams.append(stream)
        }
        let draft = PlanDraft(
            title: value("title") ?? "", documentNumber: nonEmpty(value("documentNumber")),
            issuedOn: nonEmpty(value("issuedOn")), workstreams: streams)
        return (draft, places)
    }

    /// The unit mapping the form chose: unit name → department.
    static func mapping(from fields: [String: String]) -> [String: UUID] {
        var mapping: [String: UUID] = [:]
        for u in 0..<min(Int(fields["u.count"] ?? "") ?? 0, 2_000) {
            guard let name = fields["u\(u).name"], let id = fields["u\(u).department"].flatMap(UUID.init(uuidString:))
            else { continue }
            mapping[name] = id
        }
        return mapping
    }

    /// The form field an error on the draft belongs to: workstreams[0].tasks[1].leadUnits → w0.t1.leads.
    static func formField(_ field: String, places: [String: String]) -> String {
        let renames = ["leadUnits": "leads", "coUnits": "cos"]
        for (draftPath, formPath) in places.sorted(by: { $0.key.count > $1.key.count })
        where field.hasPrefix(draftPath + ".") {
            let rest = String(field.dropFirst(draftPath.count + 1))
            return "\(formPath).\(renames[rest] ?? rest)"
        }
        return field
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    // MARK: Rendering

    static func render(
        _ draft: PlanDraft, units: [PlanUnitMatch], departments: [PlanUnits.Department], errors: [FieldError],
        csrf: HTML
    ) -> HTML {
        let f = FormFields(errors: errors)
        let streams = draft.workstreams.enumerated().map { w, stream in workstream(f, w, stream) }
        let unitRows = unitRows(units, departments: departments)
        return """
            <form method="post" action="\(WebPath.plans)" class="plan-preview">\(csrf)\(f.summary)
            <input type="hidden" name="w.count" value="\(draft.workstreams.count)"><input type="hidden" name="u.count" value="\(units.count)">
            <section class="card"><div class="grid-2">
            \(f.text("title", "方案名称", value: draft.title, required: true))
            \(f.text("documentNumber", "文号", value: draft.documentNumber))
            \(f.text("issuedOn", "印发日期", value: draft.issuedOn, type: "date"))</div>
            <p data-testid="preview-counts">识别出攻坚\(draft.workstreams.count)个、目标\(draft.targetCount)项、任务\(draft.taskCount)项、责任单位\(units.count)个。</p></section>
            \(streams)
            <section class="card"><h2>责任单位对应</h2>
            <p class="hint">方案中的单位与本单位已有部门对应；选择“新建”的将在保存时建为部门。</p>
            <div class="table-wrap"><table data-testid="preview-units"><thead><tr><th>方案中的单位</th><th>识别</th><th>对应部门</th></tr></thead><tbody>\(unitRows)</tbody></table></div></section>
            <div class="actions"><button type="submit">确认保存方案</button> <a href="\(WebPath.planImport)">重新粘贴</a></div>
            </form>
            """
    }

    /// One workstream (攻坚): its name and 专班, its targets and its tasks, each editable.
    private static func workstream(_ f: FormFields, _ w: Int, _ stream: WorkstreamDraft) -> HTML {
        let p = "w\(w)"
        let targets = stream.targets.enumerated().map { g, target in targetRow(f, "\(p).g\(g)", target) }
        let tasks = stream.tasks.enumerated().map { t, task in taskRow(f, "\(p).t\(t)", task) }
        let force = stream.taskForce
        return """
            <section class="card workstream" data-testid="preview-workstream">
            <h2>\(w + 1). \(stream.name)</h2>
            <input type="hidden" name="\(p).g.count" value="\(stream.targets.count)"><input type="hidden" name="\(p).t.count" value="\(stream.tasks.count)">
            <div class="grid-2">\(f.text("\(p).name", "攻坚名称", value: stream.name, required: true))
            \(f.text("\(p).taskForce", "工作专班", value: force.name))
            \(f.text("\(p).convener", "召集人", value: force.convener))
            \(f.text("\(p).office", "专班办公室设在", value: force.officeUnit))
            \(f.text("\(p).deputies", "副召集人单位", value: list(force.deputyUnits), hint: "以顿号分隔"))
            \(f.text("\(p).members", "成员单位", value: list(force.memberUnits), hint: "共\(force.memberUnits.count)个，以顿号分隔"))</div>
            <h3>目标（\(stream.targets.count)项）</h3>
            \(stream.targets.isEmpty ? HTML("<p class=\"hint\">该攻坚的“攻坚目标”中没有量化指标。</p>") : HTML("""
            <div class="table-wrap"><table><thead><tr><th>指标</th><th>比较</th><th>目标值</th><th>基数</th><th>单位</th><th></th></tr></thead><tbody>\(targets)</tbody></table></div>
            """))
            <h3>任务（\(stream.tasks.count)项）</h3>
            <div class="table-wrap"><table class="preview-tasks"><thead><tr><th>编号</th><th>任务</th><th>牵头单位</th><th class="hide-narrow">配合单位</th><th>完成时限</th><th></th></tr></thead><tbody>\(tasks)</tbody></table></div>
            <label class="check"><input type="checkbox" name="\(p).remove" value="1"> 不导入该攻坚</label>
            </section>
            """
    }

    private static func targetRow(_ f: FormFields, _ q: String, _ target: TargetDraft) -> HTML {
        let comparisonOptions = TargetComparison.allCases.map { ($0.rawValue, "\($0.symbol) \($0.chineseName)") }
        return """
            <tr><td>\(cell(f, "\(q).indicator", target.indicator, label: "指标"))</td>
            <td>\(select(f, "\(q).comparison", comparisonOptions, target.comparison.rawValue, label: "比较"))</td>
            <td>\(cell(f, "\(q).value", target.value, label: "目标值", size: 6))</td>
            <td>\(cell(f, "\(q).baseline", target.baseline ?? "", label: "基数", size: 6))</td>
            <td>\(cell(f, "\(q).unit", target.unit, label: "单位", size: 5))<input type="hidden" name="\(q).source" value="\(target.source)"></td>
            <td><label class="check"><input type="checkbox" name="\(q).remove" value="1"> 删除</label></td></tr>
            """
    }

    private static func taskRow(_ f: FormFields, _ q: String, _ task: TaskDraft) -> HTML {
        let level = task.number.style.rawValue
        return """
            <tr class="task-row level-\(level)" data-testid="preview-task"><td class="num">\(task.number.label)<input type="hidden" name="\(q).style" value="\(level)"><input type="hidden" name="\(q).ordinal" value="\(task.number.ordinal)"><input type="hidden" name="\(q).groups" value="\(list(task.groups))"></td>
            <td>\(cell(f, "\(q).title", task.title, label: "任务"))
            <details><summary>全文</summary><textarea name="\(q).text" rows="4" aria-label="任务全文">\(task.text)</textarea>\(f.error(for: "\(q).text"))</details></td>
            <td>\(cell(f, "\(q).leads", list(task.leadUnits), label: "牵头单位"))\(task.leadInferred ? HTML("<p class=\"hint\">原文未写“牵头”，按首位单位预填，请核对</p>") : .empty)</td>
            <td class="hide-narrow">\(cell(f, "\(q).cos", list(task.coUnits), label: "配合单位"))\(task.groups.isEmpty ? .empty : HTML("<p class=\"hint\">另有：\(list(task.groups))</p>"))</td>
            <td>\(cell(f, "\(q).dueOn", task.dueOn ?? "", label: "完成时限", type: "date"))</td>
            <td><label class="check"><input type="checkbox" name="\(q).remove" value="1"> 删除</label></td></tr>
            """
    }

    /// Each unit the plan names, how it matched the departments, and a select to correct it.
    private static func unitRows(_ units: [PlanUnitMatch], departments: [PlanUnits.Department]) -> [HTML] {
        let departmentOptions = departments.map { ($0.id.uuidString, $0.name) }
        return units.enumerated().map { u, unit -> HTML in
            let state: HTML =
                switch unit.kind {
                case .exact: "已有"
                case .similar: "名称相近"
                case .new: "<strong>将新建</strong>"
                }
            return """
                <tr><td>\(unit.name)<input type="hidden" name="u\(u).name" value="\(unit.name)"></td><td>\(state)</td>
                <td><select name="u\(u).department" aria-label="\(unit.name)对应的部门"><option value="">新建“\(unit.name)”</option>\(departmentOptions.map { id, name in HTML("<option value=\"\(id)\"\(id == unit.departmentId?.uuidString ? HTML(" selected") : .empty)>\(name)</option>") })</select></td></tr>
                """
        }
    }

    private static func cell(
        _ f: FormFields, _ name: String, _ value: String, label: String, size: Int? = nil, type: String = "text"
    )
        -> HTML
    {
        """
        <input name="\(name)" type="\(type)" value="\(value)" aria-label="\(label)"\(size.map { HTML(" size=\"\($0)\"") })\(f.errors.contains { $0.field == name } ? HTML(" aria-invalid=\"true\"") : .empty)>\(f.error(for: name))
        """
    }

    private static func select(
        _ f: FormFields, _ name: String, _ options: [(String, String)], _ selected: String, label: String
    )
        -> HTML
    {
        """
        <select name="\(name)" aria-label="\(label)">\(options.map { value, text in HTML("<option value=\"\(value)\"\(value == selected ? HTML(" selected") : .empty)>\(text)</option>") })</select>
        """
    }
}
