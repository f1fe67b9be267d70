import Foundation
import JieyouDomain

/// One 共性问题: what it is and where it stands, its members, and the step its reader may take — the
/// owning service group removes members, merges another group in and sends it up; the unit above
/// answers; the service group then resolves the members by the answer.
struct CommonProblemView {
    let row: CommonProblemStore.Row
    let members: [CommonProblemStore.Problem]
    let actor: Actor
    let tree: OrgTree
    /// The unit's other confirmed groups, which may be merged into this one.
    let siblings: [CommonProblemStore.Row]
    /// Where sending it up would take it; nil when it cannot be sent (or not by this reader).
    let escalationTarget: String?
    let csrf: HTML
    let errors: [FieldError]
    let question: String?
    let answer: CommonProblemsWeb.AnswerForm?
    let resolution: CommonProblemDesk.Resolution?

    private var mayShape: Bool { CommonProblemRules.mayShape(actor, unit: row.orgUnitId) }

    var html: HTML {
        let f = FormFields(errors: errors)
        return """
            <h1>\(row.title) \(CommonProblemListView.stateTag(row.stateValue))</h1>
            \(f.summary)
            \(resolutionNote)
            <dl class="facts" data-testid="common-facts">
            <dt>所属单位</dt><dd>\(row.unitName)</dd>
            <dt>涉及企业</dt><dd>\(row.enterprises)家（\(row.members)个问题，未办结\(row.openMembers)个）</dd>
            <dt>共同点</dt><dd>\(row.keywords.isEmpty ? "—" : row.keywords)</dd>
            <dt>确认</dt><dd>\(row.creatorName) \(LocalDate(row.createdAt, in: .chinaStandard).iso)</dd>
            \(row.question.map { q in HTML("<dt>上报</dt><dd>\(row.escalatedOn ?? "") 报\(row.escalatedToName ?? "上级")：\(q)</dd>") })
            \(row.answer.map { a in HTML("<dt>上级答复</dt><dd data-testid=\"common-answer\">\(row.answeredOn ?? "") \(row.answererName ?? "")（\(row.answerKind.flatMap(ResultKind.init)?.chineseName ?? "")）：\(a)</dd>") })
            </dl>
            \(step(f))
            <h2>成员问题（\(members.count)）</h2>
            <div class="table-wrap"><table data-testid="common-members"><thead><tr><th>编号</th><th>企业</th><th>问题描述</th>\
            <th>状态</th><th class="hide-narrow">牵头单位</th><th class="hide-narrow">办理时限</th>\(removable ? HTML("<th></th>") : .empty)</tr></thead>
            <tbody>\(members.map(line))</tbody></table></div>
            <p><a href="\(SiteURL.commonProblems.path)">返回共性问题</a></p>
            """
    }

    private var removable: Bool { mayShape && row.stateValue == .confirmed }

    private func line(_ m: CommonProblemStore.Problem) -> HTML {
        let remove: HTML =
            removable
            ? """
            <td><form method="post" action="\(SiteURL.commonProblemMemberRemove(.value(row.id), .value(m.id)).path)" class="inline">\(csrf)<button type="submit" class="secondary small">移出</button></form></td>
            """ : .empty
        return """
            <tr><td><a href="\(SiteURL.problem(.value(m.id)).path)">\(m.number)</a></td><td>\(m.enterpriseName ?? "—")</td>\
            <td>\(m.description)</td><td>\(m.stateValue.chineseName)</td><td class="hide-narrow">\(m.leadDepartmentName ?? "—")</td>\
            <td class="hide-narrow">\(m.deadline ?? "—")</td>\(remove)</tr>
            """
    }

    private var resolutionNote: HTML {
        guard let resolution else { return .empty }
        let refused = resolution.refused.map { HTML("<li>\($0.number)：\($0.reason)</li>") }
        return """
            <div class="error-summary" role="alert" data-testid="common-refused"><p>已按答复办结\(resolution.resolved.count)个问题；以下问题未能办结，请在问题页处理后再试：</p><ul>\(refused)</ul></div>
            """
    }

    /// The one step the reader may take now.
    private func step(_ f: FormFields) -> HTML {
        switch row.stateValue {
        case .confirmed where mayShape: "\(escalateForm(f))\(mergeForm(f))"
        case .escalated:
            if let target = row.escalatedTo, CommonProblemRules.mayAnswer(actor, escalatedTo: target, in: tree) {
                answerForm(f)
            } else {
                "<p class=\"muted\">已上报\(row.escalatedToName ?? "上级")，等待答复。</p>"
            }
        case .answered where mayShape && row.openMembers > 0:
            """
            <form method="post" action="\(SiteURL.commonProblemResolve(.value(row.id)).path)" class="card" data-testid="common-resolve">\(csrf)
            <p>上级已答复。按答复办结未办结的\(row.openMembers)个成员问题：每个问题以答复为办理结果，进入回访评价，企业满意后销号。</p>
            <div class="actions"><button type="submit">按答复办结\(row.openMembers)个问题</button></div></form>
            """
        default: .empty
        }
    }

    private func escalateForm(_ f: FormFields) -> HTML {
        guard let target = escalationTarget else {
            return "<p class=\"muted\">上级单位尚无服务小组或专班账号，暂不能上报。</p>"
        }
        let draft =
            question
            ?? CommonProblemRules.draftQuestion(
                title: row.title, enterprises: row.enterprises, problems: row.members, unitName: row.unitName)
        return """
            <form method="post" action="\(SiteURL.commonProblemEscalate(.value(row.id)).path)" class="card" data-testid="common-escalate">\(csrf)
            <h2>报上级研究</h2>
            <div class="field"><label for="question">上报的政策问题<span class="req">*</span></label>
            <textarea id="question" name="question" rows="4" required>\(draft)</textarea>
            <p class="hint">将报送\(target)，成员问题随之列出；答复后可一并办结。</p>\(f.error(for: "question"))</div>
            <div class="actions"><button type="submit">上报\(target)</button></div></form>
            """
    }

    private func mergeForm(_ f: FormFields) -> HTML {
        guard !siblings.isEmpty else { return .empty }
        return """
            <form method="post" action="\(SiteURL.commonProblemMerge(.value(row.id)).path)" class="card">\(csrf)
            \(f.select("groupId", "把另一个共性问题并入本问题", options: siblings.map { ($0.id.uuidString, "\($0.title)（\($0.enterprises)家企业）") }, selected: nil, required: true))
            <div class="actions"><button type="submit" class="secondary">合并</button></div></form>
            """
    }

    private func answerForm(_ f: FormFields) -> HTML {
        let kinds = ResultKind.allowed(for: .problem).map { ($0.rawValue, $0.chineseName) }
        return """
            <form method="post" action="\(SiteURL.commonProblemAnswer(.value(row.id)).path)" class="card" data-testid="common-answer-form">\(csrf)
            <h2>答复</h2>
            <div class="field"><label for="answer">答复内容<span class="req">*</span></label>
            <textarea id="answer" name="answer" rows="4" required>\(answer?.answer ?? "")</textarea>
            <p class="hint">写明出台或适用的政策、措施和办理渠道；上报单位可据此一并办结成员问题。</p>\(f.error(for: "answer"))</div>
            \(f.select("resultKind", "办理结果类别", options: kinds, selected: answer?.resultKind ?? ResultKind.explained.rawValue, required: true))
            <div class="actions"><button type="submit">提交答复</button></div></form>
            """
    }
}
