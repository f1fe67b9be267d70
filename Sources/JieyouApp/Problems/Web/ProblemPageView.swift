import Foundation
import JieyouDomain

/// A problem's page: its facts, one small form for each step the reader may take now (and no other),
/// and its 办理过程. A refused step comes back open with its reason and what was typed.
struct ProblemPageView {
    let context: ProblemPageContext
    let signedIn: SignedIn
    /// The step that was refused, with its errors and what was typed into its form.
    let failed: ProblemAction.Name?
    let errors: [FieldError]
    let typed: ProblemsWeb.ActionForm?
    /// The 附件 section: the files, and the upload form for those who work on the problem.
    let attachments: AttachmentSectionView

    var title: String { "问题 \(context.problem.record.number)" }

    var html: HTML {
        let (problem, record, snapshot) = (context.problem, context.problem.record, context.problem.snapshot)
        let departmentNames = Dictionary(uniqueKeysWithValues: context.departments.map { ($0.id, $0.name) })
        let forms = ProblemActionForms(
            problemID: record.id, snapshot: snapshot, signedIn: signedIn, departments: context.departments,
            categories: context.categories, errors: failed == nil ? [] : errors, typed: typed)
        let actionItems = problem.actions.map { forms.form(for: $0, open: $0 == failed) }
        let co = snapshot.coDepartments.sorted { $0.value < $1.value }.map {
            "\(departmentNames[$0.key] ?? "其他单位")（\($0.value.iso)）"
        }
        // A step refused because the problem moved on has no form left to show its reason in.
        let stale: HTML =
            if let failed, !problem.actions.contains(failed) {
                "<div class=\"error-summary\" role=\"alert\"><p>\(errors.map(\.message).joined(separator: "；"))</p></div>"
            } else { .empty }
        return """
            \(stale)<h1><span class="mono" data-testid="problem-number">\(record.number)</span> <span data-testid="problem-state">\(snapshot.state.chineseName)</span>\(problem.overdue ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)</h1>
            <dl class="facts card">
            <dt>企业</dt><dd>\(context.enterprise.map { HTML("<a href=\"\(WebPath.enterprise($0.id))\">\($0.name)</a>") } ?? HTML("—"))</dd>
            <dt>类型</dt><dd>\(snapshot.kind.chineseName)</dd>\(problem.requester.map(Self.requester) ?? .empty)
            <dt>问题类别</dt><dd>\(snapshot.categoryCode.flatMap { context.categoryNames[$0] } ?? "未分类")</dd>
            <dt>问题来源</dt><dd>\(ProblemSource(rawValue: record.source)?.chineseName ?? record.source)</dd>
            <dt>\(snapshot.kind.hasRequester ? "诉求内容" : "困难问题")</dt><dd data-testid="problem-description">\(record.description)</dd>
            <dt>牵头单位</dt><dd>\(snapshot.leadDepartment.flatMap { departmentNames[$0] } ?? "—")</dd>
            <dt>配合单位</dt><dd>\(co.isEmpty ? "—" : co.joined(separator: "、"))</dd>
            <dt>办理时限</dt><dd>\(snapshot.deadline?.iso ?? "—")\(snapshot.pausedSince.map { HTML("（\($0.iso) 起挂起）") } ?? .empty)</dd>
            \(snapshot.result.map { HTML("<dt>办理结果</dt><dd>\($0)（\(snapshot.resultKind?.chineseName ?? "")）</dd>") } ?? .empty)\
            \(snapshot.replyMethod.map { HTML("<dt>答复诉求人</dt><dd>\($0.chineseName)，\(snapshot.resolvedOn?.iso ?? "")</dd>") } ?? .empty)
            \(snapshot.satisfaction.map { HTML("<dt>满意度</dt><dd>\($0.chineseName)</dd>") } ?? .empty)
            \(snapshot.rootCause.map { HTML("<dt>症结</dt><dd>\($0)</dd>") } ?? .empty)
            \(snapshot.flags.isEmpty ? HTML.empty : HTML("<dt>标记</dt><dd>\(snapshot.flags.map(\.chineseName).sorted().joined(separator: "、"))</dd>"))
            \(problem.escalatedTo.map { HTML("<dt>已上报</dt><dd>上级编号 \($0.number)，\($0.state.chineseName)\($0.result.map { "：\($0)" } ?? "")</dd>") } ?? .empty)
            </dl>
            \(actionItems.isEmpty ? HTML.empty : HTML("<h2>办理</h2><div class=\"problem-actions\" data-testid=\"problem-actions\">\(actionItems)</div>"))
            \(attachments.html)
            <h2>办理过程</h2>
            <ol class="timeline" data-testid="timeline">\(problem.timeline.map(Self.event))</ol>
            """
    }

    /// 诉求人 as this reader may see them, and what the complaint is about.
    static func requester(_ r: ProblemView.Requester) -> HTML {
        let respondent = [r.respondentDepartment, r.respondent].compactMap { $0 }.joined(separator: "，")
        return """
            <dt>诉求人</dt><dd data-testid="requester">\(r.shown.name)\(r.shown.phone.map { HTML(" <span class=\"mono\" data-testid=\"requester-phone\">\($0)</span>") } ?? .empty)\(r.shown.confidential ? HTML(" <span class=\"tag\">要求保密</span>") : .empty)</dd>
            <dt>反映事项</dt><dd>\(r.concern.chineseName)</dd>
            \(respondent.isEmpty ? HTML.empty : HTML("<dt>被投诉对象</dt><dd data-testid=\"respondent\">\(respondent)</dd>"))
            """
    }

    /// One line of the 办理过程: when, who, which step, the state it led to and its note.
    static func event(_ entry: ProblemView.Event) -> HTML {
        let name = EventVocabulary.actionName(entry.action, of: "problem")
        if entry.action == "attach", let id = entry.changes["attachmentId"]?.after.flatMap(UUID.init(uuidString:)) {
            let purpose = entry.changes["purpose"]?.after.flatMap(AttachmentPurpose.init(rawValue:))?.chineseName
            return """
                <li><time>\(ChinaTime.dateTime(entry.at))</time> <b>\(entry.actor ?? "系统")</b> \(name) \
                <a href="\(SiteURL.attachment(.value(id)).path)">\(entry.changes["file"]?.after ?? "附件")</a>\
                \(purpose.map { HTML("（\($0)）") } ?? .empty)</li>
                """
        }
        let note = entry.changes["note"]?.after ?? entry.changes["description"]?.after
        let state = entry.changes["state"]?.after.flatMap(ProblemState.init(rawValue:))?.chineseName
        return """
            <li><time>\(ChinaTime.dateTime(entry.at))</time> <b>\(entry.actor ?? "系统")</b> \(name)\
            \(state.map { HTML(" → \($0)") } ?? .empty)\(note.map { HTML("<p>\($0)</p>") } ?? .empty)</li>
            """
    }
}
