import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/policy-deliveries`: 政策送达. Cadres and the 政策小组 record that they brought a policy to
/// enterprises in person (上门送达) or at a briefing (宣讲会); the list shows a policy's or an
/// enterprise's deliveries within the reader's scope (an enterprise sees its own).
struct PolicyDeliveriesAPI: RouteCollection {
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
        let desk = try await req.policyDesk()
        // Who may not record a delivery learns that before anything about the body it sent.
        guard AccessPolicy.has(desk.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let body = try req.content.decode(DeliveryWrite.self)
        var v = JieyouDomain.Validator()
        if body.policyId == nil { v.fail("policyId", "请选择政策") }
        let channel = body.channel.flatMap(DeliveryChannel.parse)
        if channel == nil { v.fail("channel", "请选择送达方式：上门送达或宣讲会") }
        let day = v.pastDay(
            body.deliveredOn, field: "deliveredOn", label: "送达日期", today: desk.today, maxAgeDays: 366,
            oldest: "一年前")
        try v.throwIfFailed()
        let recorded = try await desk.recordDelivery(
            body.policyId!, enterprises: body.enterpriseIds ?? [], channel: channel!, on: day, meeting: body.meetingId)
        return try await Recorded(recorded: recorded).encodeResponse(status: .created, for: req)
    }

    /// A delivery as the list shows it (`PolicyDeliveryService.Delivery`).
    typealias DeliveryDTO = PolicyDeliveryService.Delivery

    struct DeliveryList: Content {
        let items: [DeliveryDTO]
    }

    /// At most 1,000, newest first; filter by `policy` or `enterprise`.
    @Sendable func list(req: Request) async throws -> DeliveryList {
        let desk = try await req.policyDesk()
        var v = JieyouDomain.Validator()
        let policy = req.queryID("policy", "政策", &v)
        let enterprise = req.queryID("enterprise", "企业", &v)
        try v.throwIfFailed()
        let items = try await desk.deliveries(policy: policy, enterprise: enterprise)
        return DeliveryList(items: items)
    }
}

extension PolicyDeliveryService.Delivery: Content {}
