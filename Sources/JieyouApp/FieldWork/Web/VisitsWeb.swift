import JieyouDomain
import SQLKit
import Vapor

/// 记录走访: the phone-first form a cadre fills in standing in a workshop. No script, large targets,
/// few fields: pick the enterprise, tick the purposes, write what was found (one problem per line).
struct VisitsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newVisit, use: new)
        routes.post(SiteURL.visits, use: create)
    }

    struct Form: Content {
        var enterpriseId: String?
        var visitedOn: String?
        var purposes: [String]?
        var notes: String?
        var problems: String?
        var suggestions: String?
        var companions: [String]?
        /// Policies brought on this visit (上门送达).
        var policyIds: [String]?

        /// Each non-empty line of the two boxes is one finding.
        var input: VisitInput {
            func lines(_ text: String?, _ kind: FindingKind) -> [(kind: String?, text: String?)] {
                (text ?? "").split(whereSeparator: \.isNewline).map { (kind.rawValue, String($0)) }
            }
            return VisitInput(
                enterpriseID: formUUID(enterpriseId), visitedOn: visitedOn, purposes: purposes ?? [], notes: notes,
                cadreIDs: (companions ?? []).compactMap(formUUID),
                findings: lines(problems, .problem) + lines(suggestions, .suggestion))
        }
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        guard let enterpriseID = formUUID(req.query[String.self, at: "enterprise"]) else {
            return try await req.page("记录走访", try await picker(req, signedIn))
        }
        let today = LocalDate(req.now, in: .chinaStandard)
        let form = Form(
            enterpriseId: enterpriseID.uuidString, visitedOn: today.iso,
            purposes: [VisitPurpose.problemFinding.rawValue])
        return try await req.page("记录走访", try await self.form(req, signedIn, form, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(Form.self)
        do {
            guard let id = formUUID(form.enterpriseId) else { throw AppError.notFound("企业") }
            _ = try await req.fieldWorkDesk().recordVisit(
                form.input, bringing: (form.policyIds ?? []).compactMap(formUUID))
            return req.redirect(to: WebPath.enterprise(id) + "?done=visitRecorded")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "记录走访", try await self.form(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    /// Step one: choose the enterprise. A cadre's own enterprises come first; search finds the rest.
    private func picker(_ req: Request, _ signedIn: SignedIn) async throws -> HTML {
        let q = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let items = try await req.fieldWorkDesk().visitPicks(matching: q).map { e -> HTML in
            "<li><a class=\"pick\" href=\"\(WebPath.newVisit(for: e.id))\">\(e.name)<small>\(e.lastVisitedOn.map { "上次走访 \($0)" } ?? "尚未走访")</small></a></li>"
        }
        return """
            <h1>记录走访</h1>
            <form method="get" action="\(WebPath.newVisit)" role="search" class="card">
            <div class="field"><label for="q">走访哪家企业？</label><input id="q" name="q" type="search" value="\(q)" placeholder="输入企业名称中的几个字"></div>
            <button type="submit">查找</button></form>
            <h2>\(q.isEmpty ? "我驻企联系的企业" : "查找结果")</h2>
            \(items.isEmpty ? HTML("<p class=\"muted\">没有找到企业，请换个关键词。</p>") : HTML("<ul class=\"picks\" data-testid=\"visit-picks\">\(items)</ul>"))
            """
    }

    private func form(_ req: Request, _ signedIn: SignedIn, _ form: Form, errors: [FieldError]) async throws -> HTML {
        guard let id = formUUID(form.enterpriseId) else { throw AppError.notFound("企业") }
        let (enterprise, cadres, policies) = try await req.fieldWorkDesk().visitChoices(id)
        let f = FormFields(errors: errors)
        let purposes = VisitPurpose.allCases.map { ($0.rawValue, $0.chineseName) }
        let toBring = policies.map {
            ($0.policy.id.uuidString.lowercased(), "\($0.policy.title)（\($0.verdict.summary)）")
        }
        let companions = cadres.map { ($0.id!.uuidString, $0.displayName) }
        return """
            <h1>记录走访</h1>
            <p class="lead"><b data-testid="visit-enterprise">\(enterprise.row.name)</b></p>
            <form method="post" action="\(WebPath.visits)" class="card visit-form">
            \(FormFields.csrf(signedIn))\(f.summary)
            <input type="hidden" name="enterpriseId" value="\(id.uuidString)">
            \(f.text("visitedOn", "走访日期", value: form.visitedOn, type: "date", required: true))
            \(f.checkboxes("purposes", "走访目的", options: purposes, selected: Set(form.purposes ?? [])))
            <div class="field"><label for="problems">发现的问题、诉求</label>
            <textarea id="problems" name="problems" rows="4" placeholder="每行一条，如：厂区门口道路破损，货车进出困难">\(form.problems ?? "")</textarea>
            <p class="hint">每行记一条问题，会转入问题台账交办</p>\(f.error(for: "findings"))</div>
            <div class="field"><label for="suggestions">企业的意见建议</label>
            <textarea id="suggestions" name="suggestions" rows="3" placeholder="每行一条">\(form.suggestions ?? "")</textarea></div>
            <div class="field"><label for="notes">走访情况</label>
            <textarea id="notes" name="notes" rows="3" placeholder="企业生产经营情况、政策宣讲情况等">\(form.notes ?? "")</textarea>\(f.error(for: "notes"))</div>
            \(toBring.isEmpty ? .empty : f.checkboxes("policyIds", "本次送达的政策（该企业符合条件、尚未知晓）", options: toBring, selected: Set(form.policyIds ?? [])))
            \(companions.isEmpty ? .empty : f.checkboxes("companions", "同行干部", options: companions, selected: Set(form.companions ?? [])))
            \(f.error(for: "cadreIds"))
            <div class="actions"><button type="submit">保存走访</button><a class="button secondary" href="\(WebPath.enterprise(id))">取消</a></div>
            </form>
            """
    }
}
