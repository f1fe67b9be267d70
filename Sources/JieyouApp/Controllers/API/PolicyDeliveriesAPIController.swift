import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/policy-deliveries`: 政策送达. Cadres and the 政策小组 record that they brought a policy to
/// enterprises in person (上门送达) or at a briefing (宣讲会); the list shows a policy's or an
/// enterprise's deliveries within the reader's scope (an enterprise sees its own).
struct PolicyDeliveriesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let deliveries = routes.grouped("policy-deliveries")
        deliveries.get(use: list)
        deliveries.post(use: create)
    }

    struct DeliveryWrite: Content {
        let policyId: UUID?
        let enterpriseIds: [UUID]?
        let channel: String?
        let deliveredOn: String?
        let meetingId: UUID?
    }

    struct Recorded: Content {
        let recorded: Int
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(DeliveryWrite.self)
        var v = JieyouDomain.Validator()
        if body.policyId == nil { v.fail("policyId", "请选择政策") }
        let channel = body.channel.flatMap(DeliveryChannel.parse)
        if channel == nil { v.fail("channel", "请选择送达方式：上门送达或宣讲会") }
        let today = LocalDate(req.now, in: .chinaStandard)
        let day = v.pastDay(
            body.deliveredOn, field: "deliveredOn", label: "送达日期", today: today, maxAgeDays: 366, oldest: "一年前")
        try v.throwIfFailed()
        let recorded = try await PolicyDeliveryService(database: req.db, now: req.now).record(
            body.policyId!, enterprises: body.enterpriseIds ?? [], channel: channel!, on: day, meeting: body.meetingId,
            by: signedIn.actor)
        return try await Recorded(recorded: recorded).encodeResponse(status: .created, for: req)
    }

    struct DeliveryDTO: Content {
        let id: UUID
        let policyId: UUID
        let policyTitle: String
        let enterpriseId: UUID
        let enterpriseName: String
        let channel: String
        let deliveredOn: String
        let acknowledgedAt: Date?
    }

    struct DeliveryList: Content {
        let items: [DeliveryDTO]
    }

    /// At most 1,000, newest first; filter by `policy` or `enterprise`.
    @Sendable func list(req: Request) async throws -> DeliveryList {
        let signedIn = try req.requireSignedIn()
        var v = JieyouDomain.Validator()
        let policy = req.queryID("policy", "政策", &v)
        let enterprise = req.queryID("enterprise", "企业", &v)
        try v.throwIfFailed()
        var conditions: [SQLQueryString] = []
        if signedIn.actor.has(.enterprise), let own = signedIn.actor.enterpriseID {
            conditions.append("d.enterprise_id = \(bind: own)")
        } else {
            guard AccessPolicy.has(signedIn.actor, .readPolicies) else { throw AppError.forbidden() }
            let tree = try await OrgDirectory.tree(on: req.db)
            conditions.append("d.org_unit_id IN (\(binds: Array(tree.subtree(of: signedIn.actor.orgUnitID))))")
        }
        if let policy { conditions.append("d.policy_id = \(bind: policy)") }
        if let enterprise { conditions.append("d.enterprise_id = \(bind: enterprise)") }
        let items = try await req.db.sql.raw(
            """
            SELECT d.id, d.policy_id, p.title AS policy_title, d.enterprise_id, e.name AS enterprise_name, d.channel,
              d.delivered_on, d.acknowledged_at
            FROM policy_deliveries d JOIN policies p ON p.id = d.policy_id JOIN enterprises e ON e.id = d.enterprise_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY d.delivered_on DESC, d.created_at DESC LIMIT 1000
            """
        ).all(decoding: DeliveryDTO.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return DeliveryList(items: items)
    }
}
