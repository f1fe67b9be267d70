import Foundation
import JieyouDomain

/// One small form per action on the problem page, each asking for exactly what its action needs and
/// posting to `/problems/{id}/actions/{action}`. Forms work without script: each is a `<details>`
/// that opens by a click, and the one that failed comes back open with its errors.
struct ProblemActionForms {
    let problemID: UUID
    let snapshot: ProblemSnapshot
    let signedIn: SignedIn
    let departments: [(id: UUID, name: String)]
    let categories: [ProblemCategory]
    let errors: [FieldError]
    /// What was typed into the refused form, shown in it again.
    var typed: ProblemsWeb.ActionForm?

    func form(for name: ProblemAction.Name, open: Bool) -> HTML {
        let f = FormFields(errors: open ? errors : [])
        let typed = open ? typed : nil
        let fields = self.fields(name, f) { typed?.value($0) }
        let action = SiteURL.problemAction(.value(problemID), .value(name)).path
        return """
            <details class="card action"\(open ? HTML(" open") : .empty) data-action="\(name.rawValue)"><summary>\(name.chineseName)</summary>
            <form method="post" action="\(action)">\(FormFields.csrf(signedIn))\(f.summary)\(fields)
            <div class="actions"><button type="submit">\(buttonTitle(name))</button></div></form></details>
            """
    }

    private func buttonTitle(_ name: ProblemAction.Name) -> String {
        switch name {
        case .flagTypicalCase, .flagSupervised, .flagLeaderCase: isOn(name) ? "取消标记" : "确认标记"
        default: "确认\(name.chineseName)"
        }
    }

    private func isOn(_ name: ProblemAction.Name) -> Bool {
        switch name {
        case .flagTypicalCase: snapshot.flags.contains(.typicalCase)
        case .flagSupervised: snapshot.flags.contains(.supervised)
        case .flagLeaderCase: snapshot.flags.contains(.leaderCase)
        default: false
        }
    }

    /// Keeps ids unique on the page.
    private var idSuffix: String { String(problemID.uuidString.prefix(8)).lowercased() }

    private func textarea(
        _ field: String, _ label: String, _ f: FormFields, _ typed: (String) -> String?, required: Bool = true,
        hint: String? = nil
    ) -> HTML {
        """
        <div class="field"><label for="\(field)-\(idSuffix)">\(label)\(required ? HTML("<span class=\"req\">*</span>") : .empty)</label>
        <textarea id="\(field)-\(idSuffix)" name="\(field)" rows="3">\(typed(field) ?? "")</textarea>\(hint.map { HTML("<p class=\"hint\">\($0)</p>") })\(f.error(for: field))</div>
        """
    }

