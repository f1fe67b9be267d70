import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/policies`: the 政策清单, who qualifies (精准推送), pushing, the enterprise's acknowledgement
/// and 免申即享 grants. Staff read the policies of their subtree and of the units above; an enterprise
/// reads only the policies in force that fit it, each with its reasons.
struct PoliciesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let policies = routes.grouped("policies")
        policies.get(use: list)
        policies.post(use: create)
        policies.get("compilation.docx", use: PolicyDownloads.compilation)
        policies.get(":id", use: show)
        policies.patch(":id", use: update)
        policies.get(":id", "eligible-enterprises", use: eligible)
        policies.post(":id", "push", use: push)
        policies.post(":id", "acknowledge", use: acknowledge)
        policies.post(":id", "grants", use: grant)
    }

    struct PolicyDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let title: String
        let documentNumber: String?
        let issuer: String
        let level: String
        let themes: [String]
        let summary: String?
        let validFrom: String?
        let validUntil: String?
        let inForce: Bool
        let departmentId: UUID?
        let benefitKind: String
        let sourceText: String?
        let sourceUrl: String?
        let automatic: Bool
        let columns: [String]
        let rule: EligibilityRuleDraft
        /// The rule in words.
        let ruleText: String
        /// For an enterprise: why it qualifies (符合：制造业；规上).
        let reasons: String?
        /// For an enterprise: whether it has confirmed it knows the policy.
        let acknowledged: Bool?

        init(_ p: PolicyRecord, rule: EligibilityRule, tree: OrgTree, today: LocalDate, fit: PolicyMatching.Fit? = nil)
        {
            id = p.id
            orgUnitId = p.orgUnitId
            title = p.title
            documentNumber = p.documentNumber
            issuer = p.issuer
            level = p.level
            themes = p.themeList
            summary = p.summary
            validFrom = p.validFrom
            validUntil = p.validUntil
            inForce = p.isValid(on: today)
            departmentId = p.departmentId
            benefitKind = p.benefitKind
            sourceText = p.sourceText
            sourceUrl = p.sourceUrl
            automatic = p.automatic
            columns = p.columnList
            self.rule = rule.draft
            ruleText = EligibilityDescription.rule(rule, unitName: { tree[$0]?.name })
            reasons = fit?.verdict.summary
            acknowledged = fit.map { $0.acknowledgedAt != nil }
        }
    }

    struct PolicyWrite: Content {
        let orgUnitId: UUID?
        let title: String?
        let documentNumber: String?
        let issuer: String?
        let level: String?
        let themes: [String]?
        let summary: String?
        let validFrom: String?
        let validUntil: String?
        let departmentId: UUID?
        let benefitKind: String?
        let sourceText: String?
        let sourceUrl: String?
        let automatic: Bool?
        let columns: [String]?
        let rule: EligibilityRuleDraft?
    }

    struct PolicyList: Content {
        let items: [PolicyDTO]
    }

    @Sendable func list(req: Request) async throws -> PolicyList {
        let desk = try await req.policyDesk()
        let (tree, today) = (desk.tree, desk.today)
        let tags = try await desk.tags()
        if desk.actor.has(.enterprise) {
            let fits = try await desk.fits()
            return PolicyList(
                items: fits.map {
                    PolicyDTO(
                        $0.policy, rule: $0.policy.eligibility(tags: tags, tree: tree), tree: tree, today: today,
                        fit: $0)
                })
        }
        let filter = PolicyFilter(
            q: req.queryText("q"), theme: req.queryText("theme"), column: req.queryText("column"),
            automaticOnly: req.queryText("automatic") == "true")
        let records = try await desk.catalogue(filter)
        return PolicyList(
            items: records.map { PolicyDTO($0, rule: $0.eligibility(tags: tags, tree: tree), tree: tree, today: today) }
        )
    }

    @Sendable func show(req: Request) async throws -> PolicyDTO {
        let desk = try await req.policyDesk()
        let (tree, today) = (desk.tree, desk.today)
        let tags = try await desk.tags()
        let id = try req.idParameter("政策")
        if desk.actor.has(.enterprise) {
            let fit = try await desk.fit(id)
            return PolicyDTO(
                fit.policy, rule: fit.policy.eligibility(tags: tags, tree: tree), tree: tree, today: today, fit: fit)
        }
        let policy = try await desk.policy(id)
        return PolicyDTO(policy, rule: policy.eligibility(tags: tags, tree: tree), tree: tree, today: today)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(PolicyWrite.self)
        let draft = PolicyDraft(
            title: body.title, documentNumber: body.documentNumber, issuer: body.issuer, level: body.level,
            themes: body.themes ?? [], summary: body.summary, validFrom: body.validFrom, validUntil: body.validUntil,
            benefitKind: body.benefitKind, sourceText: body.sourceText, sourceURL: body.sourceUrl,
            automatic: body.automatic ?? false, columns: body.columns ?? [])
        let id = try await req.policyDesk().create(
            draft, rule: body.rule, department: body.departmentId, orgUnit: body.orgUnitId)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    /// Only the fields sent change; `departmentId: null` cannot be told from absence, so a department
    /// is cleared on the web form.
    @Sendable func update(req: Request) async throws -> PolicyDTO {
        let desk = try await req.policyDesk()
        let id = try req.idParameter("政策")
        let p = try await desk.policy(id)
        guard AccessPolicy.has(desk.actor, .managePolicies) else { throw AppError.forbidden() }
        let body = try req.content.decode(PolicyWrite.self)
        let draft = PolicyDraft(
            title: body.title ?? p.title, documentNumber: body.documentNumber ?? p.documentNumber,
            issuer: body.issuer ?? p.issuer, level: body.level ?? p.level, themes: body.themes ?? p.themeList,
            summary: body.summary ?? p.summary, validFrom: body.validFrom ?? p.validFrom,
            validUntil: body.validUntil ?? p.validUntil, benefitKind: body.benefitKind ?? p.benefitKind,
            sourceText: body.sourceText ?? p.sourceText, sourceURL: body.sourceUrl ?? p.sourceUrl,
            automatic: body.automatic ?? p.automatic, columns: body.columns ?? p.columnList)
        let rule = try body.rule ?? JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(p.rule.utf8))
        try await desk.update(id, draft, rule: rule, department: body.departmentId ?? p.departmentId)
        return try await show(req: req)
    }

    struct EligibleDTO: Content {
        let id: UUID
        let name: String
        let creditCode: String
        let orgUnitId: UUID
        let reasons: String
        let channels: [String]
        let acknowledged: Bool
        let known: Bool
    }

    struct ReachDTO: Content {
        let policyId: UUID
        let eligible: Int
        let delivered: Int
        let known: Int
        /// 知晓率, 0–1; absent with nobody eligible.
        let awareness: Double?
        let items: [EligibleDTO]
        let nextOffset: Int?
    }

    @Sendable func eligible(req: Request) async throws -> ReachDTO {
        let desk = try await req.policyDesk()
        let policy = try await desk.policy(try req.idParameter("政策"))
        var v = JieyouDomain.Validator()
        let limit = Self.integer(req, "limit", default: 100, range: 1...1_000, &v)
        let offset = Self.integer(req, "offset", default: 0, range: 0...Int.max, &v)
        try v.throwIfFailed()
        let (reach, evaluator, _) = try await desk.reach(of: policy)
        let page = reach.eligible.dropFirst(offset).prefix(limit)
        return ReachDTO(
            policyId: policy.id, eligible: reach.eligible.count, delivered: reach.delivered, known: reach.known,
            awareness: reach.awareness,
            items: page.map {
                EligibleDTO(
                    id: $0.facts.id, name: $0.facts.name, creditCode: $0.facts.creditCode,
                    orgUnitId: $0.facts.orgUnitID,
                    reasons: evaluator.explain($0.facts).summary, channels: $0.channels.map(\.rawValue).sorted(),
                    acknowledged: $0.acknowledged, known: $0.known)
            }, nextOffset: offset + limit < reach.eligible.count ? offset + limit : nil)
    }

    static func integer(
        _ req: Request, _ key: String, default value: Int, range: ClosedRange<Int>, _ v: inout JieyouDomain.Validator
    )
        -> Int
    {
        guard let text = req.queryText(key) else { return value }
        guard let number = Int(text), range.contains(number) else {
            let upper = range.upperBound == Int.max ? "" : "且不大于\(range.upperBound)"
            v.fail(key, "\(key)应为不小于\(range.lowerBound)\(upper)的整数")
            return value
        }
        return number
    }

    struct PushResult: Content {
        let pushed: Int
    }

    @Sendable func push(req: Request) async throws -> PushResult {
        let pushed = try await req.policyDesk().push(try req.idParameter("政策"))
        return PushResult(pushed: pushed)
    }

    @Sendable func acknowledge(req: Request) async throws -> HTTPStatus {
        try await req.policyDesk().acknowledge(try req.idParameter("政策"))
        return .noContent
    }

    struct GrantWrite: Content {
        let enterpriseIds: [UUID]?
        let kind: String?
        let amount: FlexibleText?
        let grantedOn: String?
        let note: String?
    }

    struct GrantResult: Content {
        let granted: Int
        let benefitIds: [UUID]
    }

    /// 免申即享 (or any policy's) grants: the same benefit for each listed enterprise, each of which must
    /// qualify for the policy today.
    @Sendable func grant(req: Request) async throws -> Response {
        let desk = try await req.policyDesk()
        let policy = try await desk.policy(try req.idParameter("政策"))
        guard AccessPolicy.has(desk.actor, .managePolicies) else { throw AppError.forbidden() }
        let body = try req.content.decode(GrantWrite.self)
        let created = try await desk.grant(
            BenefitDraft(kind: body.kind, amount: body.amount?.text, grantedOn: body.grantedOn, note: body.note),
            under: policy.id, to: body.enterpriseIds ?? [])
        return try await GrantResult(granted: created.count, benefitIds: created).encodeResponse(
            status: .created, for: req)
    }

}

/// A value that clients send as text or as a number (`"733.14"` or `733.14`), read as text so that
/// amounts are parsed exactly by the domain, never through a binary float.
struct FlexibleText: Codable, Sendable {
    let text: String

    init(from decoder: any Decoder) throws {
        text = try EligibilityRuleValue(from: decoder).text
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