    private func fields(_ name: ProblemAction.Name, _ f: FormFields, _ typed: (String) -> String?) -> HTML {
        let departmentOptions = departments.map { ($0.id.uuidString, $0.name) }
        switch name {
        case .accept:
            return f.select(
                "category", "问题类别", options: ProblemCategoryStore.options(categories),
                selected: typed("category") ?? snapshot.categoryCode,
                required: snapshot.kind == .problem)
        case .reject: return textarea("reason", "不予受理的理由", f, typed)
        case .assign:
            return """
                \(f.select("leadDepartmentId", "牵头单位", options: departmentOptions, selected: typed("leadDepartmentId"), required: true))
                \(f.checkboxes("coDepartmentIds", "配合单位", options: departmentOptions, selected: Set(self.typed?.coDepartmentIds ?? [])))
                \(f.text("deadline", "办理时限", value: typed("deadline"), type: "date", hint: "不填则按问题类别的默认时限（工作日）计算"))
                """
        case .sign: return "<p class=\"hint\">签收后开始办理，办理时限按工作日计算。</p>"
        case .progress: return textarea("text", "办理进展", f, typed)
        case .giveBack: return textarea("reason", "退回理由", f, typed, hint: "说明为何不属于本单位职责，由服务小组审定")
        case .ruleOnReturn:
            return """
                <fieldset class="field"><legend>审定意见</legend><div class="checks">
                <label class="check"><input type="radio" name="upheld" value="true" checked> 同意退回，重新交办</label>
                <label class="check"><input type="radio" name="upheld" value="false"> 不同意退回，仍由原单位办理</label></div>\(f.error(for: "upheld"))</fieldset>
                \(textarea("note", "审定说明", f, typed, required: false, hint: "不同意退回时必填"))
                """
        case .resolve:
            let kinds = ResultKind.allowed(for: snapshot.kind).map { ($0.rawValue, $0.chineseName) }
            let methods = ReplyMethod.allCases.map { ($0.rawValue, $0.chineseName) }
            return """
                \(textarea("result", snapshot.kind == .inquiry ? "答复内容" : "办理结果", f, typed, hint: snapshot.kind.hasRequester ? "即答复诉求人的内容" : nil))
                \(f.select("resultKind", "办理结果类别", options: kinds, selected: typed("resultKind") ?? (kinds.count == 1 ? kinds[0].0 : nil), required: true))
                \(snapshot.kind.hasRequester ? f.select("replyMethod", "答复方式", options: methods, selected: typed("replyMethod"), required: true) : .empty)
                """
        case .revisit:
            let who = snapshot.kind.hasRequester ? "诉求人" : "企业"
            return """
                \(f.select("satisfaction", "\(who)满意度", options: Satisfaction.allCases.map { ($0.rawValue, $0.chineseName) }, selected: typed("satisfaction"), required: true))
                \(textarea("comment", "回访意见", f, typed, required: false, hint: "不满意时必填，问题将重新交办"))
                """
        case .close:
            return snapshot.satisfaction?.allowsClosing == true
                ? "<p class=\"hint\">\(snapshot.kind.hasRequester ? "诉求人" : "企业")回访\(snapshot.satisfaction!.chineseName)，可以销号。</p>"
                : textarea(
                    "overrideReason", "未经满意回访销号的理由", f, typed, hint: snapshot.kind.hasRequester ? "如诉求人匿名或多次联系不上" : nil)
        case .escalate: return textarea("reason", "上报理由", f, typed, hint: "上报后在上级单位的台账中生成关联问题")
        case .merge:
            return
                "\(f.text("targetNumber", "合并到的问题编号", value: typed("targetNumber"), required: true))\(f.error(for: "targetId"))"
        case .keepWorking:
            return """
                \(textarea("plan", "推进计划", f, typed))
                \(f.text("responsibleUnit", "责任单位", value: typed("responsibleUnit"), required: true))
                \(f.text("until", "计划完成日期", value: typed("until"), type: "date", required: true))
                """
        case .pause: return textarea("reason", "挂起原因", f, typed, hint: "挂起期间的工作日不计入办理时限")
        case .resume: return "<p class=\"hint\">恢复后，挂起期间的工作日顺延到办理时限。</p>"
        case .requestExtension:
            return
                "\(f.text("workingDays", "延期工作日数", value: typed("workingDays") ?? "5", type: "number", required: true))\(textarea("reason", "延期理由", f, typed))"
        case .decideExtension:
            let request = snapshot.pendingExtension
            return """
                <p>申请延期 \(request.map { String($0.workingDays) } ?? "—") 个工作日：\(request?.reason ?? "")</p>
                <fieldset class="field"><legend>审批意见</legend><div class="checks">
                <label class="check"><input type="radio" name="approve" value="true" checked> 批准</label>
                <label class="check"><input type="radio" name="approve" value="false"> 不批准</label></div></fieldset>
                """
        case .addDepartment:
            let busy = Set([snapshot.leadDepartment].compactMap { $0 } + Array(snapshot.coDepartments.keys))
            return f.select(
                "departmentId", "加派单位", options: departmentOptions.filter { !busy.contains(UUID(uuidString: $0.0)!) },
                selected: typed("departmentId"), required: true)
        case .flagTypicalCase, .flagSupervised, .flagLeaderCase:
            return "<input type=\"hidden\" name=\"on\" value=\"\(isOn(name) ? "false" : "true")\">"
        case .recordRootCause: return textarea("rootCause", "症结", f, typed, hint: "问题反复退回或重办时，须先查明症结")
        // Never offered here (`isOfferedOnProblemPage`): the group's page resolves all its members.
        case .resolveByAnswer: return .empty
        }
    }
}
